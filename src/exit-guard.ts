// How the real process ends when its output goes away (README "Exit codes"), for src/cli.ts main()
// only: library code never touches the process. Both channels are guarded, because `2>&1 | head -1`
// closes stderr too, and an 'error' nobody listens to would crash the run with exit 1 — "no" — even
// after it printed "yes:".
//  - A reader that stopped early (EPIPE, on stdout or stderr) ends the run quietly with the exit
//    code its command decides: a short command (can-withdraw, balances) runs to its decision with
//    nothing more written; a long one (watch, sandbox) stops now with the code it set for an early
//    end (watch --until: 1 until the condition held).
//  - Any other stdout failure (disk full, an unwritable file) means the result did not arrive: one
//    line on stderr and exit 74. A stderr that fails otherwise cannot carry a message: quiet, too.

type Exit = (code: number) => void;

export class ExitGuard {
  /** The command's own exit code, once it returned. */
  private decided: number | null = null;
  /** What a long run ends with if it is cut short (watch --until sets 1, then 0 when it held). */
  private cutShortCode = 0;
  private longRun = false;
  private closed = false;

  constructor(
    private readonly exit: Exit,
    private readonly reportOnStderr: (line: string) => void,
  ) {}

  /** Listen for write errors on one output stream. */
  watch(stream: NodeJS.EventEmitter, channel: 'stdout' | 'stderr'): void {
    stream.on('error', (error: NodeJS.ErrnoException) => this.onError(error, channel));
  }

  /** The run is a long one (watch, sandbox): a closed output ends it at once. */
  markLongRun(): void {
    this.longRun = true;
  }

  /** The code a long run ends with if its output goes away now. */
  setCutShortCode(code: number): void {
    this.cutShortCode = code;
  }

  /** The command returned `code`: end now if an output is already gone (nothing holds the process). */
  finish(code: number): void {
    this.decided = code;
    if (this.closed) this.exit(code);
  }

  private onError(error: NodeJS.ErrnoException, channel: 'stdout' | 'stderr'): void {
    if (channel === 'stdout' && error.code !== 'EPIPE') {
      this.closed = true;
      try {
        this.reportOnStderr(`error: cannot write the output to standard output (${error.code ?? 'write failed'})`);
      } catch {
        // stderr is gone as well: the exit code alone says it.
      }
      this.exit(74);
      return;
    }
    if (this.closed) return;
    this.closed = true;
    if (this.decided !== null) this.exit(this.decided);
    else if (this.longRun) this.exit(this.cutShortCode);
    // Otherwise the command finishes its decision (writes to a closed stream go nowhere) and
    // finish() ends the process with it.
  }
}
