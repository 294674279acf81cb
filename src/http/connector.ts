// The one way this tool opens a connection, direct or through a proxy: TCP to the origin (or to
// the proxy), the proxy's answer to CONNECT, then TLS, all under ONE timer. undici's Agent calls it
// for every new socket (src/http/transport.ts), so no phase can wait longer than the connect
// timeout, and a request waiting for a connection is never silently retried.
//
// Why not undici's ProxyAgent and built-in connector: a proxy that closes every CONNECT made
// undici reconnect in a tight loop (a socket error while connecting leaves the request queued:
// ~120,000 reconnects in 25 s), and the proxy's CONNECT answer had no timeout at all (a proxy that
// never answers held the command as long as it kept the socket open). Here every failure is an
// error with a code of ours (never undici's UND_ERR_SOCKET), which fails the queued request so the
// client's retry policy (3 attempts) decides what happens next.
import { createRequire } from 'node:module';
import { connect as tcpConnect, isIP, type Socket } from 'node:net';
import type { ConnectionOptions, TLSSocket, connect as connectTls } from 'node:tls';
import type { ProxyChoice } from './proxy.js';

/** What undici asks for (its buildConnector.Options, the fields used here). */
export interface ConnectTarget {
  hostname: string;
  protocol: string;
  port: string;
  servername?: string | undefined;
}

export type ConnectCallback = (...args: [null, Socket] | [Error, null]) => void;

/** The longest CONNECT answer head read before the proxy is called broken. */
const MAX_ANSWER_HEAD = 16 * 1024;
/** TLS sessions kept for resumption, one per host name (a config names a handful of hosts). */
const MAX_SESSIONS = 64;

/** An error with a code the retry policy and the messages in client.ts understand. */
export function coded(code: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code, ...extra });
}

// node:tls is loaded on the first HTTPS connection only: a loopback sandbox never needs it.
const require = createRequire(import.meta.url);
function tlsConnect(options: ConnectionOptions): TLSSocket {
  return (require('node:tls') as { connect: typeof connectTls }).connect(options);
}

/**
 * Opens sockets for one route (direct, or one proxy). `timeoutMs` bounds each connection as a
 * whole; `close()` ends the attempts still running, so a closed transport leaves nothing behind.
 */
export class BudgetedConnector {
  private readonly attempts = new Set<(error: Error) => void>();
  /** Where each attempt still running stands, by origin (what a timed-out request was waiting for). */
  private readonly phases = new Map<(error: Error) => void, { origin: string; phase: string }>();
  private readonly sessions = new Map<string, Buffer>();

  constructor(
    private readonly proxy: ProxyChoice | null,
    private readonly timeoutMs: number,
  ) {}

  /** undici's connector signature; bound, so it can be handed over as is. */
  readonly connect = (target: ConnectTarget, callback: ConnectCallback): void => {
    const sockets: Socket[] = [];
    const state = { origin: originKey(target.protocol, target.hostname, target.port), phase: this.proxy ? 'connecting to the proxy' : 'connecting' };
    let settled = false;
    const settle = (error: Error | null, socket: Socket | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      this.attempts.delete(fail);
      this.phases.delete(fail);
      if (error || !socket) {
        for (const s of sockets) s.destroy();
        callback(error ?? coded('SOCKET_CLOSED', 'no socket'), null);
      } else {
        callback(null, socket);
      }
    };
    const fail = (error: Error) => settle(error, null);
    const timer = setTimeout(() => fail(coded('CONNECT_TIMEOUT', `timed out ${state.phase}`, { phase: state.phase })), this.timeoutMs);
    this.attempts.add(fail);
    this.phases.set(fail, state);
    const track = <S extends Socket>(socket: S): S => {
      // A phase that began just as the timer ran out must not leave its socket behind.
      if (settled) socket.destroy();
      else sockets.push(socket);
      return socket;
    };
    void this.open(target, track, (next) => (state.phase = next)).then((socket) => settle(null, socket), fail);
  };

  /** The phase of a connection to `url`'s origin still being opened, if any. */
  pendingPhase(url: URL): string | undefined {
    const origin = originKey(url.protocol, url.hostname, url.port);
    for (const state of this.phases.values()) if (state.origin === origin) return state.phase;
    return undefined;
  }

  /** End every connection attempt still running (the transport is closing). */
  close(): void {
    for (const fail of [...this.attempts]) fail(coded('ABORTED', 'the transport was closed'));
  }

  private async open(target: ConnectTarget, track: <S extends Socket>(s: S) => S, phase: (name: string) => void): Promise<Socket> {
    const https = target.protocol === 'https:';
    const port = Number(target.port) || (https ? 443 : 80);
    const servername = target.servername || (isIP(target.hostname) ? undefined : target.hostname);
    if (!this.proxy) {
      const socket = await ready(track(tcpConnect({ host: target.hostname, port })), 'connect');
      if (!https) return socket;
      phase('in the TLS handshake');
      return this.secure(track, { socket, servername, host: target.hostname });
    }
    const proxyUrl = this.proxy.url;
    const proxyPort = Number(proxyUrl.port) || (proxyUrl.protocol === 'https:' ? 443 : 80);
    const proxyHost = proxyUrl.hostname.replace(/^\[|\]$/g, '');
    const toProxy =
      proxyUrl.protocol === 'https:'
        ? await this.secure(track, { host: proxyHost, port: proxyPort, servername: isIP(proxyHost) ? undefined : proxyHost })
        : await ready(track(tcpConnect({ host: proxyHost, port: proxyPort })), 'connect');
    phase('waiting for the proxy to open the tunnel');
    await openTunnel(toProxy, target.hostname, port, proxyAuthorization(proxyUrl));
    if (!https) return toProxy;
    phase('in the TLS handshake through the proxy');
    return this.secure(track, { socket: toProxy, servername, host: target.hostname });
  }

  /**
   * A TLS connection (HTTP/1.1 only), resuming the host's last session: its latest session is
   * kept, so the next connection skips the full handshake.
   */
  private secure(track: <S extends Socket>(s: S) => S, options: ConnectionOptions): Promise<TLSSocket> {
    const key = options.servername ?? options.host ?? '';
    const socket = track(tlsConnect({ ...options, ALPNProtocols: ['http/1.1'], session: this.sessions.get(key) }));
    socket.on('session', (session: Buffer) => {
      this.sessions.delete(key);
      if (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value ?? '');
      this.sessions.set(key, session);
    });
    return ready(socket, 'secureConnect');
  }
}

function originKey(protocol: string, hostname: string, port: string): string {
  return `${protocol}//${hostname.replace(/^\[|\]$/g, '')}:${port || (protocol === 'https:' ? '443' : '80')}`;
}

/** Resolves with the socket once `event` fires; rejects on error or close before it. */
function ready<S extends Socket>(socket: S, event: 'connect' | 'secureConnect'): Promise<S> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      reject(coded('ECONNRESET', 'the connection closed while it was being opened'));
    };
    const onReady = () => {
      cleanup();
      socket.setNoDelay(true);
      socket.setKeepAlive(true, 60_000);
      resolve(socket);
    };
    const cleanup = () => {
      socket.off('error', onError).off('close', onClose).off(event, onReady);
    };
    socket.once('error', onError).once('close', onClose).once(event, onReady);
  });
}

/** `Basic …` from the proxy URL's user:password (percent-decoded, as curl sends it), or null. */
function proxyAuthorization(url: URL): string | null {
  if (!url.username && !url.password) return null;
  const pair = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return `Basic ${Buffer.from(pair).toString('base64')}`;
}

/** Statuses a proxy may answer CONNECT with that another attempt might not get. */
const PROXY_RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

/** Ask the proxy for a tunnel and read its answer: 2xx opens it, anything else is an error. */
function openTunnel(socket: Socket, hostname: string, port: number, authorization: string | null): Promise<void> {
  const authority = `${isIP(hostname) === 6 ? `[${hostname}]` : hostname}:${port}`;
  const head = [`CONNECT ${authority} HTTP/1.1`, `Host: ${authority}`, ...(authorization ? [`Proxy-Authorization: ${authorization}`] : []), '', ''];
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const done = (error: Error | null) => {
      socket.off('data', onData).off('error', onError).off('close', onClose);
      socket.pause();
      if (error) reject(error);
      else resolve();
    };
    const onError = (error: Error) => done(error);
    const onClose = () => done(coded('PROXY_CLOSED', 'the proxy closed the connection before answering CONNECT'));
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) {
        if (received.length > MAX_ANSWER_HEAD) done(coded('PROXY_BAD_ANSWER', 'the proxy sent an answer head over 16 KiB'));
        return;
      }
      const status = /^HTTP\/1\.[01] (\d{3})(?: |\r|$)/.exec(received.subarray(0, end).toString('latin1'));
      if (!status) return done(coded('PROXY_BAD_ANSWER', 'the proxy answered CONNECT with something that is not HTTP'));
      const code = Number(status[1]);
      // The server speaks after the client on both HTTP and TLS: bytes before our first one are not the origin's.
      if (received.length > end + 4) return done(coded('PROXY_BAD_ANSWER', 'the proxy sent data before the tunnel was used'));
      if (code >= 200 && code < 300) return done(null);
      done(coded(PROXY_RETRYABLE.has(code) ? 'PROXY_FAILED' : 'PROXY_REFUSED', `proxy answered ${code} to CONNECT`, { status: code }));
    };
    socket.on('data', onData).once('error', onError).once('close', onClose);
    socket.write(head.join('\r\n'));
  });
}
