// Spawn the built CLI and read its stdout line by line while it runs, for what a long-running
// command must do as a real process: a real signal (SIGINT/SIGTERM handlers, exit 130/143) and a
// stdout pipe its reader closes. Everything else runs in-process: startCli in ./cli.ts.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { BIN } from './cli.js';

export interface Running {
  child: ChildProcessWithoutNullStreams;
  lines: string[];
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolve once `test` holds (checked as output arrives), or fail after `timeoutMs`. */
  waitFor(test: () => boolean, timeoutMs?: number): Promise<void>;
}

export function spawnStreaming(args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end();
  const lines: string[] = [];
  let stderr = '';
  createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal });
    });
  });
  const waitFor = async (test: () => boolean, timeoutMs = 10_000) => {
    const until = Date.now() + timeoutMs;
    while (!test()) {
      if (Date.now() > until) throw new Error(`timed out waiting; stdout so far:\n${lines.join('\n')}\nstderr:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { child, lines, stderr: () => stderr, exited, waitFor };
}
