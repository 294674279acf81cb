// One error hierarchy for the whole tool. Every failure a user can see is a BalanceError carrying
// the documented exit code (README "Exit codes"), a stable machine code for JSON `errors`, and an
// optional hint. Only src/cli.ts turns these into process.exitCode.

export const ExitCode = {
  ok: 0,
  no: 1,
  usage: 2,
  config: 3,
  refused: 4,
  unavailable: 5,
  badResponse: 6,
  internal: 70,
  /** The result could not be written (disk full, stdout closed or unwritable); sysexits EX_IOERR. */
  output: 74,
  sigint: 130,
  sigterm: 143,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * Every machine code a BalanceError carries (JSON `errors[].code`, docs/json.md). A closed
 * union, so a comparison with a misspelt code or a new code nobody documented fails to compile.
 */
export type ErrorCode =
  // usage and configuration (exit 2, 3)
  | 'USAGE'
  | 'CONFIG'
  | 'CONFIG_CODE'
  | 'CONFIG_IMPORT'
  | 'CONFIG_SYNTAX'
  | 'NO_CONFIG'
  | 'UNSAFE_PERMISSIONS'
  | 'UNSET_VARIABLE'
  | 'CREDENTIALS'
  // the provider refused (exit 4)
  | 'AUTH_FAILED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'REJECTED'
  | 'REDIRECT'
  // the provider could not be read (exit 5)
  | 'UNREACHABLE'
  | 'TIMEOUT'
  | 'RATE_LIMITED'
  | 'PROVIDER_ERROR'
  // the answer could not be understood, or a list had no clear end (exit 6)
  | 'LIST_INCOMPLETE'
  | 'BAD_RESPONSE'
  | 'BAD_SHAPE'
  | 'LEGACY_SHAPE'
  | 'NOT_RECORDED'
  // the history store (exit 3)
  | 'STORE'
  | 'STORE_BUSY'
  | 'STORE_CORRUPT'
  | 'STORE_FOREIGN'
  | 'STORE_UNSAFE'
  | 'STORE_MISSING'
  | 'STORE_TOO_NEW'
  | 'STORE_UNREACHABLE'
  // the run itself
  | 'OUTPUT_FAILED'
  | 'INTERRUPTED'
  | 'INTERNAL'
  | 'STOPPED';

export interface ErrorContext {
  account?: string;
  provider?: string;
}

export class BalanceError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;
  readonly hint: string | undefined;
  readonly retryable: boolean;
  account: string | undefined;
  provider: string | undefined;

  constructor(message: string, opts: { code: ErrorCode; exitCode: number; hint?: string; retryable?: boolean; cause?: unknown } & ErrorContext) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.code = opts.code;
    this.exitCode = opts.exitCode;
    this.hint = opts.hint;
    this.retryable = opts.retryable ?? false;
    this.account = opts.account;
    this.provider = opts.provider;
  }
}

export class UsageError extends BalanceError {
  constructor(message: string, hint?: string) {
    super(message, { code: 'USAGE', exitCode: ExitCode.usage, ...(hint ? { hint } : {}) });
  }
}

export class ConfigError extends BalanceError {
  /** Every problem found, one line each; `message` summarises them. */
  readonly problems: string[];
  constructor(message: string, opts: { problems?: string[]; hint?: string; code?: ErrorCode } = {}) {
    super(message, {
      code: opts.code ?? 'CONFIG',
      exitCode: ExitCode.config,
      ...(opts.hint ? { hint: opts.hint } : {}),
    });
    this.problems = opts.problems ?? [];
  }
}

/** The provider refused the configured credentials or identifiers (401/403/404 and kin). */
export class RefusedError extends BalanceError {
  constructor(message: string, opts: { code: ErrorCode; hint?: string; cause?: unknown } & ErrorContext) {
    super(message, { ...opts, exitCode: ExitCode.refused });
  }
}

/** Unreachable, timed out, 5xx or rate limited after retries: worth trying again later. */
export class UnavailableError extends BalanceError {
  constructor(message: string, opts: { code: ErrorCode; hint?: string; retryable?: boolean; cause?: unknown } & ErrorContext) {
    super(message, { retryable: true, ...opts, exitCode: ExitCode.unavailable });
  }
}

/** The provider answered something we could not understand (not JSON, wrong shape, bad amount). */
export class BadResponseError extends BalanceError {
  constructor(message: string, opts: { code?: ErrorCode; hint?: string; cause?: unknown } & ErrorContext = {}) {
    super(message, { code: 'BAD_RESPONSE', ...opts, exitCode: ExitCode.badResponse });
  }
}

/** Writing the result failed: the data may not have arrived, so this is never a success. */
export class OutputError extends BalanceError {
  constructor(code: string) {
    super(`cannot write the output to standard output (${code})`, {
      code: 'OUTPUT_FAILED',
      exitCode: ExitCode.output,
      hint: 'check the disk or file that standard output is redirected to',
    });
  }
}

/**
 * The run was stopped: by SIGINT/SIGTERM (the CLI), or — `'abort'` — by a library caller's signal,
 * whatever it was aborted with (kept as the cause); that counts as an interrupt, exit 130.
 */
export class InterruptedError extends BalanceError {
  constructor(signal: 'SIGINT' | 'SIGTERM' | 'abort', cause?: unknown) {
    super(signal === 'abort' ? 'interrupted: the caller aborted the call' : `interrupted by ${signal}`, {
      code: 'INTERRUPTED',
      exitCode: signal === 'SIGTERM' ? ExitCode.sigterm : ExitCode.sigint,
      ...(cause === undefined ? {} : { cause }),
    });
  }
}

/** A bug. The message stays short; the stack is shown only with --debug. */
export class InternalError extends BalanceError {
  constructor(message: string, cause?: unknown, ctx: ErrorContext = {}) {
    super(message, {
      code: 'INTERNAL',
      exitCode: ExitCode.internal,
      hint: 'this is a bug in balance-inspector; run again with --debug and report it',
      cause,
      ...ctx,
    });
  }
}

export function isBalanceError(error: unknown): error is BalanceError {
  return error instanceof BalanceError;
}

/** Attach account/provider context to an error that was raised below the adapter layer. */
export function withContext<E extends BalanceError>(error: E, ctx: ErrorContext): E {
  error.account ??= ctx.account;
  error.provider ??= ctx.provider;
  return error;
}

/** Several failures: the lowest non-zero code wins (README "Exit codes"). */
export function combinedExitCode(codes: number[]): number {
  const failing = codes.filter((c) => c !== 0);
  return failing.length === 0 ? 0 : Math.min(...failing);
}

/** A failure as every JSON document lists it in `errors`. */
export interface ErrorJson {
  account: string | null;
  provider: string | null;
  code: string;
  message: string;
}

export function errorsJson(errors: BalanceError[]): ErrorJson[] {
  return errors.map((e) => ({ account: e.account ?? null, provider: e.provider ?? null, code: e.code, message: e.message }));
}
