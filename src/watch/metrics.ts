// `watch --metrics [host:]port`: Prometheus text exposition at /metrics (prom-client, loaded only
// here). The families and how polls update them are in metric-families.ts; this file serves them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Balance } from '../core/balance.js';
import { UsageError } from '../core/errors.js';
import { forPrometheusPage } from '../core/sanitize.js';
import type { ReconciliationRow } from '../core/totals.js';
import { MetricFamilies, type BuildInfo, type PollError } from './metric-families.js';

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
  /** Provider-reported totals and their reconciliation, after a successful poll. */
  setReported(account: string, rows: ReconciliationRow[]): void;
  /** errors: empty for a successful poll. */
  pollDone(account: string, provider: string, seconds: number, errors: PollError[], at: Date): void;
  close(): Promise<void>;
}

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

export const METRICS_SERVER_LIMITS: ServerLimits = {
  maxConnections: 32,
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 1_000,
};

export async function startMetrics(
  address: MetricsAddress,
  accounts: Array<{ name: string; provider: string }>,
  build: BuildInfo,
  /** The run's redactor: the page is output too, so no secret of the run may appear on it. */
  redact: (text: string) => string,
  limits: ServerLimits = METRICS_SERVER_LIMITS,
): Promise<Metrics> {
  const prom = await import('prom-client');
  const registry = new prom.Registry();
  const families = new MetricFamilies(prom, registry, build, accounts);

  const server: Server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
    (req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      if (path !== '/metrics') {
        res
          .writeHead(path === '/' ? 200 : 404, { 'content-type': 'text/plain; charset=utf-8' })
          .end(path === '/' ? 'balance-inspector watch: see /metrics\n' : 'not found\n');
        return;
      }
      registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(req.method === 'HEAD' ? undefined : forPrometheusPage(redact(text))),
        () => res.writeHead(500).end(),
      );
    },
  );
  // Beyond the cap, new connections are closed at once; a connection that has not sent its whole
  // request head within headersTimeoutMs gets 408 and is closed (checked every checkIntervalMs).
  server.maxConnections = limits.maxConnections;
  await listen(server, address);
  const bound = server.address() as AddressInfo;
  const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;

  return {
    url: `http://${host}:${bound.port}/metrics`,
    setBalances: (account, balances) => families.setBalances(account, balances),
    setReported: (account, rows) => families.setReported(account, rows),
    pollDone: (account, provider, seconds, errors, at) => families.pollDone(account, provider, seconds, errors, at),
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
      const why =
        error.code === 'EADDRINUSE'
          ? 'the address is already in use'
          : error.code === 'EACCES'
            ? 'permission denied'
            : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
              ? 'no such local address'
              : (error.code ?? 'cannot listen');
      reject(new UsageError(`--metrics ${where}: ${why}`, 'pick another port, e.g. --metrics 9188'));
    });
    server.listen(address.port, address.host, () => resolve());
  });
}
