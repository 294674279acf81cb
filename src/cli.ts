// The entry point: builds the commander program and is the ONLY place that maps errors to exit
// codes (README "Exit codes"). It sets process.exitCode instead of calling process.exit, so piped
// output is never cut short. Commands are registered light (commands/registration/); each one's
// implementation is loaded with one import() when it runs.
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError, Option } from 'commander';
import { addHelpCommands } from './commands/registration/help.js';
import { registerCommands } from './commands/registration/index.js';
import { createContext, type Declare } from './commands/shared/context.js';
import { helpLayout, wrapHelpText } from './commands/shared/help-layout.js';
import { addGlobalOptions, parseGlobalOptions } from './commands/shared/options.js';
import { acceptedGlobalOptions, Program, refuseUnsupported } from './commands/shared/supports.js';
import { ExitCode, InterruptedError, isBalanceError, type BalanceError } from './core/errors.js';
import { ExitGuard } from './exit-guard.js';
import { SEARCH_ORDER_HELP } from './config/search-order.js';
import { exitCodesHelp } from './manual/exit-codes.js';
import { Redactor } from './core/secrets.js';
import type { Runtime } from './http/runtime.js';
import { escapeLines, forTerminal } from './core/sanitize.js';
import { VERSION } from './version.js';
import type { CliIO } from './ui/io.js';

export { VERSION };

/**
 * The process's one runtime (redactor, pacing, tokens, sockets, interrupt signal), created when a
 * command first runs: `--help`, `--version` and usage errors never load the HTTP layer. Before it
 * exists no secret has been read, so redaction then needs only the well-known key shapes.
 */
export class ProcessRuntime {
  private created: Runtime | null = null;
  private readonly shapesOnly = new Redactor();

  constructor(private readonly signal: AbortSignal) {}

  async get(): Promise<Runtime> {
    if (!this.created) {
      const { createRuntime } = await import('./http/runtime.js');
      this.created ??= createRuntime({ signal: this.signal });
    }
    return this.created;
  }

  readonly redact = (text: string): string => (this.created?.redactor ?? this.shapesOnly).redact(text);

  /** Close pooled sockets, which would hold the process open for their keep-alive. */
  async close(): Promise<void> {
    await this.created?.close();
  }
}

/**
 * The program, bound to one run's world (io) and runtime: its redactor guards commander's own
 * messages too. `exitCode` receives each command's exit code.
 */
export function buildProgram(runtime: ProcessRuntime, io: CliIO, exitCode: (code: number) => void): Command {
  const program = new Program('balance-inspector');
  addGlobalOptions(program)
    // Subcommand help lists the global flags it takes too (commander copies this to every subcommand).
    .configureHelp({ showGlobalOptions: true, visibleGlobalOptions: acceptedGlobalOptions, ...helpLayout() })
    .description('Balances from every payment and wallet provider you use, normalized: exact decimals, USD value with its source.')
    .version(VERSION, '-V, --version')
    // Many tools answer -v with their version; this one says which flag it means instead of only "unknown option".
    .addOption(new Option('-v').hideHelp())
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      // Help fits the width commander was given, the text added after its own included (on
      // stderr too: a command group run without its subcommand shows its help there). Error
      // messages are written whole, as every other error line is.
      writeOut: (text) => io.stdout.write(wrapHelpText(text, helpWidth(io.stdout))),
      writeErr: (text) => io.stderr.write(escapeLines(runtime.redact(wrapHelpText(text, helpWidth(io.stderr))))),
      outputError: (text) => io.stderr.write(escapeLines(runtime.redact(text))),
      getOutHelpWidth: () => helpWidth(io.stdout),
      getErrHelpWidth: () => helpWidth(io.stderr),
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .addHelpText('after', SEARCH_ORDER_HELP + exitCodesHelp());

  // Declare a command: record what it honours, and on run parse the global flags, refuse those it
  // cannot honour, load its implementation (its one import), build the context, parse its own
  // options once, run it and pass on its exit code.
  const declare: Declare = (command, load, supports, options = (opts) => opts) => {
    command.supports = supports;
    command.loadImplementation = load;
    command.action(async (...args: unknown[]) => {
      const positional = args.slice(0, -2).filter((a): a is string => typeof a === 'string');
      const opts = options(command.opts());
      const globals = parseGlobalOptions(command.optsWithGlobals());
      const resolved = typeof supports === 'function' ? supports(opts) : supports;
      refuseUnsupported(command, globals, resolved);
      if (resolved.longRunning) io.tuneForLongRun();
      const implementation = await load();
      const ctx = await createContext(globals, await runtime.get(), io);
      const parsed = await implementation.parse(opts, positional, globals, ctx.now());
      exitCode(await implementation.run(ctx, parsed));
    });
  };
  program.on('option:v', () => program.error("error: unknown option '-v'\n(Did you mean -V or --version?)", { code: 'commander.unknownOption' }));
  registerCommands(program, declare);
  // Groups of commands (the program, `config`) are not declared: they get a `help [command]`.
  addHelpCommands(program, (command) => command instanceof Program && command.supports === undefined);
  return program;
}

// Process-wide V8 tuning lives here, in the CLI entry, never in library code: a library caller's
// V8 flags are its own (test/unit/process-tricks.test.ts). V8 reads both flags at the moment it
// would act on them, so setting them at run time takes effect. Each is set only on the V8
// versions where it is known to exist and to help: an unknown flag makes V8 print to stderr.

/**
 * undici compiles its llhttp WebAssembly parser on the first request, and V8 11 (Node 20) holds
 * process exit until its optimizing tier has finished with it, ~100 ms after the work is done.
 * With `--liftoff-only` the parser stays on the baseline tier (ample for balance-sized bodies)
 * and the delay disappears. Node 22+ (V8 12+) has no such delay.
 */
function skipWasmTierUp(): void {
  if (process.versions.v8.startsWith('11.')) setFlagsFromString('--liftoff-only');
}

/**
 * A poller keeps state from poll to poll, so some bytes survive every scavenge; V8 grows its young
 * generation on accumulated survivors until it reaches 2 × 16 MB, which adds ~35 MB of RSS over a
 * few thousand polls (measured) although the live heap stays at 8–20 MB. Not growing it keeps
 * `watch` flat for weeks at the cost of slightly more frequent, sub-millisecond scavenges
 * (verified on V8 11 and 13, Node 20 and 24).
 */
function keepYoungGenerationSmall(): void {
  const major = Number(process.versions.v8.split('.')[0]);
  if (major >= 11 && major <= 13) setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * Runs the program once on the given world and returns its exit code: argv → commander → command
 * → output. Touches nothing of the process (no exit, no exit code, no handlers), so tests run it
 * in-process (test/helpers/cli.ts); `main` below wraps it for the real process.
 */
export async function runProgram(argv: string[], io: CliIO): Promise<number> {
  const runtime = new ProcessRuntime(io.signal);
  const debug = argv.includes('--debug');
  let code: number = ExitCode.ok;
  try {
    await buildProgram(runtime, io, (c) => (code = c)).parseAsync(argv);
    return code;
  } catch (error) {
    return reportFatal(error, debug, runtime.redact, io.stderr);
  } finally {
    await runtime.close();
  }
}

/** The real process: its streams, env and cwd, signal handlers, the output guard (exit-guard.ts), the exit code. */
export async function main(argv: string[]): Promise<void> {
  skipWasmTierUp();
  // One interrupt per process; Ctrl+C aborts its signal, which every request and wait listens to.
  const interrupt = new AbortController();
  installSignalHandlers(interrupt);
  const guard = new ExitGuard(
    (code) => process.exit(code),
    (line) => process.stderr.write(`${line}\n`),
  );
  guard.watch(process.stdout, 'stdout');
  guard.watch(process.stderr, 'stderr');
  const io: CliIO = {
    stdout: process.stdout,
    stderr: process.stderr,
    // Read on first use: opening stdin sets up a stream for it (a socket, tty or file reader), a
    // few ms at every start that only config init and `-` file arguments need.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    signal: interrupt.signal,
    exitIfCutShort: (code) => guard.setCutShortCode(code),
    tuneForLongRun: () => {
      guard.markLongRun();
      keepYoungGenerationSmall();
    },
  };
  const code = await runProgram(argv, io);
  process.exitCode = code;
  guard.finish(code);
}

/** commander wraps help at the stream's width; a pipe or a terminal that says nothing gets 80. */
function helpWidth(stream: { isTTY?: boolean; columns?: number }): number {
  return stream.isTTY && stream.columns ? stream.columns : 80;
}

function reportFatal(error: unknown, debug: boolean, redact: (text: string) => string, stderr: NodeJS.WritableStream): number {
  if (error instanceof CommanderError) {
    // commander already printed its own message; help and version are successes.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.ok;
    return ExitCode.usage;
  }
  const balanceError: BalanceError | null = isBalanceError(error) ? error : null;
  if (balanceError?.code === 'INTERRUPTED') return balanceError.exitCode;
  // Every line is escaped whole (messages quote provider text); a stack keeps its line breaks.
  const write = (line: string) => stderr.write(`${escapeLines(redact(line))}\n`);
  if (balanceError) {
    write(`error: ${forTerminal(balanceError.message, 1000)}`);
    for (const problem of (balanceError as { problems?: string[] }).problems ?? []) write(`  ${forTerminal(problem, 1000)}`);
    if (balanceError.hint) write(`  hint: ${balanceError.hint}`);
    if (debug && balanceError.exitCode === ExitCode.internal && balanceError.cause instanceof Error) write(balanceError.cause.stack ?? '');
    return balanceError.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(`error: internal error: ${forTerminal(message, 500)}`);
  write(debug && error instanceof Error ? (error.stack ?? '') : '  hint: this is a bug; run again with --debug and report it');
  return ExitCode.internal;
}

function installSignalHandlers(interrupt: AbortController): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      const code = signal === 'SIGINT' ? ExitCode.sigint : ExitCode.sigterm;
      if (interrupt.signal.aborted) process.exit(code); // second signal: stop now
      process.exitCode = code;
      interrupt.abort(new InterruptedError(signal));
      // Whatever was in flight has been aborted; don't let a stuck handle keep us alive.
      setTimeout(() => process.exit(code), 2_000).unref();
    });
  }
}
