// Every failure of the history store is one BalanceError with exit 3: the store is part of the
// setup (where it is, who owns it, which version wrote it), like the config. Messages name the
// store and say what is wrong in one line; the driver's own error is kept only as the cause.
import { BalanceError, ExitCode, type ErrorCode } from '../../core/errors.js';
import { redactUrlsIn } from '../../core/url-credentials.js';

export class StoreError extends BalanceError {
  constructor(message: string, opts: { hint?: string; cause?: unknown; code?: ErrorCode } = {}) {
    super(message, {
      code: opts.code ?? 'STORE',
      exitCode: ExitCode.config,
      ...(opts.hint ? { hint: opts.hint } : {}),
      ...(opts.cause === undefined ? {} : { cause: opts.cause }),
    });
  }
}

/** The driver's message, first line only, every URL in it without its credentials. */
export function driverReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n')[0] ?? '';
  return redactUrlsIn(line).slice(0, 200);
}
