// What every command run needs: the output channels, the runtime (redactor, pacing, tokens,
// sockets, interrupt signal) and the HTTP budget. Built from GlobalOptions and the CLI's runtime;
// tests can build one directly with their own streams, env and runtime.
import type { Runtime } from '../../http/runtime.js';
import type { CliIO } from '../../ui/io.js';
import type { Format } from '../../ui/formats.js';
import type { Output } from '../../ui/output.js';
import type { GlobalOptions } from './options.js';
import type { RawOptions } from './raw-options.js';

export interface RunContext {
  globals: GlobalOptions;
  output: Output;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The process's one runtime (src/cli.ts creates it; it closes its sockets after the run). */
  runtime: Runtime;
  now: () => Date;
  /** The run's world: its raw streams (stdin, terminal size and resizes), env, cwd and clock. */
  io: CliIO;
  /**
   * The exit code if the run ends before its action returns (stdout closed under `| head -1`, the
   * event loop running dry): `watch --until` sets 1 until its condition holds, so no early end
   * can pass for a yes.
   */
  exitIfCutShort?: (code: number) => void;
}

/**
 * A command's options parsed once from commander's raw values and its positional arguments into
 * the typed object its Action takes. Every bad value is a UsageError (exit 2) thrown here, before
 * any config is read or provider asked. `now` is the run's clock (ctx.now()), for flags such as
 * `--since 30d`. May be async so heavy validators (decimals, selectors) load lazily.
 */
export type ParseOptions<T> = (opts: RawOptions, args: readonly string[], globals: GlobalOptions, now: Date) => T | Promise<T>;
/** A command's body: returns the exit code; throws BalanceError for failures cli.ts reports. */
export type Action<T> = (ctx: RunContext, options: T) => Promise<number>;
/**
 * What a command can honour of the global flags. src/cli.ts refuses the rest as usage errors, so
 * no command silently ignores an output format or a cache age.
 */
export interface Supports {
  /** Output formats it prints (default: table, json and csv). */
  formats?: readonly Format[];
  /** With a hint when a format is refused, e.g. "use --json for the details". */
  formatHint?: string;
  /** It reads balances through the cache, so --max-age means something (default: false). */
  cache?: boolean;
  /** It reads (or writes) a config file, so --config means something (default: true). */
  config?: boolean;
  /** Said when --config is refused, e.g. what to run instead. */
  configHint?: string;
  /** It works on configured accounts, so --account and --provider mean something (default: true). */
  accounts?: boolean;
  /** It asks providers for balances, so --timeout and --no-cache mean something (default: true). */
  providers?: boolean;
  /** It runs for hours (watch): src/cli.ts tunes V8 for a long-lived process (default: false). */
  longRunning?: boolean;
}

/** Wraps a parse function and an Action into a commander action handler (see src/cli.ts). */
export type Runner = <T>(parse: ParseOptions<T>, action: Action<T>, supports?: Supports | ((opts: RawOptions) => Supports)) => (...args: unknown[]) => Promise<void>;

/** The parse function of a command that takes no options of its own. */
export const noOptions: ParseOptions<Record<string, never>> = () => ({});

export async function createContext(globals: GlobalOptions, runtime: Runtime, io: CliIO): Promise<RunContext> {
  const { createOutput } = await import('../../ui/output.js');
  const output = createOutput({
    format: globals.format,
    color: globals.color,
    quiet: globals.quiet,
    debug: globals.debug,
    redact: runtime.redactor.redact,
    env: io.env,
    stdout: io.stdout,
    stderr: io.stderr,
  });
  return { globals, output, env: io.env, cwd: io.cwd, runtime, now: io.now, io, exitIfCutShort: io.exitIfCutShort };
}
