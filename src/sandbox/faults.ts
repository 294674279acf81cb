// Fault injection for the sandbox: tests (and curious users) make a provider misbehave the way
// real networks and APIs do. A fault matches a provider (and optionally a path fragment) and is
// used `times` times (default once), then the provider answers normally again.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type FaultKind =
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  | { kind: 'body'; body: string; status?: number; contentType?: string }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'truncate' }
  | { kind: 'stall-body' }
  | { kind: 'trickle'; intervalMs?: number }
  | { kind: 'oversize'; bytes: number }
  | { kind: 'redirect'; location: string; status?: number }
  | { kind: 'html' }
  | { kind: 'empty' }
  | { kind: 'delay'; ms: number }
  /** Answer normally, then close the kept-alive socket: the client's next request finds it dead. */
  | { kind: 'close-after' }
  /**
   * Hold each request until `count` are held here at once (or `maxWaitMs` passed, default 5 s),
   * then answer them normally: requests that can run side by side meet, those queued behind a
   * limit never do, so a test sees concurrency as a count instead of a time.
   */
  | { kind: 'gather'; count: number; maxWaitMs?: number };

export type Fault = FaultKind & { provider?: string; path?: string; times?: number };

/** A queued fault; `gathered` holds the requests a `gather` fault is holding. */
export type QueuedFault = Fault & { left: number; gathered?: Array<() => void> };

export class FaultQueue {
  private faults: QueuedFault[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  clear(): void {
    this.faults = [];
  }

  /** The next fault for this request, consuming one use of it. */
  take(provider: string, path: string): QueuedFault | null {
    const index = this.faults.findIndex((f) => (f.provider === undefined || f.provider === provider) && (f.path === undefined || path.includes(f.path)));
    if (index === -1) return null;
    const fault = this.faults[index];
    if (!fault) return null;
    fault.left -= 1;
    if (fault.left <= 0) this.faults.splice(index, 1);
    return fault;
  }
}

/**
 * Apply a fault. Returns true when the response has been handled (or deliberately never will be);
 * `delay` returns false after waiting, so the request then proceeds normally.
 */
export async function applyFault(fault: QueuedFault, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const json = '{"data": [{"asset": {"symbol": "BTC"}, "balance": "1.0"';
  switch (fault.kind) {
    case 'status':
      res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      res.end(fault.body ?? JSON.stringify({ error: { code: 'SANDBOX_FAULT', message: `injected ${fault.status}` } }));
      return true;
    case 'body':
      res.writeHead(fault.status ?? 200, { 'content-type': fault.contentType ?? 'application/json' });
      res.end(fault.body);
      return true;
    case 'hang':
      // Accept and never answer; the client's timeout must end it.
      req.socket.setTimeout(0);
      return true;
    case 'reset':
      req.socket.destroy();
      return true;
    case 'truncate':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(json.length + 100) });
      res.write(json);
      setTimeout(() => req.socket.destroy(), 20);
      return true;
    case 'stall-body':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(json.length + 100) });
      res.write(json.slice(0, 4));
      return true;
    case 'trickle': {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(json.length) });
      let i = 0;
      const timer = setInterval(() => {
        if (i >= json.length || res.destroyed) return clearInterval(timer);
        res.write(json[i++]);
      }, fault.intervalMs ?? 1000);
      res.on('close', () => clearInterval(timer));
      return true;
    }
    case 'oversize': {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < fault.bytes && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
      return true;
    }
    case 'redirect':
      res.writeHead(fault.status ?? 302, { location: fault.location });
      res.end();
      return true;
    case 'html':
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><head><title>502 Bad Gateway</title></head><body>upstream error</body></html>');
      return true;
    case 'empty':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end();
      return true;
    case 'delay':
      await new Promise((resolve) => setTimeout(resolve, fault.ms));
      return false;
    case 'close-after':
      res.on('finish', () => setTimeout(() => req.socket.destroy(), 1));
      return false;
    case 'gather':
      await gather(fault, fault.count, fault.maxWaitMs ?? 5_000);
      return false;
  }
}

/** Wait until `count` requests wait on this fault (all go on together), or `maxWaitMs` passed. */
function gather(fault: QueuedFault, count: number, maxWaitMs: number): Promise<void> {
  const held = (fault.gathered ??= []);
  return new Promise((resolve) => {
    const timer = setTimeout(go, maxWaitMs);
    function go(): void {
      clearTimeout(timer);
      const index = held.indexOf(go);
      if (index !== -1) held.splice(index, 1);
      resolve();
    }
    held.push(go);
    if (held.length >= count) for (const release of [...held]) release();
  });
}
