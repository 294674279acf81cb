// Spawn the built CLI the way a user's shell does, with a controlled environment. Async spawn
// (never spawnSync) so an in-process sandbox in the test can keep answering.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/balance-inspector.js', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** From spawn to exit. */
  ms: number;
  /** From the moment `signal` was sent to exit; null when no signal was sent. */
  msAfterSignal: number | null;
}

export interface CliOptions {
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
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', ...options.env })) {
    if (v !== undefined) env[k] = v;
  }
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const stdoutFd = options.stdoutTo ? openSync(options.stdoutTo, 'w') : null;
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env, stdio: ['ignore', stdoutFd ?? 'pipe', 'pipe'] });
    if (stdoutFd !== null) closeSync(stdoutFd);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (options.closeStdoutEarly) child.stdout?.destroy();
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
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
