// Two ways to run the CLI in tests.
// - runCli: the real program (argv → commander → command → output, src/cli.ts runProgram) inside
//   the test process, on a world of its own: argv, env, cwd, stdin, stdout/stderr (pipe or
//   terminal of a given size), clock and exit code. Nothing of the test process is read or left
//   behind, and it runs from src/, so an edit is always what is tested. Use it by default.
// - spawnCli: the built CLI in a child process, the way a user's shell runs it. Only for what
//   needs a process: signals, a closed or full stdout, start-up module loading (vitest.setup.ts
//   keeps dist/ fresh for these).
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

/** Runs the real program in this process and returns what a shell would see. */
export async function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const interrupt = new AbortController();
  const { io, stdout, stderr } = testIO(options, interrupt.signal);
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 15_000;
  const timers: NodeJS.Timeout[] = [];
  if (options.interruptAfterMs !== undefined) {
    timers.push(setTimeout(() => interrupt.abort(new InterruptedError('SIGINT')), options.interruptAfterMs));
  }
  const run = runProgram(['node', 'balance-inspector', ...args], io);
  const timedOut = new Promise<never>((_, reject) => {
    timers.push(
      setTimeout(() => {
        interrupt.abort(new InterruptedError('SIGTERM'));
        reject(new Error(`balance-inspector ${args.join(' ')} did not finish within ${timeoutMs} ms\nstdout: ${stdout.text.slice(-500)}\nstderr: ${stderr.text.slice(-500)}`));
      }, timeoutMs),
    );
  });
  try {
    const code = await Promise.race([run, timedOut]);
    return { code, signal: null, stdout: stdout.text, stderr: stderr.text, ms: Date.now() - started, msAfterSignal: null };
  } finally {
    for (const timer of timers) clearTimeout(timer);
  }
}

/** Spawns the built CLI the way a user's shell does (async, so an in-process sandbox keeps answering). */
export function spawnCli(args: string[], options: SpawnOptions = {}): Promise<CliResult> {
  const env = cliEnv(options.env);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const stdoutFd = options.stdoutTo ? openSync(options.stdoutTo, 'w') : null;
    // `2>&1`: a shell points fd 2 at the stdout pipe, then becomes the CLI (exec keeps its exit code).
    const command: [string, string[]] = options.stderrToStdout ? ['/bin/sh', ['-c', 'exec 2>&1; exec "$0" "$@"', process.execPath, BIN, ...args]] : [process.execPath, [BIN, ...args]];
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
