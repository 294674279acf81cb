// What a run of the program touches of the world, as one object: its streams, environment,
// working directory, clock and interrupt signal. src/cli.ts builds it from `process` for the real
// program; tests build one of their own (test/helpers/cli.ts) and run the same program in-process,
// so nothing a command does may reach for `process` itself (test/unit/no-process-tricks.test.ts).

/** stdout or stderr: a stream that may be a terminal (then it has a size and resize events). */
export type OutStream = NodeJS.WritableStream & {
  isTTY?: boolean;
  columns?: number;
  rows?: number;
};

/** stdin: read by `config init` (answers) and by commands that take `-` as a file. */
export type InStream = NodeJS.ReadableStream & { isTTY?: boolean };

export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now: () => Date;
  /** Aborted on SIGINT/SIGTERM (the process) or by a test: every request and wait listens to it. */
  signal: AbortSignal;
  /**
   * Records the exit code the run must end with if it is cut short before its command returns
   * (stdout closed under `| head -1`): `watch --until` sets 1 until its condition holds.
   */
  exitIfCutShort(code: number): void;
  /** Process-wide tuning for a run that lasts hours (V8 flags); only the real process does any. */
  tuneForLongRun(): void;
}
