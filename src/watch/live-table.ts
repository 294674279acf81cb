// The live table `watch` draws on a terminal, redrawn in place after every poll (the frame itself
// is drawn by frame.ts). The cursor is hidden while drawing and restored on every way out
// (including a second Ctrl+C, which exits at once). Columns keep their widths from frame to frame,
// so they do not jump as figures change; a resize starts afresh at the new size.
import { cellWidth } from '../format/cells.js';
import { ColumnMemory } from '../format/fit.js';
import type { Output } from '../ui/output.js';
import { describeThreshold, type WatchEvent } from './events.js';
import { renderFrame } from './frame.js';
import type { WatchSession, WatchView } from './session.js';

const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';
const MAX_NOTICES = 5;

const time = (d: Date | null) => (d === null ? '—' : d.toTimeString().slice(0, 8));

/** Visible rows a frame takes on a terminal `columns` wide (long lines wrap). */
export function physicalLines(frame: string, columns: number): number {
  const lines = frame.endsWith('\n') ? frame.slice(0, -1).split('\n') : frame.split('\n');
  return lines.reduce((sum, line) => sum + Math.max(1, Math.ceil(cellWidth(line) / Math.max(1, columns))), 0);
}

export class LiveTable implements WatchView {
  private drawn = 0;
  private stopped = false;
  private readonly notices: string[] = [];
  /** Notices added since the last frame: no frame will show them if the watch ends now. */
  private unseen: Array<{ text: string; level: 'info' | 'warn' }> = [];
  private readonly restore = () => this.output.data(SHOW_CURSOR);
  private last: WatchSession | null = null;
  private memory = new ColumnMemory();
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly output: Output,
    private readonly size: () => { columns: number; rows: number },
    private readonly describe: (session: WatchSession) => string,
    /** Subscribe to terminal resizes (stdout 'resize', i.e. SIGWINCH); returns the unsubscribe. */
    private readonly onResize: (redraw: () => void) => () => void = () => () => undefined,
  ) {}

  start(): void {
    this.output.data(HIDE_CURSOR);
    // A second Ctrl+C exits at once (src/cli.ts); 'exit' still runs, and a TTY write is synchronous.
    process.once('exit', this.restore);
    this.unsubscribe = this.onResize(() => this.redrawAll());
  }

  /**
   * After a resize the old frame may have been re-wrapped by the terminal, so counting lines back
   * up is unreliable: draw from the top of a cleared screen instead.
   */
  private redrawAll(): void {
    if (this.stopped || this.last === null) return;
    this.drawn = 0;
    this.memory = new ColumnMemory();
    this.output.data('\x1b[H\x1b[J');
    this.update(this.last);
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    process.removeListener('exit', this.restore);
    this.restore();
    this.stopped = true;
    // The last frame is final: what it never showed (a --until that did not hold, a failed --exec)
    // goes to stderr below it, like any notice once the table is gone.
    for (const { text, level } of this.unseen.splice(0)) this.toStderr(text, level);
  }

  event(event: WatchEvent): void {
    if (event.type === 'threshold') {
      this.notice(`${time(new Date(event.at))} ${event.state === 'crossed' ? 'ALERT' : 'recovered'}: ${describeThreshold(event)}`, 'warn');
    }
  }

  notice(text: string, level: 'info' | 'warn'): void {
    // Nothing drawn yet (start-up notices such as raised intervals), or the table is gone: stderr.
    if (this.drawn === 0 || this.stopped) return this.toStderr(text, level);
    if (level === 'info' && this.output.quiet) return;
    this.notices.push(text);
    if (this.notices.length > MAX_NOTICES) this.notices.shift();
    this.unseen.push({ text, level });
    if (this.unseen.length > MAX_NOTICES) this.unseen.shift();
  }

  private toStderr(text: string, level: 'info' | 'warn'): void {
    if (level === 'warn') this.output.warn(text);
    else this.output.info(text);
  }

  update(session: WatchSession): void {
    this.last = session;
    const size = this.size();
    const frame = renderFrame({
      tracked: session.tracked(),
      states: session.states,
      hideZero: session.settings.hideZero,
      header: this.describe(session),
      notices: this.notices,
      color: this.output.color,
      size,
      memory: this.memory,
    });
    // Move to the first line of the previous frame, clear from there down, draw the new one.
    const up = this.drawn > 0 ? `\x1b[${this.drawn}F\x1b[J` : '';
    this.output.data(up + frame);
    this.drawn = physicalLines(frame, size.columns);
    this.unseen = [];
  }
}
