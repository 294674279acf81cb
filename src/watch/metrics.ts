// `watch --metrics [host:]port`: Prometheus text exposition at /metrics (prom-client, loaded only
// here). Balances become gauges — Prometheus samples are float64 by nature, so this is the one
// place an amount is turned into a JS number; the NDJSON stream and the table stay exact.
// Unknown amounts (null) are not exported at all rather than as 0, and a balance the provider no
// longer lists loses its series. A failing account keeps its last values (like the table) and
// `balance_inspector_account_up` / `..._last_success_timestamp_seconds` tell that they are stale.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Balance } from '../core/balance.js';
import { UsageError } from '../core/errors.js';
import { forPrometheusPage } from '../core/sanitize.js';
import { redact } from '../core/secrets.js';

export interface MetricsAddress {
  host: string;
  port: number;
}

/** `9100`, `0.0.0.0:9100`, `[::1]:9100`; null when the text is not an address. */
export function parseMetricsAddress(text: string): MetricsAddress | null {
  const match = /^(?:(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):)?([0-9]{1,5})$/.exec(text.trim());
  if (!match) return null;
  const port = Number(match[2]);
  if (port > 65535) return null;
  const host = match[1] === undefined ? '127.0.0.1' : match[1].replace(/^\[(.*)\]$/, '$1');
  return { host, port };
}

export interface Metrics {
  /** http://host:port/metrics */
  url: string;
  setBalances(account: string, balances: Balance[]): void;
  pollDone(account: string, provider: string, seconds: number, ok: boolean, at: Date): void;
  close(): Promise<void>;
}

const BALANCE_LABELS = ['account', 'provider', 'wallet', 'currency', 'network', 'mode'] as const;
const AMOUNTS = [
  ['available', 'balance_inspector_available_balance', 'Available balance as the provider reports it (float64)'],
  ['pending', 'balance_inspector_pending_balance', 'Pending (not yet available) balance (float64)'],
  ['total', 'balance_inspector_total_balance', 'Total balance: available + pending (float64)'],
  ['usdValue', 'balance_inspector_usd_value', 'USD value of the total balance, where a rate is known (float64)'],
] as const;

/**
 * The scrape endpoint is reachable by anyone who can connect: it holds few sockets and drops idle or
 * slow clients, so a flood of idle connections cannot use up the file descriptors the polls need.
 */
export interface ServerLimits {
  maxConnections: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** How often idle or slow connections are looked for. */
  checkIntervalMs: number;
}

export const METRICS_SERVER_LIMITS: ServerLimits = { maxConnections: 32, headersTimeoutMs: 5_000, requestTimeoutMs: 10_000, keepAliveTimeoutMs: 5_000, checkIntervalMs: 1_000 };

export async function startMetrics(address: MetricsAddress, accounts: Array<{ name: string; provider: string }>, limits: ServerLimits = METRICS_SERVER_LIMITS): Promise<Metrics> {
  const { Registry, Gauge, Counter, Histogram } = await import('prom-client');
  const registry = new Registry();
  const registers = [registry];
  const gauges = AMOUNTS.map(([field, name, help]) => ({ field, gauge: new Gauge({ name, help, labelNames: BALANCE_LABELS, registers }) }));
  const accountLabels = ['account', 'provider'] as const;
  const lastSuccess = new Gauge({ name: 'balance_inspector_last_success_timestamp_seconds', help: 'Unix time of the last successful poll of the account', labelNames: accountLabels, registers });
  const up = new Gauge({ name: 'balance_inspector_account_up', help: '1 when the latest poll of the account succeeded, 0 when it failed', labelNames: accountLabels, registers });
  const errors = new Counter({ name: 'balance_inspector_poll_errors_total', help: 'Failed polls of the account', labelNames: accountLabels, registers });
  const duration = new Histogram({
    name: 'balance_inspector_poll_duration_seconds', help: 'How long one poll of the account took', labelNames: accountLabels, registers,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  });
  // Start every account's error counter at 0 so rate() sees the first failure.
  for (const a of accounts) errors.inc({ account: a.name, provider: a.provider }, 0);

  // Label sets exported per account, so series of balances that disappear can be removed.
  const exported = new Map<string, Map<string, Record<string, string>>>();

  const server: Server = createServer({
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.checkIntervalMs,
  }, (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path !== '/metrics') {
      res.writeHead(path === '/' ? 200 : 404, { 'content-type': 'text/plain; charset=utf-8' }).end(path === '/' ? 'balance-inspector watch: see /metrics\n' : 'not found\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(req.method === 'HEAD' ? undefined : forPrometheusPage(redact(text))),
      () => res.writeHead(500).end(),
    );
  });
  // Beyond the cap, new connections are closed at once; a connection that has not sent its whole
  // request head within headersTimeoutMs gets 408 and is closed (checked every checkIntervalMs).
  server.maxConnections = limits.maxConnections;
  await listen(server, address);
  const bound = server.address() as AddressInfo;
  const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;

  return {
    url: `http://${host}:${bound.port}/metrics`,
    setBalances(account, balances) {
      const previous = exported.get(account) ?? new Map<string, Record<string, string>>();
      const current = new Map<string, Record<string, string>>();
      for (const b of balances) {
        const labels = { account: b.account, provider: b.provider, wallet: b.wallet ?? '', currency: b.currency, network: b.network ?? '', mode: b.mode ?? '' };
        current.set(JSON.stringify(labels), labels);
        for (const { field, gauge } of gauges) {
          const value = b[field];
          if (value === null) gauge.remove(labels);
          else gauge.set(labels, value.toNumber());
        }
      }
      for (const [key, labels] of previous) {
        if (!current.has(key)) for (const { gauge } of gauges) gauge.remove(labels);
      }
      exported.set(account, current);
    },
    pollDone(account, provider, seconds, ok, at) {
      const labels = { account, provider };
      duration.observe(labels, seconds);
      up.set(labels, ok ? 1 : 0);
      if (ok) lastSuccess.set(labels, at.getTime() / 1000);
      else errors.inc(labels);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, address: MetricsAddress): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const where = `${address.host}:${address.port}`;
      const why = error.code === 'EADDRINUSE' ? 'the address is already in use' : error.code === 'EACCES' ? 'permission denied' : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' ? 'no such local address' : (error.code ?? 'cannot listen');
      reject(new UsageError(`--metrics ${where}: ${why}`, 'pick another port, e.g. --metrics 9188'));
    });
    server.listen(address.port, address.host, () => resolve());
  });
}
