// How a read stops (docs/library.md): one listener on the long-lived signal (the runtime's, a
// library caller's, a watch poll's) per read, fanned out by us to every request and wait of that
// read. Requests never add a listener or an AbortSignal.any() dependant to the long-lived signal:
// on Node 20 each any() leaves a dependant behind on its sources (60,000 after 60,000 requests),
// and 100 wallets waiting at once would print MaxListenersExceededWarning on the host's stderr.
//
// Whatever the long-lived signal is aborted with, the read sees an interruption it understands:
// a BalanceError reason (the CLI's InterruptedError for SIGINT, watch's stop) is kept as it is;
// anything else (a caller's plain abort(), a DOMException, a string) becomes an InterruptedError,
// so a library caller's abort is an interruption (exit 130), never INTERNAL (exit 70).
import { setMaxListeners } from 'node:events';
import { MAX_TIMER_MS } from '../core/duration.js';
import { BalanceError, InterruptedError } from '../core/errors.js';

/** A signal's reason as an interruption every layer understands. */
export function interruption(reason: unknown): BalanceError {
  return reason instanceof BalanceError ? reason : new InterruptedError('abort', reason);
}

export class AbortScope {
  private readonly controller = new AbortController();
  private readonly onParentAbort = () => this.controller.abort(interruption(this.parent?.reason));

  constructor(private readonly parent: AbortSignal | undefined) {
    // Ours alone: every request and wait in flight listens to it and removes its listener when it
    // ends, so the count is bounded by what is in flight, and a fan-out is not a leak.
    setMaxListeners(0, this.controller.signal);
    if (parent?.aborted) this.onParentAbort();
    else parent?.addEventListener('abort', this.onParentAbort, { once: true });
  }

  /** Aborted (with a BalanceError reason) when the long-lived signal is. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Stop listening to the long-lived signal (the read is over). */
  close(): void {
    this.parent?.removeEventListener('abort', this.onParentAbort);
  }
}

/**
 * A signal for one attempt: aborted when `signal` is, or after `timeoutMs` (with a TimeoutError,
 * as AbortSignal.timeout would). `dispose` removes the listener and the timer when the attempt ends.
 */
export function attemptSignal(signal: AbortSignal | undefined, timeoutMs: number): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  // A timer cannot wait longer than MAX_TIMER_MS (it would fire at once); a read's budget may.
  const timer = setTimeout(
    () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
    Math.min(timeoutMs, MAX_TIMER_MS),
  );
  timer.unref();
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}
