// What one run of the tool owns, created by the CLI (one per process) or by a library caller: the
// secrets to redact, the pacing per credential, the OAuth tokens, the sockets and the interrupt
// signal. Nothing of it is module state, so two runtimes in one process share none of it, and a
// test starts fresh by creating one.
import { setMaxListeners } from 'node:events';
import { Redactor } from '../core/secrets.js';
import { RateLimiters } from './rate-limiter.js';
import { TokenCache } from './token-cache.js';
import { HttpTransport } from './transport.js';

export interface Runtime {
  readonly redactor: Redactor;
  readonly limiters: RateLimiters;
  readonly tokens: TokenCache;
  readonly transport: HttpTransport;
  /** Aborted when the run must stop (the CLI: SIGINT/SIGTERM, with an InterruptedError as reason). */
  readonly signal: AbortSignal;
  /** Close pooled sockets so the process can exit promptly; a later request opens new ones. */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  signal?: AbortSignal | undefined;
}

export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const transport = new HttpTransport();
  return {
    redactor: new Redactor(),
    limiters: new RateLimiters(),
    tokens: new TokenCache(),
    transport,
    signal: options.signal ?? neverAborted(),
    close: () => transport.close(),
  };
}

/**
 * A signal that never aborts, for a caller with none to give. Every request in flight listens to
 * it, so a fan-out over many wallets would trip Node's 10-listener warning on the host's stderr.
 */
function neverAborted(): AbortSignal {
  const { signal } = new AbortController();
  setMaxListeners(0, signal);
  return signal;
}
