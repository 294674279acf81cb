// One HTTP exchange over undici (the project's HTTP library): keep-alive Agents (one per route:
// direct, or one proxy) whose sockets are opened by the budgeted connector (connector.ts), headers
// and body timeouts, a response size cap, and undici's own errors mapped to the codes the retry
// policy and messages use.
//
// Start-up is this tool's speed (docs/dev/performance.md), and on Node 20 undici is its largest cost.
// Measured on this project's machines:
//  - `import('undici')` takes 70–100 ms; only the Agent and the request API are needed, and loading
//    those two modules directly takes ~25 ms (a fallback loads the whole package if they move).
//    They are CommonJS and loaded with `require`: `import()` of a CommonJS file also runs Node's
//    ESM translator and export lexer over it (4–9 % of a one-shot run on Node 20);
//  - undici compiles its llhttp WebAssembly parser when it loads, and V8 11 (Node 20) holds process
//    exit until the optimizing tier has finished with it, ~100 ms after the work is done. The CLI
//    entry (src/cli.ts) sets `--liftoff-only` for that; library code never changes V8 flags, as
//    they belong to the host application.
// All of it happens on the first request only: --help, --version, config init and completion
// never load undici.
import { createRequire } from 'node:module';
import type { Agent, Dispatcher } from 'undici';
import { BudgetedConnector } from './connector.js';
import type { ProxyChoice } from './proxy.js';

export interface Exchange {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string | undefined;
  /** The proxy to tunnel through (src/http/proxy.ts decides), or null for a direct connection. */
  proxy: ProxyChoice | null;
  /**
   * How long opening a connection may take, every phase together (TCP, the proxy's CONNECT, TLS).
   * Fixed per route (its connector keeps the first request's value); the deadline is `signal`.
   */
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxResponseBytes: number;
  signal: AbortSignal;
  /** The error for a body over maxResponseBytes (not retryable). */
  tooLarge: () => Error;
}

export interface ExchangeResult {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/**
 * Sockets per origin, whatever the number of credentials. Requests in flight are paced per
 * credential (catalog `concurrency`, src/http/rate-limiter.ts), so one key opens at most its
 * concurrency in sockets and 50 accounts with their own keys on one host run side by side instead
 * of queueing on a handful of sockets; this bound keeps hundreds of keys from opening hundreds.
 */
export const MAX_SOCKETS_PER_ORIGIN = 64;

interface Undici {
  Agent: typeof Agent;
  request: (dispatcher: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;
}

/** How a module is loaded: Node's `require` (tests hand in one whose private paths have moved). */
export type ModuleLoader = (id: string) => unknown;

function loadUndici(load: ModuleLoader): Undici {
  try {
    const AgentClass = load('undici/lib/dispatcher/agent.js') as typeof Agent;
    const api = load('undici/lib/api/index.js') as { request: (this: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData> };
    return { Agent: AgentClass, request: (dispatcher, options) => api.request.call(dispatcher, options) };
  } catch {
    const full = load('undici') as { Agent: typeof Agent };
    return { Agent: full.Agent, request: (dispatcher, options) => dispatcher.request(options) };
  }
}

/** An error with a code the retry policy and the messages in client.ts understand. */
function coded(code: string, message: string, cause?: unknown, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message, cause === undefined ? undefined : { cause }), { code, ...extra });
}

/**
 * The request, or the signal's reason as soon as it aborts. undici only honours an abort once the
 * request has a socket, so without this a request still waiting for its connection would outlive
 * the deadline; what it leaves behind ends with the connector's own timeout or close().
 */
function unlessAborted<T extends { body: { destroy(): unknown } }>(pending: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      // Whatever the abandoned request still does ends here: a late answer is thrown away.
      pending.then(
        (late) => late.body.destroy(),
        () => undefined,
      );
      reject(signal.reason);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** undici's error codes → ours (see RETRYABLE_ERROR_CODES in retry.ts). */
const UNDICI_CODES: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: 'CONNECT_TIMEOUT',
  UND_ERR_HEADERS_TIMEOUT: 'HEADERS_TIMEOUT',
  UND_ERR_BODY_TIMEOUT: 'BODY_TIMEOUT',
  UND_ERR_SOCKET: 'SOCKET_CLOSED',
  UND_ERR_CLOSED: 'SOCKET_CLOSED',
  UND_ERR_DESTROYED: 'SOCKET_CLOSED',
};

/**
 * An abort carries its reason (Ctrl+C's InterruptedError, or the deadline's TimeoutError); a
 * deadline reached while the request's connection was still being opened says how far it got.
 */
function translate(error: unknown, signal: AbortSignal, midBody: boolean, connector?: BudgetedConnector, url?: URL): Error {
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    const phase = (reason as { name?: string } | null)?.name === 'TimeoutError' && url ? connector?.pendingPhase(url) : undefined;
    if (phase) return coded('CONNECT_TIMEOUT', `timed out ${phase}`, reason, { phase });
    return reason instanceof Error ? reason : coded('ABORTED', 'aborted');
  }
  const code = (error as { code?: string } | null)?.code ?? '';
  const ours = UNDICI_CODES[code];
  if (ours === 'BODY_TIMEOUT') return coded(ours, 'body timeout', error);
  // The connection died after the headers: the body is incomplete, retryable like any reset.
  if (midBody) return coded('BODY_TRUNCATED', 'response body truncated', error);
  if (ours) return coded(ours, error instanceof Error ? error.message : ours, error);
  return error instanceof Error ? error : coded('NETWORK', String(error));
}

/** One route's sockets: an Agent and the connector that opens them. */
interface Route {
  agent: Agent;
  connector: BudgetedConnector;
}

/**
 * The sockets of one Runtime (src/http/runtime.ts): one keep-alive Agent per route (direct, or one
 * per proxy URL), created on the first request. close() ends them; a later request opens new ones.
 */
export class HttpTransport {
  private undici: Undici | null = null;
  /** 'direct' or a proxy URL (credentials included: two users of one proxy are two routes). */
  private readonly routes = new Map<string, Route>();

  constructor(private readonly loadModule: ModuleLoader = createRequire(import.meta.url)) {}

  /** Whether any socket pool is open (tests: a library call leaves none behind). */
  get open(): boolean {
    return this.routes.size > 0;
  }

  /** Close pooled sockets so the process can exit promptly; connections still opening end now. */
  async close(): Promise<void> {
    const current = [...this.routes.values()];
    this.routes.clear();
    for (const route of current) route.connector.close();
    await Promise.all(current.map((route) => route.agent.close().catch(() => undefined)));
  }

  async exchange(spec: Exchange): Promise<ExchangeResult> {
    const { request } = (this.undici ??= loadUndici(this.loadModule));
    const { agent, connector } = this.route(spec.proxy, spec.connectTimeoutMs);
    let response: Dispatcher.ResponseData;
    try {
      response = await unlessAborted(
        request(agent, {
          origin: spec.url.origin,
          path: spec.url.pathname + spec.url.search,
          method: spec.method,
          headers: spec.headers,
          body: spec.body ?? null,
          headersTimeout: spec.headersTimeoutMs,
          bodyTimeout: spec.bodyTimeoutMs,
          signal: spec.signal,
        }),
        spec.signal,
      );
    } catch (error) {
      throw translate(error, spec.signal, false, connector, spec.url);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    if (Number(headers['content-length'] ?? Number.NaN) > spec.maxResponseBytes) {
      response.body.destroy();
      throw spec.tooLarge();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let overflow: Error | null = null;
    try {
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > spec.maxResponseBytes) {
          overflow = spec.tooLarge();
          break; // leaving the loop destroys the body stream: nothing more is read
        }
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      throw translate(error, spec.signal, true);
    }
    if (overflow) throw overflow;
    // undici hands a kept-alive socket to the next request one event-loop turn after its response
    // ended (it waits for a server that closes despite keep-alive). Returning after that turn
    // lets the credential's next request (src/http/rate-limiter.ts releases its slot now) reuse
    // this socket instead of opening another: sockets stay at the credential's concurrency.
    await new Promise<void>((resolve) => setImmediate(resolve));
    return { status: response.statusCode, headers, text: Buffer.concat(chunks).toString('utf8') };
  }

  private route(proxy: ProxyChoice | null, connectTimeoutMs: number): Route {
    const key = proxy ? proxy.url.href : 'direct';
    let route = this.routes.get(key);
    if (!route) {
      const { Agent: AgentClass } = (this.undici ??= loadUndici(this.loadModule));
      // Plain HTTP goes through the proxy's CONNECT tunnel too, so the proxy never sees a request
      // line or header with a key in it.
      const connector = new BudgetedConnector(proxy, connectTimeoutMs);
      const agent = new AgentClass({
        connections: MAX_SOCKETS_PER_ORIGIN,
        pipelining: 1,
        keepAliveTimeout: 4_000,
        connect: connector.connect as unknown as Agent.Options['connect'],
      });
      route = { agent, connector };
      this.routes.set(key, route);
    }
    return route;
  }
}
