// `watch --exec '<command>'`: run the user's command once per threshold event, with the event's
// JSON on stdin. The command line is the user's own text, run by /bin/sh exactly as typed; no
// provider string is ever put into it or into the environment — event data reaches the command
// ONLY on stdin. Runs are sequential, each bounded in time; a failure is reported and the watch
// goes on. The queue is bounded so a storm of alerts cannot grow memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { formatDuration } from '../core/duration.js';
import { forTerminal } from '../core/sanitize.js';

export interface ExecOptions {
  timeoutMs?: number;
  maxQueue?: number;
  /** Where failures are reported (a notice line). */
  report: (line: string) => void;
}

const STDERR_TAIL = 500;

export class AlertExec {
  private readonly queue: string[] = [];
  private running: ChildProcess | null = null;
  private idle: Promise<void> = Promise.resolve();
  private wake: (() => void) | null = null;
  private dropped = 0;

  constructor(
    private readonly command: string,
    private readonly options: ExecOptions,
  ) {}

  /** Queue one run with `stdin` as its input. */
  run(stdin: string): void {
    if (this.queue.length >= (this.options.maxQueue ?? 100)) {
      if (this.dropped++ === 0) this.options.report(`--exec: too many alerts queued; dropping some (the command is slower than the alerts)`);
      return;
    }
    this.queue.push(stdin);
    if (!this.running && !this.wake) this.idle = this.pump();
  }

  /** Resolves when every queued run has finished, or after `maxMs` (what is left is stopped). */
  async drain(maxMs = this.options.timeoutMs ?? 10_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), maxMs)));
    const outcome = await Promise.race([this.idle.then(() => 'done' as const), late]);
    clearTimeout(timer);
    if (outcome === 'late') {
      this.kill();
      await this.idle;
    }
  }

  /** Stop now (interrupt): drop the queue and terminate a running command. */
  kill(): void {
    this.queue.length = 0;
    if (this.running) signalGroup(this.running, 'SIGTERM');
  }

  private async pump(): Promise<void> {
    while (this.queue.length > 0) {
      const input = this.queue.shift() as string;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.spawnOne(input, resolve);
      });
      this.wake = null;
    }
  }

  private spawnOne(input: string, resolve: () => void): void {
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    // 'close' can follow 'error'; report and continue once.
    let finished = false;
    const done = () => {
      if (!finished) resolve();
      finished = true;
    };
    let stderr = '';
    let timedOut = false;
    let child: ChildProcess;
    try {
      // Its own process group, so a timeout or interrupt stops the whole command (sh and what it runs).
      child = spawn(this.command, { shell: true, stdio: ['pipe', 'ignore', 'pipe'], detached: true });
    } catch (error) {
      this.options.report(`--exec could not start: ${forTerminal((error as Error).message, 200)}`);
      return done();
    }
    this.running = child;
    const timer = setTimeout(() => {
      timedOut = true;
      signalGroup(child, 'SIGTERM');
      setTimeout(() => signalGroup(child, 'SIGKILL'), 2_000).unref();
    }, timeoutMs);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL);
    });
    // A command that does not read stdin closes it early; that is its business, not an error.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
    child.once('error', (error) => {
      clearTimeout(timer);
      this.running = null;
      if (!finished) this.options.report(`--exec could not start: ${forTerminal(error.message, 200)}`);
      done();
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      this.running = null;
      if (finished) return;
      const tail = stderr.trim() ? `: ${forTerminal(stderr.trim(), STDERR_TAIL)}` : '';
      if (timedOut) this.options.report(`--exec command did not finish within ${formatDuration(timeoutMs)}; stopped it${tail}`);
      else if (code !== 0) this.options.report(`--exec command failed (${signal ? `signal ${signal}` : `exit ${code}`})${tail}`);
      done();
    });
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}
