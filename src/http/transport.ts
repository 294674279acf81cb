// One HTTP exchange over node:http / node:https, with keep-alive pools of at most four sockets per
// origin. Node's own client is used rather than undici because start-up is this tool's speed
// (README "Performance"): on Node 20 loading undici costs 25–120 ms, and its llhttp WebAssembly
// parser is recompiled in the background on first use, which holds process exit for ~100 ms more.
// node:http is part of the runtime snapshot and parses with the native llhttp.
// Timeouts follow the settings' meaning: connect (TCP, plus TLS for https), headers (until the
// status line and headers arrive), body (longest gap between body chunks); the caller's signal
// carries the command deadline and Ctrl+C.
import type { Agent as HttpAgent, ClientRequest, IncomingMessage } from 'node:http';
import http from 'node:http';

export interface Exchange {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string | undefined;
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
const MAX_SOCKETS_PER_ORIGIN = 4;
const AGENT_OPTIONS = { keepAlive: true, maxSockets: MAX_SOCKETS_PER_ORIGIN, timeout: 4_000, scheduling: 'lifo' as const };

let plain: HttpAgent | null = null;
let secure: HttpAgent | null = null;
let httpsModule: typeof import('node:https') | null = null;

/** Close pooled sockets so the process can exit promptly. */
export function closeAgents(): void {
  plain?.destroy();
  secure?.destroy();
  plain = null;
  secure = null;
}

/** An error with a code the retry policy and the messages in client.ts understand. */
function coded(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

export async function exchange(spec: Exchange): Promise<ExchangeResult> {
  const tls = spec.url.protocol === 'https:';
  // https (and with it tls) is loaded only when a provider is actually called over TLS.
  if (tls) httpsModule ??= await import('node:https');
  const agent = tls ? (secure ??= new httpsModule!.Agent(AGENT_OPTIONS)) : (plain ??= new http.Agent(AGENT_OPTIONS));
  const send = tls ? httpsModule!.request : http.request;
  return new Promise<ExchangeResult>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    let done = false;
    let request: ClientRequest | undefined;
    const finish = (error: Error | null, result?: ExchangeResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      spec.signal.removeEventListener('abort', onAbort);
      if (error) {
        request?.destroy();
        reject(error);
      } else resolve(result!);
    };
    const arm = (ms: number, code: string, what: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(coded(code, `${what} timeout`)), ms);
    };
    const onAbort = () => finish(spec.signal.reason instanceof Error ? spec.signal.reason : coded('ABORTED', 'aborted'));
    if (spec.signal.aborted) return onAbort();
    spec.signal.addEventListener('abort', onAbort, { once: true });

    request = send(spec.url, { method: spec.method, headers: spec.headers, agent });
    request.on('error', (error: NodeJS.ErrnoException) => {
      // Node says "socket hang up" when the server closed the connection without answering.
      finish(error.code === 'ECONNRESET' && error.message === 'socket hang up' ? coded('SOCKET_CLOSED', error.message) : error);
    });
    request.on('socket', (socket) => {
      if (!socket.connecting) return arm(spec.headersTimeoutMs, 'HEADERS_TIMEOUT', 'headers');
      arm(spec.connectTimeoutMs, 'CONNECT_TIMEOUT', 'connect');
      socket.once(tls ? 'secureConnect' : 'connect', () => arm(spec.headersTimeoutMs, 'HEADERS_TIMEOUT', 'headers'));
    });
    request.on('response', (response) => readBody(response, spec, arm, finish));
    request.end(spec.body);
  });
}

function readBody(
  response: IncomingMessage,
  spec: Exchange,
  arm: (ms: number, code: string, what: string) => void,
  finish: (error: Error | null, result?: ExchangeResult) => void,
): void {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  if (Number(headers['content-length'] ?? Number.NaN) > spec.maxResponseBytes) return finish(spec.tooLarge());
  const chunks: Buffer[] = [];
  let size = 0;
  arm(spec.bodyTimeoutMs, 'BODY_TIMEOUT', 'body');
  response.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > spec.maxResponseBytes) return finish(spec.tooLarge());
    chunks.push(chunk);
    arm(spec.bodyTimeoutMs, 'BODY_TIMEOUT', 'body');
  });
  // The connection died mid-body: a transport failure, retryable like any other.
  const truncated = () => finish(coded('BODY_TRUNCATED', 'response body truncated'));
  response.on('error', truncated);
  response.on('aborted', truncated);
  response.on('end', () => {
    if (!response.complete) return truncated();
    finish(null, { status: response.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8') });
  });
}
