// Two ways to run the CLI in tests.
// - runCli: the real program (argv → commander → command → output, src/cli.ts runProgram) inside
//   the test process, on a world of its own: argv, env, cwd, stdin, stdout/stderr (pipe or
//   terminal of a given size), clock and exit code. Nothing of the test process is read or left
//   behind, and it runs from src/, so an edit is always what is tested. Use it by default;
//   startCli is the same for a run the test watches and steers (watch, sandbox): its stdout
//   lines as they come, an interrupt as Ctrl+C would send, a terminal resize.
// - spawnCli: the built CLI in a child process, the way a user's shell runs it. Only for what
//   needs a process: signals, a closed or full stdout, start-up module loading (test/global-setup.ts
//   keeps dist/ fresh for these); ./stream.ts reads a spawned run's lines as they come.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runProgram } from '../../src/cli.js';
import { InterruptedError } from '../../src/core/errors.js';
import type { CliIO } from '../../src/ui/io.js';
import { CapturedStream, type TerminalSize } from './captured-stream.js';

export { CapturedStream, type TerminalSize };

export const BIN = fileURLToPath(new URL('../../bin/balance-inspector.js', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** From start to exit. */
  ms: number;
  /** From the moment `signal` was sent to exit; null when no signal was sent. */
  msAfterSignal: number | null;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  /** stdin's content (default: empty, not a terminal). */
  stdin?: string | Readable;
  /** stdout is a terminal of this size (default: a pipe). */
  stdoutTTY?: TerminalSize;
  /** stderr is a terminal of this size (default: a pipe). */
  stderrTTY?: TerminalSize;
  /** The run's clock (default: the real one). */
  now?: () => Date;
  /** Abort the run's signal (as Ctrl+C would) after this many ms from the start. */
  interruptAfterMs?: number;
  /** Called with every chunk written to stdout as it is written (live views, servers). */
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
}

export interface SpawnOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Send this signal after `signalAfterMs`, counted from when `signalWhen` first holds (if given). */
  signal?: NodeJS.Signals;
  signalAfterMs?: number;
  signalWhen?: () => boolean;
  timeoutMs?: number;
  /** Send stdout to this file instead of a pipe (e.g. /dev/full). */
  stdoutTo?: string;
  /** Close the read end of stdout after the first chunk, like `| head -1`. */
  closeStdoutEarly?: boolean;
  /** Close the read end of stderr after its first chunk, like `2> >(head -1)`. */
  closeStderrEarly?: boolean;
  /** Send stderr into the stdout pipe, like `2>&1` (with closeStdoutEarly: `2>&1 | head -1`). */
  stderrToStdout?: boolean;
}

/** The environment a user's shell would pass: PATH and HOME, colour off, plus what the test sets. */
export function cliEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', ...extra })) {
    if (v !== undefined) env[k] = v;
  }
  return env;
}

function stdinFrom(input: string | Readable | undefined): Readable & { isTTY?: boolean } {
  if (input instanceof Readable) return input;
  const stream = new PassThrough();
  stream.end(input ?? '');
  return stream;
}

/** A world for one in-process run; `streams` lets a test read or resize what the run writes to. */
export function testIO(options: CliOptions = {}, signal: AbortSignal = new AbortController().signal) {
  const stdout = new CapturedStream(options.stdoutTTY, options.onStdout);
  const stderr = new CapturedStream(options.stderrTTY, options.onStderr);
  const cutShort: number[] = [];
  const io: CliIO = {
    stdout,
    stderr,
    stdin: stdinFrom(options.stdin),
    env: cliEnv(options.env),
    cwd: options.cwd ?? process.cwd(),
    now: options.now ?? (() => new Date()),
    signal,
    exitIfCutShort: (code) => void cutShort.push(code),
    tuneForLongRun: () => undefined,
  };
  return { io, stdout, stderr, cutShort };
}

/** A run of the program in this process that the test watches and steers while it goes on. */
export interface CliRun {
  /** The complete lines written to stdout so far. */
  readonly lines: string[];
  stdout(): string;
  stderr(): string;
  /** stdout, to resize it when it poses as a terminal. */
  readonly terminal: CapturedStream;
  /** What SIGINT or SIGTERM does to the real process: aborts the run's signal with that reason. */
  interrupt(signal?: 'SIGINT' | 'SIGTERM'): void;
  /** Resolves once `test` holds (checked every 20 ms); fails if the run ends first or after `timeoutMs`. */
  waitFor(test: () => boolean, timeoutMs?: number): Promise<void>;
  /** What a shell would see once the run ends. */
  readonly done: Promise<CliResult>;
}

/** Starts the real program in this process (long-running commands: watch, sandbox). */
export function startCli(args: string[], options: CliOptions = {}): CliRun {
  const interrupt = new AbortController();
  const lines: string[] = [];
  let partial = '';
  const onStdout = (chunk: string) => {
    options.onStdout?.(chunk);
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  };
  const { io, stdout, stderr } = testIO({ ...options, onStdout }, interrupt.signal);
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 15_000;
  const timers: NodeJS.Timeout[] = [];
  const stop = (signal: 'SIGINT' | 'SIGTERM') => interrupt.abort(new InterruptedError(signal));
  if (options.interruptAfterMs !== undefined) timers.push(setTimeout(() => stop('SIGINT'), options.interruptAfterMs));
  const timedOut = new Promise<never>((_, reject) => {
    timers.push(
      setTimeout(() => {
        stop('SIGTERM');
        reject(
          new Error(
            `balance-inspector ${args.join(' ')} did not finish within ${timeoutMs} ms\nstdout: ${stdout.text.slice(-500)}\nstderr: ${stderr.text.slice(-500)}`,
          ),
        );
      }, timeoutMs),
    );
  });
  let ended = false;
  const done = Promise.race([runProgram(['node', 'balance-inspector', ...args], io), timedOut])
    .then((code): CliResult => ({ code, signal: null, stdout: stdout.text, stderr: stderr.text, ms: Date.now() - started, msAfterSignal: null }))
    .finally(() => {
      ended = true;
      for (const timer of timers) clearTimeout(timer);
    });
  // A test that fails before awaiting `done` must not turn its later rejection into an unhandled one.
  done.catch(() => undefined);
  const waitFor = async (test: () => boolean, waitMs = 10_000) => {
    const until = Date.now() + waitMs;
    while (!test()) {
      const why = ended ? 'the run ended' : Date.now() > until ? `${waitMs} ms passed` : null;
      if (why) throw new Error(`${why} before the awaited output; stdout so far:\n${stdout.text.slice(-2000)}\nstderr:\n${stderr.text.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { lines, stdout: () => stdout.text, stderr: () => stderr.text, terminal: stdout, interrupt: (signal = 'SIGINT') => stop(signal), waitFor, done };
}

/** Runs the real program in this process and returns what a shell would see. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return startCli(args, options).done;
}

/** Spawns the built CLI the way a user's shell does (async, so an in-process sandbox keeps answering). */
export function spawnCli(args: string[], options: SpawnOptions = {}): Promise<CliResult> {
  const env = cliEnv(options.env);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const stdoutFd = options.stdoutTo ? openSync(options.stdoutTo, 'w') : null;
    // `2>&1`: a shell points fd 2 at the stdout pipe, then becomes the CLI (exec keeps its exit code).
    const command: [string, string[]] = options.stderrToStdout
      ? ['/bin/sh', ['-c', 'exec 2>&1; exec "$0" "$@"', process.execPath, BIN, ...args]]
      : [process.execPath, [BIN, ...args]];
    const child = spawn(...command, { cwd: options.cwd, env, stdio: ['ignore', stdoutFd ?? 'pipe', 'pipe'] });
    if (stdoutFd !== null) closeSync(stdoutFd);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (options.closeStdoutEarly) child.stdout?.destroy();
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      if (options.closeStderrEarly) child.stderr?.destroy();
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
    let signalledAt: number | null = null;
    if (options.signal) {
      const send = () =>
        setTimeout(() => {
          signalledAt = Date.now();
          child.kill(options.signal);
        }, options.signalAfterMs ?? 300);
      if (!options.signalWhen) send();
      else {
        const poll = setInterval(() => {
          if (options.signalWhen?.()) {
            clearInterval(poll);
            send();
          }
        }, 20);
        child.on('close', () => clearInterval(poll));
      }
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      const now = Date.now();
      resolve({ code, signal, stdout, stderr, ms: now - started, msAfterSignal: signalledAt === null ? null : now - signalledAt });
    });
  });
}
