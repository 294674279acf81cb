// The budgeted connector (src/http/connector.ts): one timer over every phase of opening a
// connection, what it sends a proxy, how it reads the answer, and that nothing outlives a closed
// transport or an interrupted run. The CLI-level cases are the fault suite's T rows.
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BudgetedConnector, type ConnectTarget } from '../../src/http/connector.js';
import { proxyFor, type ProxyChoice } from '../../src/http/proxy.js';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeConfig } from '../helpers/fixtures.js';
import { misbehave, startRawServer, type RawServer } from '../helpers/proxy.js';

const servers: RawServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function raw(onConnection: (socket: Socket) => void): Promise<RawServer> {
  const server = await startRawServer(onConnection);
  servers.push(server);
  return server;
}

function proxyAt(url: string): ProxyChoice {
  const decision = proxyFor(new URL('https://api.example.test'), { HTTPS_PROXY: url });
  if (decision.kind !== 'proxy') throw new Error('expected a proxy');
  return decision.proxy;
}

const REMOTE: ConnectTarget = { hostname: 'api.example.test', protocol: 'https:', port: '' };

/** Connect and resolve with the error (or the socket) undici would get. */
function attempt(
  connector: BudgetedConnector,
  target: ConnectTarget = REMOTE,
): Promise<{ error: (Error & { code?: string; phase?: string }) | null; socket: Socket | null }> {
  return new Promise((resolve) => connector.connect(target, (error, socket) => resolve({ error, socket })));
}

/** What the client sent on its first connection, once it has sent a whole head. */
function recorder(): { seen: () => string; onConnection: (socket: Socket) => void } {
  let text = '';
  return { seen: () => text, onConnection: (socket) => void socket.on('data', (d: Buffer) => (text += d.toString('latin1'))) };
}

describe('one timer over every phase', () => {
  it.each([
    ['a proxy that never answers CONNECT', 'proxy', 'waiting for the proxy to open the tunnel'],
    ['a TLS handshake that never completes', 'direct', 'in the TLS handshake'],
  ])('%s fails with CONNECT_TIMEOUT naming the phase', async (_, route, phase) => {
    const server = await raw(misbehave.silent);
    const connector = new BudgetedConnector(route === 'proxy' ? proxyAt(server.url) : null, 200);
    const target = route === 'proxy' ? REMOTE : { hostname: '127.0.0.1', protocol: 'https:', port: String(server.port) };
    const { error } = await attempt(connector, target);
    expect([error?.code, error?.phase, error?.message]).toEqual(['CONNECT_TIMEOUT', phase, `timed out ${phase}`]);
  });

  it('a TLS handshake through the tunnel is inside the same timer', async () => {
    const origin = await raw(misbehave.silent);
    const proxy = await raw(misbehave.tunnelTo(origin.port));
    const { error } = await attempt(new BudgetedConnector(proxyAt(proxy.url), 200));
    expect([error?.code, error?.phase]).toEqual(['CONNECT_TIMEOUT', 'in the TLS handshake through the proxy']);
    expect(origin.connections()).toBe(1);
  });

  it('close() ends the attempts still running at once, and their sockets', async () => {
    let open = 0;
    const server = await raw((socket) => {
      open += 1;
      socket.on('close', () => (open -= 1));
      socket.resume();
    });
    const connector = new BudgetedConnector(proxyAt(server.url), 60_000);
    const pending = Promise.all([attempt(connector), attempt(connector)]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    connector.close();
    const results = await pending;
    expect(results.map((r) => r.error?.code)).toEqual(['ABORTED', 'ABORTED']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(open).toBe(0);
  });
});

describe('what a proxy is sent and how its answer is read', () => {
  it('CONNECT names host:port (IPv6 in brackets) and carries the percent-decoded credentials', async () => {
    const record = recorder();
    const server = await raw((socket) => {
      record.onConnection(socket);
      misbehave.answer('HTTP/1.1 403 Forbidden\r\n\r\n')(socket);
    });
    const withAuth = server.url.replace('http://', 'http://al%40ice:p%3Ass@');
    await attempt(new BudgetedConnector(proxyAt(withAuth), 2_000), { hostname: '2001:db8::1', protocol: 'https:', port: '8443' });
    expect(record.seen()).toBe(
      `CONNECT [2001:db8::1]:8443 HTTP/1.1\r\nHost: [2001:db8::1]:8443\r\nProxy-Authorization: Basic ${Buffer.from('al@ice:p:ss').toString('base64')}\r\n\r\n`,
    );
  });

  it.each([
    ['HTTP/1.1 407 Proxy Authentication Required\r\n\r\n', 'PROXY_REFUSED', 'proxy answered 407 to CONNECT'],
    ['HTTP/1.0 403 Forbidden\r\nX-Why: policy\r\n\r\n', 'PROXY_REFUSED', 'proxy answered 403 to CONNECT'],
    ['HTTP/1.1 503 Service Unavailable\r\n\r\n', 'PROXY_FAILED', 'proxy answered 503 to CONNECT'],
    ['HTTP/1.1 200 OK\r\n\r\nsurprise', 'PROXY_BAD_ANSWER', 'the proxy sent data before the tunnel was used'],
    ['220 smtp.example ESMTP\r\n\r\n', 'PROXY_BAD_ANSWER', 'the proxy answered CONNECT with something that is not HTTP'],
    [`HTTP/1.1 200 OK\r\nX-Pad: ${'x'.repeat(20_000)}`, 'PROXY_BAD_ANSWER', 'the proxy sent an answer head over 16 KiB'],
  ])('answer %j → %s', async (answer, code, message) => {
    const server = await raw(misbehave.answer(answer));
    const { error } = await attempt(new BudgetedConnector(proxyAt(server.url), 2_000));
    expect([error?.code, error?.message]).toEqual([code, message]);
  });

  it('a proxy that hangs up before answering is PROXY_CLOSED (retryable), not a socket error undici retries forever', async () => {
    const server = await raw(misbehave.close);
    const { error } = await attempt(new BudgetedConnector(proxyAt(server.url), 2_000));
    expect(error?.code).toBe('PROXY_CLOSED');
    expect(server.connections()).toBe(1);
  });
});

describe('the run around it', () => {
  it('Ctrl+C while a proxy holds the CONNECT ends the run as interrupted', async () => {
    const proxy = await raw(misbehave.silent);
    const dir = tempDir('bi-connect-');
    const config = writeConfig(dir, {
      accounts: { remote: { provider: 'flow-payments', baseUrl: 'https://api.flow.test/api', apiKey: 'sk_test_0123456789abcdefghij', mode: 'test' } },
    });
    const result = await runCli(['balances', '--config', config], { env: { HTTPS_PROXY: proxy.url }, interruptAfterMs: 300, timeoutMs: 10_000 });
    expect(result.code).toBe(130);
    expect(result.stdout).toBe('');
  });

  it('a library call that timed out on a stalled proxy leaves no socket open behind it', async () => {
    let open = 0;
    const proxy = await raw((socket) => {
      open += 1;
      socket.on('close', () => (open -= 1));
      socket.resume();
    });
    const { fetchBalances, parseConfig } = await import('../../src/index.js');
    const loaded = parseConfig({
      accounts: { remote: { provider: 'flow-payments', baseUrl: 'https://api.flow.test/api', apiKey: 'sk_test_0123456789abcdefghij', mode: 'test' } },
    });
    const started = Date.now();
    const result = await fetchBalances(loaded, { timeout: 500, env: { HTTPS_PROXY: proxy.url } });
    expect(result.errors.map((e) => e.code)).toEqual(['TIMEOUT']);
    // A bound, not a measurement: closing the call's runtime must not wait for the 5 s connect
    // timer of the attempt it abandoned at its 0.5 s budget.
    expect(Date.now() - started).toBeLessThan(4_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(open).toBe(0);
  });
});
