// The sandbox: a loopback emulator of the providers' balance APIs. Each provider is mounted under
// /<provider-id> (so an account's baseUrl is http://127.0.0.1:<port>/<provider-id>), answers with
// the docs' example data, checks auth the way the provider does, enforces the documented rate
// limit, and can be told to misbehave (faults.ts). Tests, `demo` and `sandbox` all use it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyFault, FaultQueue, type Fault } from './faults.js';
import { InFlight } from './in-flight.js';
import { WindowCounter } from './window-counter.js';
import { defaultMounts, type MountResponse, type SandboxState } from './mounts.js';
import { startScenario, type ScenarioSpec } from './scenario.js';

export interface RecordedRequest {
  provider: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  at: number;
}

export interface SandboxOptions {
  port?: number;
  latencyMs?: number;
  /** Override or disable (null) a provider's enforced rate limit. */
  rateLimits?: Record<string, { requests: number; windowMs: number } | null>;
  /** Make balances change over time (scenario.ts). */
  scenario?: ScenarioSpec;
}

export interface Sandbox {
  url: string;
  port: number;
  faults: FaultQueue;
  requests: RecordedRequest[];
  state: SandboxState;
  /** TCP connections accepted so far: sockets the clients opened (tests and the bench read it). */
  connections(): number;
  /** Requests being answered at once, overall and per credential (their peaks). */
  inFlight: InFlight;
  baseUrl(provider: string): string;
  close(): Promise<void>;
}

const MAX_RECORDED = 10_000;
const MAX_BODY = 1024 * 1024;

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const { mounts, state } = await defaultMounts();
  const scenario = options.scenario ? startScenario(options.scenario, mounts) : null;
  const counters = new Map<string, WindowCounter>();
  const inFlight = new InFlight();
  for (const { id, mount } of mounts) {
    const limit = options.rateLimits && id in options.rateLimits ? options.rateLimits[id] : mount.rateLimit;
    if (limit) counters.set(id, new WindowCounter(limit.requests, limit.windowMs));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"SANDBOX_BUG","message":"sandbox failure"}}');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const body = await readBody(req);
    if (url.pathname.startsWith('/__sandbox/')) return control(url, req.method ?? 'GET', body, res);
    const [, providerId = '', ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    requests.push({ provider: providerId, method: req.method ?? 'GET', path: path + url.search, headers, body, at: Date.now() });
    if (requests.length > MAX_RECORDED) requests.shift();
    const mount = mounts.find((m) => m.id === providerId)?.mount;
    res.once('close', inFlight.enter(mount?.credentialOf(headers) ?? null));

    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    const fault = faults.take(providerId, path);
    if (fault && (await applyFault(fault, req, res))) return;

    if (!mount) return send(res, { status: 404, body: { error: { code: 'NO_SUCH_PROVIDER', message: `no sandbox provider '${providerId}'` } } });
    const credential = mount.credentialOf(headers);
    const counter = counters.get(providerId);
    if (counter && credential) {
      const retryAfterMs = counter.hit(credential);
      if (retryAfterMs !== null) return send(res, mount.rateLimited(Math.ceil(retryAfterMs / 1000), counter.limit));
    }
    scenario?.beforeRequest(providerId, path);
    send(res, mount.handle({ method: req.method ?? 'GET', path, prefix: `/${providerId}`, query: url.searchParams, headers, body }) ?? mount.notFound());
  }

  function control(url: URL, method: string, body: string, res: ServerResponse): void {
    if (url.pathname === '/__sandbox/faults' && method === 'POST') {
      faults.add(JSON.parse(body) as Fault);
      return send(res, { status: 204, body: '' });
    }
    if (url.pathname === '/__sandbox/faults' && method === 'DELETE') {
      faults.clear();
      return send(res, { status: 204, body: '' });
    }
    if (url.pathname === '/__sandbox/requests') return send(res, { status: 200, body: { count: requests.length } });
    send(res, { status: 404, body: { error: 'unknown control endpoint' } });
  }

  let connections = 0;
  server.on('connection', () => connections++);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    faults,
    requests,
    state,
    connections: () => connections,
    inFlight,
    baseUrl: (provider) => `${url}/${provider}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, response: MountResponse): void {
  if (res.headersSent || res.destroyed) return;
  const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  res.writeHead(response.status, { 'content-type': response.contentType ?? 'application/json', ...response.headers });
  res.end(response.status === 204 ? undefined : text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
