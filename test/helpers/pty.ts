// Run the built CLI on a pseudo-terminal (util-linux `script`, present wherever the suite runs on
// Linux; tests skip without it). `stty` gives the pty a size first (script without a terminal
// makes it 0×0); `timeout` makes sure nothing gone wrong can outlive the test.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from './cli.js';
import { tempDir } from './fixtures.js';

export const HAVE_SCRIPT = existsSync('/usr/bin/script');

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

export interface PtyOptions {
  columns?: number;
  rows?: number;
  env?: Record<string, string>;
  /** stdout to a file (returned as `stdout`) instead of the terminal. */
  stdoutToFile?: boolean;
  /** Send this signal after the terminal output first matches `when` (then wait for exit). */
  stopWhen?: RegExp;
  /** Commands run in the pty shell just after the CLI starts (e.g. a resize: `sleep 1; stty cols 60`). */
  thenRun?: string;
  killAfterSeconds?: number;
  /** Keys typed on the terminal, in order, each once the screen has shown its `after` text since the previous key. */
  keys?: Array<{ after: RegExp; send: string }>;
  /** Working directory of the CLI. */
  cwd?: string;
}

export function onTerminal(args: string[], options: PtyOptions = {}): Promise<{ code: number | null; terminal: string; stdout: string }> {
  const out = join(tempDir(), 'stdout');
  const cli = [process.execPath, BIN, ...args].map(quote).join(' ');
  const redirect = options.stdoutToFile ? ` > ${quote(out)}` : '';
  const seconds = options.killAfterSeconds ?? 10;
  // A program that reads the terminal must be in its foreground process group (else SIGTTIN stops it).
  const foreground = options.keys ? '--foreground ' : '';
  const run = options.thenRun
    ? `timeout --foreground -s INT ${seconds} ${cli}${redirect} & ${options.thenRun}; wait $!`
    : `timeout ${foreground}-s KILL ${seconds} ${cli}${redirect}`;
  const command = `stty cols ${options.columns ?? 120} rows ${options.rows ?? 40}; ${run}`;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm-256color', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    if (!options.keys) child.stdin.end();
    let terminal = '';
    const keys = [...(options.keys ?? [])];
    let seen = 0; // where the screen text since the last key starts
    // Capped: a looping spinner writes megabytes a second until `timeout` ends it.
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      terminal = (terminal + d).slice(0, 262_144);
      while (keys[0] && keys[0].after.test(terminal.slice(seen))) {
        seen = terminal.length;
        child.stdin.write(keys.shift()?.send ?? '');
      }
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), (seconds + 5) * 1000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, terminal, stdout: options.stdoutToFile && existsSync(out) ? readFileSync(out, 'utf8') : '' });
    });
  });
}
