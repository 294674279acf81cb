// What every command run needs: the output channels, the runtime (redactor, pacing, tokens,
// sockets, interrupt signal) and the HTTP budget. Built from GlobalOptions and the CLI's runtime;
// tests can build one directly with their own streams, env and runtime.
import type { Runtime } from '../../http/runtime.js';
import type { CliIO } from '../../ui/io.js';
import type { Format } from '../../ui/formats.js';
import type { Output } from '../../ui/output.js';
import type { GlobalOptions } from './options.js';
import type { RawOptions } from './raw-options.js';
import type { Program, SupportsDeclaration } from './supports.js';

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
 * `--since 30d`. May be async.
 */
export type ParseOptions<T> = (opts: RawOptions, args: readonly string[], globals: GlobalOptions, now: Date) => T | Promise<T>;
/** A command's body: returns the exit code; throws BalanceError for failures cli.ts reports. */
export type Action<T> = (ctx: RunContext, options: T) => Promise<number>;
/**
 * A command's implementation: its parse function, its run and what it prints per format. It is
 * loaded (one import) only when the command runs; its registration (commands/registration/)
 * holds what every start-up needs: name, arguments, options, help.
 */
export interface CommandModule<T, F extends Format = Format> {
  parse: ParseOptions<T>;
  run: Action<T>;
  /** Its renderer (or view) per output format, keyed by the formats it prints; none: for people only. */
  prints?: { readonly [K in F]: unknown };
}

/**
 * Gives a registered command its implementation, loaded when it runs, and what it honours of the
 * global flags; `options` adds flags commander hands to a parent (`history prune --store`). The
 * compiler checks that every declared format has an entry in the module's `prints`.
 */
export type Declare = <T, F extends Format>(
  command: Program,
  load: () => Promise<CommandModule<T, F>>,
  supports: SupportsDeclaration<NoInfer<F>>,
  options?: (opts: RawOptions) => RawOptions,
) => void;

/** The parse function of a command that takes no options of its own. */
export const noOptions: ParseOptions<Record<string, never>> = () => ({});

/** Output channels load with the first command run (chalk, sanitizers): `--help` never pays for them. */
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
