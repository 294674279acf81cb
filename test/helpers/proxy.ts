// A tiny forward proxy on 127.0.0.1 for tests: it answers CONNECT by tunnelling to a local port
// (whatever host was asked for), or refuses with a status; it records every CONNECT target, the
// Proxy-Authorization it received and every byte that crossed it, so tests can assert what a
// corporate proxy would see. Plain-HTTP requests (no CONNECT) are counted and refused.
import { createServer, type IncomingMessage } from 'node:http';
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

export interface TestProxy {
  url: string;
  connects: string[];
  plainRequests: string[];
  authorizations: string[];
  /** Every byte the client sent through the proxy (CONNECT headers and tunnel), as latin1 text. */
  seen(): string;
  close(): Promise<void>;
}

export async function startProxy(options: { tunnelTo?: number; refuseWith?: number }): Promise<TestProxy> {
  const connects: string[] = [];
  const plainRequests: string[] = [];
  const authorizations: string[] = [];
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    plainRequests.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (d: Buffer) => chunks.push(d));
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    connects.push(req.url ?? '');
    authorizations.push(String(req.headers['proxy-authorization'] ?? ''));
    if (options.refuseWith || options.tunnelTo === undefined) {
      client.end(`HTTP/1.1 ${options.refuseWith ?? 502} Refused\r\n\r\n`);
      return;
    }
    const upstream = connect(options.tunnelTo, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    plainRequests,
    authorizations,
    seen: () => Buffer.concat(chunks).toString('latin1'),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A TLS terminator on 127.0.0.1 that forwards the decrypted stream to a plain TCP port. */
export async function startTlsTerminator(key: string, cert: string, forwardTo: number): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createTlsServer({ key, cert }, (tls) => {
    const upstream = connect(forwardTo, '127.0.0.1');
    sockets.add(upstream);
    tls.pipe(upstream).pipe(tls);
    upstream.on('error', () => tls.destroy());
    tls.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface RawServer {
  port: number;
  /** http://127.0.0.1:<port>, for HTTPS_PROXY. */
  url: string;
  /** TCP connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * A TCP server on 127.0.0.1 that misbehaves on every connection as `onConnection` says: a proxy
 * that closes each CONNECT, never answers it, or answers it badly; a server that never completes
 * (or drops) the TLS handshake. For the connect-budget tests (issue 21, class 7).
 */
export async function startRawServer(onConnection: (socket: Socket) => void): Promise<RawServer> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** What a misbehaving server does with a connection (once the client has sent something). */
export const misbehave = {
  /** Accept, read, never answer. */
  silent: (socket: Socket) => void socket.resume(),
  /** Close as soon as the client speaks (a proxy dropping each CONNECT, a TLS server dropping the handshake). */
  close: (socket: Socket) => void socket.once('data', () => socket.destroy()),
  /** Answer the client's first bytes with this text, then keep the connection open. */
  answer: (text: string) => (socket: Socket) => void socket.once('data', () => socket.write(text)),
  /** A proxy that opens the tunnel to a port on 127.0.0.1, whatever the CONNECT asked for. */
  tunnelTo: (port: number) => (socket: Socket) =>
    void socket.once('data', () => {
      const upstream = connect(port, '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('close', () => upstream.destroy());
    }),
};
