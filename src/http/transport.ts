// One HTTP exchange over undici (the project's HTTP library): a keep-alive Agent with at most four
// connections per origin, connect / headers / body timeouts, a response size cap, and undici's own
// errors mapped to the codes the retry policy and messages use.
//
// Start-up is this tool's speed (docs/dev/performance.md), and on Node 20 undici is its largest cost.
// Measured on this project's machines:
//  - `import('undici')` takes 70–100 ms; only the Agent and the request API are needed, and loading
//    those two modules directly takes ~25 ms (a fallback loads the whole package if they move);
//  - undici compiles its llhttp WebAssembly parser when it loads, and V8 11 (Node 20) holds process
//    exit until the optimizing tier has finished with it, ~100 ms after the work is done. The CLI
//    entry (src/cli.ts) sets `--liftoff-only` for that; library code never changes V8 flags, as
//    they belong to the host application.
// All of it happens on the first request only: --help, --version, config init and completion
// never load undici.
import type { Agent, Dispatcher, ProxyAgent } from 'undici';
import type { ProxyChoice } from './proxy.js';

export interface Exchange {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string | undefined;
  /** The proxy to tunnel through (src/http/proxy.ts decides), or null for a direct connection. */
  proxy: ProxyChoice | null;
  /** Fixed per transport (its Agent keeps the first request's value); the command deadline is `signal`. */
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

/** Requests in flight per provider are capped lower (catalog `concurrency`); this caps sockets. */
const CONNECTIONS_PER_ORIGIN = 4;

interface Undici {
  Agent: typeof Agent;
  request: (dispatcher: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;
}

async function loadUndici(): Promise<Undici> {
  try {
    const [agentModule, api] = await Promise.all([import('undici/lib/dispatcher/agent.js'), import('undici/lib/api/index.js')]);
    return { Agent: agentModule.default, request: (dispatcher, options) => api.request.call(dispatcher, options) };
  } catch {
    const full = await import('undici');
    return { Agent: full.Agent, request: (dispatcher, options) => dispatcher.request(options) };
  }
}

/** An error with a code the retry policy and the messages in client.ts understand. */
function coded(code: string, message: string, cause?: unknown): Error {
  return Object.assign(new Error(message, cause === undefined ? undefined : { cause }), { code });
}

/** undici's error codes → ours (see RETRYABLE_ERROR_CODES in retry.ts). */
const UNDICI_CODES: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: 'CONNECT_TIMEOUT',
  UND_ERR_HEADERS_TIMEOUT: 'HEADERS_TIMEOUT',
  UND_ERR_BODY_TIMEOUT: 'BODY_TIMEOUT',
  UND_ERR_SOCKET: 'SOCKET_CLOSED',
  UND_ERR_CLOSED: 'SOCKET_CLOSED',
};

/** An abort carries its reason (Ctrl+C's InterruptedError, or the deadline's TimeoutError). */
function translate(error: unknown, signal: AbortSignal, midBody: boolean): Error {
  if (signal.aborted) return signal.reason instanceof Error ? signal.reason : coded('ABORTED', 'aborted');
  const code = (error as { code?: string } | null)?.code ?? '';
  const ours = UNDICI_CODES[code];
  if (ours === 'BODY_TIMEOUT') return coded(ours, 'body timeout', error);
  // The connection died after the headers: the body is incomplete, retryable like any reset.
  if (midBody) return coded('BODY_TRUNCATED', 'response body truncated', error);
  if (ours) return coded(ours, error instanceof Error ? error.message : ours, error);
  // undici's words for a proxy that refused the CONNECT (403, 407, 502…): keep only the status.
  const tunnel = /^Proxy response \((\d{3})\)/.exec(error instanceof Error ? error.message : '');
  if (tunnel) return coded('PROXY_REFUSED', `proxy answered ${tunnel[1]} to CONNECT`, error);
  return error instanceof Error ? error : coded('NETWORK', String(error));
}

/**
 * The sockets of one Runtime (src/http/runtime.ts): the keep-alive Agent and one ProxyAgent per
 * proxy URL, created on the first request. close() ends them; a later request opens new ones.
 */
export class HttpTransport {
  private undici: Promise<Undici> | null = null;
  private agent: Agent | null = null;
  /** One ProxyAgent per proxy URL (credentials included), created only when a proxy is set. */
  private readonly proxyAgents = new Map<string, ProxyAgent>();

  /** Whether any socket pool is open (tests: a library call leaves none behind). */
  get open(): boolean {
    return this.agent !== null || this.proxyAgents.size > 0;
  }

  /** Close pooled sockets so the process can exit promptly. */
  async close(): Promise<void> {
    const current = [this.agent, ...this.proxyAgents.values()];
    this.agent = null;
    this.proxyAgents.clear();
    await Promise.all(current.flatMap((a) => (a ? [a.close().catch(() => undefined)] : [])));
  }

  async exchange(spec: Exchange): Promise<ExchangeResult> {
    const { Agent: AgentClass, request } = await (this.undici ??= loadUndici());
    this.agent ??= new AgentClass({
      connections: CONNECTIONS_PER_ORIGIN,
      pipelining: 1,
      keepAliveTimeout: 4_000,
      connect: { timeout: spec.connectTimeoutMs },
    });
    const dispatcher = spec.proxy ? await this.proxyAgent(spec.proxy, spec.connectTimeoutMs) : this.agent;
    let response: Dispatcher.ResponseData;
    try {
      response = await request(dispatcher, {
        origin: spec.url.origin,
        path: spec.url.pathname + spec.url.search,
        method: spec.method,
        headers: spec.headers,
        body: spec.body ?? null,
        headersTimeout: spec.headersTimeoutMs,
        bodyTimeout: spec.bodyTimeoutMs,
        signal: spec.signal,
      });
    } catch (error) {
      throw translate(error, spec.signal, false);
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
    return { status: response.statusCode, headers, text: Buffer.concat(chunks).toString('utf8') };
  }

  private async proxyAgent(proxy: ProxyChoice, connectTimeoutMs: number): Promise<ProxyAgent> {
    const existing = this.proxyAgents.get(proxy.url.href);
    if (existing) return existing;
    // Behind a proxy the whole package is loaded (~70 ms more on Node 20): ProxyAgent opens its
    // tunnel with Dispatcher.connect, which only the package index installs.
    const { ProxyAgent: ProxyAgentClass } = await import('undici');
    const created = new ProxyAgentClass({
      uri: proxy.url.href,
      connections: CONNECTIONS_PER_ORIGIN,
      pipelining: 1,
      keepAliveTimeout: 4_000,
      connect: { timeout: connectTimeoutMs },
      // Tunnel plain HTTP too (CONNECT), so the proxy never sees a request line with a key in it.
      proxyTunnel: true,
    });
    this.proxyAgents.set(proxy.url.href, created);
    return created;
  }
}
