// The --metrics server is reachable by anyone who can connect: it caps connections, drops idle and
// slow clients, and its page never carries a raw control or invisible character.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { METRICS_SERVER_LIMITS, startMetrics, type Metrics } from '../../src/watch/metrics.js';
import { balance } from '../helpers/balances.js';
import { Redactor } from '../../src/core/secrets.js';

const LIMITS = { maxConnections: 5, headersTimeoutMs: 400, requestTimeoutMs: 800, keepAliveTimeoutMs: 300, checkIntervalMs: 100 };
let metrics: Metrics | null = null;
const sockets: Socket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await metrics?.close();
  metrics = null;
});

function port(m: Metrics): number {
  return Number(new URL(m.url).port);
}

/** Open a socket that sends `send` (or nothing); resolves with how long after opening the server closed it. */
function idleSocket(p: number, send = ''): Promise<{ closedAfter: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(p, '127.0.0.1', () => {
      const opened = Date.now();
      if (send) socket.write(send);
      resolve({ closedAfter: new Promise((done) => socket.on('close', () => done(Date.now() - opened))) });
    });
    socket.on('error', () => undefined);
    socket.resume(); // read what the server sends (a 408), so its close is seen
    socket.once('error', reject);
    sockets.push(socket);
  });
}

describe('metrics server limits', () => {
  it('defaults: a small connection cap and timeouts in seconds, not minutes', () => {
    expect(METRICS_SERVER_LIMITS.maxConnections).toBeLessThanOrEqual(64);
    expect(METRICS_SERVER_LIMITS.headersTimeoutMs).toBeLessThanOrEqual(10_000);
    expect(METRICS_SERVER_LIMITS.requestTimeoutMs).toBeLessThanOrEqual(30_000);
  });

  it('200 idle connections: all but the cap are dropped at once, the rest when they time out; then a scrape works', async () => {
    const limits = { ...LIMITS, headersTimeoutMs: 2_000, requestTimeoutMs: 3_000 };
    metrics = await startMetrics(
      { host: '127.0.0.1', port: 0 },
      [{ name: 'a', provider: 'syncpay' }],
      { version: '0.0.0-test' },
      new Redactor().redact,
      limits,
    );
    const opened = await Promise.all(Array.from({ length: 200 }, () => idleSocket(port(metrics as Metrics))));
    const lifetimes = await Promise.all(opened.map((o) => o.closedAfter));
    // Over the cap: closed long before any timeout. The rest: gone after the headers timeout.
    expect(lifetimes.filter((ms) => ms < limits.headersTimeoutMs / 2).length).toBeGreaterThanOrEqual(200 - limits.maxConnections);
    expect(Math.max(...lifetimes)).toBeLessThan(limits.headersTimeoutMs + 2_000);
    const page = await fetch(metrics.url).then((r) => r.text());
    expect(page).toContain('balance_inspector_poll_errors_total');
  }, 20_000);

  it('a client that sends half a request head is dropped after the headers timeout', async () => {
    metrics = await startMetrics({ host: '127.0.0.1', port: 0 }, [], { version: '0.0.0-test' }, new Redactor().redact, LIMITS);
    const slow = await idleSocket(port(metrics), 'GET /metrics HTTP/1.1\r\nHost: x\r\n');
    const lived = await slow.closedAfter;
    expect(lived).toBeGreaterThanOrEqual(LIMITS.headersTimeoutMs - 50);
    expect(lived).toBeLessThan(LIMITS.headersTimeoutMs + 1_500);
  });
});

describe('metrics page', () => {
  it('label values from providers are escaped and redacted-safe: no raw control or invisible character', async () => {
    metrics = await startMetrics(
      { host: '127.0.0.1', port: 0 },
      [{ name: 'a', provider: 'syncpay' }],
      { version: '0.0.0-test' },
      new Redactor().redact,
      LIMITS,
    );
    metrics.setBalances('a', [balance({ account: 'a', currency: 'US\u2060DT', wallet: 'w\u001b]0;x\u0007', available: '1.5', total: '1.5' })]);
    const page = await fetch(metrics.url).then((r) => r.text());
    expect(page).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2060]/);
    expect(page).toContain('currency="US\\\\u2060DT"');
    expect(page).toContain('wallet="w\\\\e]0;x\\\\x07"');
  });
});
