// The live table `watch` draws on a terminal, redrawn in place after every poll: each balance with
// its change since the start and its last change (▲ / ▼), each account's last successful poll, and
// a failing account's error next to its last known values (marked stale, never dropped). The
// cursor is hidden while drawing and restored on every way out (including a second Ctrl+C, which
// exits at once). Provider strings pass through forTerminal; colours come from Output.
import type { ChalkInstance } from 'chalk';
import { formatAmount } from '../core/balance.js';
import { formatDuration } from '../core/duration.js';
import { exactMinus, formatUsdForPeople, groupThousands, type Decimal } from '../core/money.js';
import { forTerminal } from '../core/sanitize.js';
import { isZeroOrUnknown } from '../core/balance.js';
import { alignDecimals } from '../format/columns.js';
import { inconsistentLegend, renderTable } from '../format/table.js';
import { clipVisible } from '../format/fit.js';
import type { Output } from '../ui/output.js';
import type { AccountState } from './accounts.js';
import type { Field, Tracked } from './diff.js';
import { describeThreshold, type WatchEvent } from './events.js';
import type { WatchSession, WatchView } from './session.js';

const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';
const MAX_NOTICES = 5;

export interface FrameInput {
  tracked: Tracked[];
  states: AccountState[];
  hideZero: boolean;
  header: string;
  notices: string[];
  color: ChalkInstance;
  /** The terminal: the frame is fitted to its width and clipped to its height. Absent: whole. */
  size?: { columns: number; rows: number } | undefined;
}

const time = (d: Date | null) => (d === null ? '—' : d.toTimeString().slice(0, 8));

function arrow(delta: Decimal | null | undefined, c: ChalkInstance): string {
  if (!delta || delta.isZero()) return '  ';
  return delta.isPositive() ? c.green(' ▲') : c.red(' ▼');
}

function signed(delta: Decimal | null | undefined, scale: number, c: ChalkInstance): string {
  if (delta === null || delta === undefined) return c.dim('—');
  if (delta.isZero()) return '';
  const text = groupThousands(formatAmount(delta, scale) ?? '');
  return delta.isPositive() ? c.green(`▲ +${text}`) : c.red(`▼ ${text}`);
}

/** One frame of the table, as text. Pure, so tests can read it. */
export function renderFrame(input: FrameInput): string {
  const c = input.color;
  const stale = new Set(input.states.filter((s) => s.errors.length > 0 && s.raw !== null).map((s) => s.account.name));
  const rows = input.tracked.filter((t) => !(input.hideZero && isZeroOrUnknown(t.balance)));
  const showWallet = rows.some((t) => t.balance.wallet !== null);
  const column = (field: Field) => {
    const aligned = alignDecimals(rows.map((t) => formatAmount(t.balance[field], t.balance.scale)));
    return rows.map((t, i) => {
      const fresh = t.fresh.includes(field);
      const text = (aligned[i] ?? '').replace('—', c.dim('—'));
      const delta = t.last[field]?.delta;
      return fresh ? (delta?.isNegative() ? c.red(text) : c.green(text)) + arrow(delta, c) : `${text}  `;
    });
  };
  const [available, pending, total] = [column('available'), column('pending'), column('total')];
  const usd = alignDecimals(rows.map((t) => (t.balance.usdValue === null ? null : formatUsdForPeople(t.balance.usdValue))));
  const body = rows.map((t, i) => {
    const b = t.balance;
    const isStale = stale.has(b.account);
    const sinceStart = b.available !== null && t.start.available !== null ? exactMinus(b.available, t.start.available) : null;
    const last = t.last.available;
    const cells = [
      forTerminal(b.account) + (isStale ? c.yellow(' *') : ''),
      ...(showWallet ? [forTerminal(b.walletName ?? b.wallet ?? '', 40) || c.dim('—')] : []),
      forTerminal(b.currency, 16) + (b.inconsistent ? c.red(' !') : ''),
      b.network === null ? c.dim('—') : forTerminal(b.network, 16),
      available[i] ?? '',
      pending[i] ?? '',
      total[i] ?? '',
      b.usdValue === null ? c.dim((usd[i] ?? '').replace('—', 'unpriced')) : (usd[i] ?? ''),
      signed(sinceStart, b.scale, c),
      last ? `${signed(last.delta, b.scale, c)} ${c.dim(time(last.at))}` : '',
    ];
    return isStale ? cells.map((cell) => c.dim(cell)) : cells;
  });
  const head = ['ACCOUNT', ...(showWallet ? ['WALLET'] : []), 'CURRENCY', 'NETWORK', 'AVAILABLE', 'PENDING', 'TOTAL', 'USD', 'Δ START', 'Δ LAST'];
  const first = showWallet ? 4 : 3;
  // Too narrow: PENDING, TOTAL, Δ START, WALLET and NETWORK go in that order (the wallet name is cut first).
  const fit = { shrink: showWallet ? [{ column: 1, min: 8 }] : [], drop: [first + 1, first + 2, first + 4, ...(showWallet ? [1] : []), first - 1] };
  const drawn = rows.length > 0 ? renderTable(head, body, [first, first + 1, first + 2, first + 3], { color: c, width: input.size?.columns }, fit) : `${c.dim('no balances yet')}\n`;
  // Same marker and legend as `balances`, so a broken figure never looks like a real one.
  const table = rows.some((t) => t.balance.inconsistent) ? `${drawn}${inconsistentLegend(c)}\n` : drawn;

  const nameWidth = Math.max(...input.states.map((s) => forTerminal(s.account.name).length));
  const status = input.states.map((s) => {
    const name = forTerminal(s.account.name).padEnd(nameWidth);
    const every = c.dim(`every ${formatDuration(s.intervalMs)}`);
    if (s.polls === 0) return `${name}  ${c.dim('waiting for the first poll')}  ${every}`;
    if (s.errors.length === 0) return `${name}  ${c.green('ok')}      last poll ${time(s.lastSuccessAt)}  ${every}`;
    const error = s.errors[0];
    const values = s.raw === null ? 'no values yet' : `values from ${time(s.lastSuccessAt)} (stale *)`;
    return `${name}  ${c.red('failing')} ${values}  ${every}  ${c.red(forTerminal(error?.message ?? '', 300))}`;
  });
  const notices = input.notices.map((n) => c.yellow(`! ${forTerminal(n, 300)}`));
  const after = ['', ...status, ...(notices.length > 0 ? ['', ...notices] : [])];
  const lines = [input.header, '', ...clipRows(table.trimEnd().split('\n'), rows.length, input, 2 + after.length), ...after];
  // Every line fits the width, so the frame takes exactly as many rows as it has lines.
  const width = input.size?.columns;
  return `${(width === undefined ? lines : lines.map((line) => clipVisible(line, width))).join('\n')}\n`;
}

/**
 * The table's lines (head, one per balance, maybe a note), cut to what the terminal's height
 * leaves after `others` lines and the cursor's, with "… N more" saying what is not shown.
 */
function clipRows(lines: string[], balances: number, input: FrameInput, others: number): string[] {
  if (input.size === undefined) return lines;
  const room = input.size.rows - 1 - others;
  if (lines.length <= room) return lines;
  const [head = '', ...rest] = lines;
  const body = rest.slice(0, balances);
  const note = rest.slice(balances);
  const keep = Math.max(0, room - 2 - note.length);
  const more = body.length - keep;
  return [head, ...body.slice(0, keep), input.color.dim(`… ${more} more balance${more === 1 ? '' : 's'} (make the terminal taller, or --json)`), ...note];
}

/** Visible rows a frame takes on a terminal `columns` wide (long lines wrap). */
export function physicalLines(frame: string, columns: number): number {
  const lines = frame.endsWith('\n') ? frame.slice(0, -1).split('\n') : frame.split('\n');
  const visible = (line: string) => [...line.replace(/\x1b\[[0-9;]*m/g, '')].length;
  return lines.reduce((sum, line) => sum + Math.max(1, Math.ceil(visible(line) / Math.max(1, columns))), 0);
}

export class LiveTable implements WatchView {
  private drawn = 0;
  private stopped = false;
  private readonly notices: string[] = [];
  /** Notices added since the last frame: no frame will show them if the watch ends now. */
  private unseen: Array<{ text: string; level: 'info' | 'warn' }> = [];
  private readonly restore = () => this.output.data(SHOW_CURSOR);
  private last: WatchSession | null = null;
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
    });
    // Move to the first line of the previous frame, clear from there down, draw the new one.
    const up = this.drawn > 0 ? `\x1b[${this.drawn}F\x1b[J` : '';
    this.output.data(up + frame);
    this.drawn = physicalLines(frame, size.columns);
    this.unseen = [];
  }
}
