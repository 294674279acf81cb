// One frame of the live table `watch` draws on a terminal, as text (pure, so tests read it): each
// balance with its change since the start and its last change (▲ / ▼), each account's last
// successful poll, a failing account's error next to its last known values (marked stale, never
// dropped), and the latest notices. On a small terminal the balances come first: the per-account
// lines shrink to one summary line (failing accounts keep theirs), notices are capped, and only
// then are balance rows left out ("… N more"). Notices wrap rather than lose their end.
import type { ChalkInstance } from 'chalk';
import { formatAmount, isZeroOrUnknown } from '../core/balance.js';
import { formatDuration } from '../core/duration.js';
import { exactMinus, groupThousands, type Decimal } from '../core/money.js';
import { forTerminal } from '../core/sanitize.js';
import { cellWidth, clipCells, wrapCells, wrapToWidth } from '../format/cells.js';
import { alignDecimals, alignDecimalsNarrow } from '../format/columns.js';
import type { Column, ColumnMemory, TableSpec } from '../format/fit.js';
import { USD_OF_TOTAL, dimDash, inconsistentLegend, renderTable, usdCells } from '../format/table.js';
import type { AccountState } from './accounts.js';
import type { Field, Tracked } from './diff.js';

export interface FrameInput {
  tracked: Tracked[];
  states: AccountState[];
  hideZero: boolean;
  header: string;
  notices: string[];
  color: ChalkInstance;
  /** The terminal: the frame is fitted to its width and clipped to its height. Absent: whole. */
  size?: { columns: number; rows: number } | undefined;
  /** Column widths kept from frame to frame so columns do not jump (LiveTable's; new on resize). */
  memory?: ColumnMemory | undefined;
}

/** Lines a notice, and a failing account's line, may take before their end is cut. */
const NOTICE_LINES = 3;
const ACCOUNT_LINES = 2;

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

function watchTable(rows: Tracked[], stale: Set<string>, c: ChalkInstance): TableSpec {
  const dimIfStale = (cells: string[]) => cells.map((cell, i) => (stale.has(rows[i]?.balance.account ?? '') ? c.dim(cell) : cell));
  const text = (head: string, cells: string[], cutTo?: number): Column => ({ head, cells: dimIfStale(cells), ...(cutTo ? { cutTo } : {}) });
  const amount = (head: string, field: Field): Column => {
    const values = rows.map((t) => formatAmount(t.balance[field], t.balance.scale));
    const marked = (aligned: string[]) =>
      dimIfStale(
        rows.map((t, i) => {
          const shown = dimDash(aligned[i] ?? '', c);
          const delta = t.last[field]?.delta;
          return t.fresh.includes(field) ? (delta?.isNegative() ? c.red(shown) : c.green(shown)) + arrow(delta, c) : `${shown}  `;
        }),
      );
    return { head, align: 'right', cells: marked(alignDecimals(values)), narrow: marked(alignDecimalsNarrow(values)) };
  };
  const showWallet = rows.some((t) => t.balance.wallet !== null);
  return {
    columns: [
      text(
        'ACCOUNT',
        rows.map((t) => forTerminal(t.balance.account) + (stale.has(t.balance.account) ? c.yellow(' *') : '')),
      ),
      ...(showWallet
        ? [
            text(
              'WALLET',
              rows.map((t) => forTerminal(t.balance.walletName ?? t.balance.wallet ?? '', 40) || c.dim('—')),
              8,
            ),
          ]
        : []),
      text(
        'CURRENCY',
        rows.map((t) => forTerminal(t.balance.currency, 16) + (t.balance.inconsistent ? c.red(' !') : '')),
      ),
      text(
        'NETWORK',
        rows.map((t) => (t.balance.network === null ? c.dim('—') : forTerminal(t.balance.network, 16))),
      ),
      amount('AVAILABLE', 'available'),
      amount('PENDING', 'pending'),
      amount('TOTAL', 'total'),
      {
        head: 'USD',
        align: 'right',
        headWithout: USD_OF_TOTAL,
        cells: dimIfStale(
          usdCells(
            rows.map((t) => t.balance.usdValue),
            c,
          ),
        ),
      },
      text(
        'Δ START',
        rows.map((t) => {
          const b = t.balance;
          return signed(b.available !== null && t.start.available !== null ? exactMinus(b.available, t.start.available) : null, b.scale, c);
        }),
      ),
      text(
        'Δ LAST',
        rows.map((t) => (t.last.available ? `${signed(t.last.available.delta, t.balance.scale, c)} ${c.dim(time(t.last.available.at))}` : '')),
      ),
    ],
    // Too narrow: PENDING, TOTAL, Δ START, WALLET, NETWORK, then Δ LAST go (the wallet name is cut first).
    hide: ['PENDING', 'TOTAL', 'Δ START', 'WALLET', 'NETWORK', 'Δ LAST'],
  };
}

/** One line per account: its state, last poll, interval, and a failing account's error. */
function accountLine(s: AccountState, nameWidth: number, c: ChalkInstance): string {
  const shown = forTerminal(s.account.name);
  const name = shown + ' '.repeat(Math.max(0, nameWidth - cellWidth(shown)));
  const every = c.dim(`every ${formatDuration(s.intervalMs)}`);
  if (s.polls === 0) return `${name}  ${c.dim('waiting for the first poll')}  ${every}`;
  if (s.errors.length === 0) return `${name}  ${c.green('ok')}      last poll ${time(s.lastSuccessAt)}  ${every}`;
  const values = s.raw === null ? 'no values yet' : `values from ${time(s.lastSuccessAt)} (stale *)`;
  return `${name}  ${c.red('failing')} ${values}  ${every}  ${c.red(forTerminal(s.errors[0]?.message ?? '', 300))}`;
}

function okCount(ok: number, all: number): string {
  if (ok < all) return `${ok} of ${all} accounts ok`;
  return all === 1 ? 'ok' : `all ${all} accounts ok`;
}

/** A line wrapped to the width, in at most `max` lines (the last cut with "…"); whole without a width. */
function wrapped(text: string, width: number | undefined, indent: number, max: number): string[] {
  if (width === undefined) return [text];
  const lines = wrapCells(text, width, indent);
  return lines.length <= max ? lines : [...lines.slice(0, max - 1), clipCells(`${lines[max - 1] ?? ''} …`, width)];
}

/**
 * The per-account lines, or (compact) one line for the accounts that are fine and one per failing
 * account. A failing account's error wraps onto a second line rather than losing its end.
 */
function statusLines(states: AccountState[], c: ChalkInstance, width: number | undefined, compact: boolean): string[] {
  const nameWidth = states.reduce((most, s) => Math.max(most, cellWidth(forTerminal(s.account.name))), 0);
  const line = (s: AccountState) => wrapped(accountLine(s, nameWidth, c), width, nameWidth + 2, ACCOUNT_LINES);
  if (!compact) return states.flatMap(line);
  const failing = states.filter((s) => s.polls > 0 && s.errors.length > 0);
  const ok = states.filter((s) => s.polls > 0 && s.errors.length === 0);
  const waiting = states.filter((s) => s.polls === 0);
  const names = (list: AccountState[]) => list.map((s) => forTerminal(s.account.name)).join(', ');
  const latest = ok.reduce<Date | null>((last, s) => (last === null || (s.lastSuccessAt && s.lastSuccessAt > last) ? s.lastSuccessAt : last), null);
  return [
    ...(ok.length > 0 ? [`${c.green(okCount(ok.length, states.length))}, last poll ${time(latest)}: ${names(ok)}`] : []),
    ...(waiting.length > 0 ? [`${c.dim('waiting for the first poll:')} ${names(waiting)}`] : []),
    ...failing.flatMap(line),
  ];
}

/** Each notice, newest last, wrapped to the width (at most NOTICE_LINES lines each). */
function noticeLines(notices: string[], width: number | undefined, c: ChalkInstance): string[][] {
  return notices.map((n) => wrapped(`! ${forTerminal(n, 300)}`, width, 2, NOTICE_LINES).map((line) => c.yellow(line)));
}

export function renderFrame(input: FrameInput): string {
  const c = input.color;
  const width = input.size?.columns;
  const stale = new Set(input.states.filter((s) => s.errors.length > 0 && s.raw !== null).map((s) => s.account.name));
  const rows = input.tracked.filter((t) => !(input.hideZero && isZeroOrUnknown(t.balance)));
  const drawn = rows.length > 0 ? renderTable(watchTable(rows, stale, c), { color: c, width, memory: input.memory }) : `${c.dim('no balances yet')}\n`;
  // Same marker and legend as `balances`, so a broken figure never looks like a real one.
  const table = (rows.some((t) => t.balance.inconsistent) ? `${drawn}${wrapToWidth(inconsistentLegend(c), width)}\n` : drawn).trimEnd().split('\n');
  const notices = noticeLines(input.notices, width, c);

  const room = input.size === undefined ? Infinity : input.size.rows - 1; // the cursor's line stays free
  const full = ['', ...statusLines(input.states, c, width, false), ...(notices.length > 0 ? ['', ...notices.flat()] : [])];
  let lines = [input.header, '', ...table, ...full];
  if (lines.length > room) {
    // Balances first: no blank lines, one summary line for the accounts that are fine, notices
    // capped to a quarter of the height (the newest kept), and only then rows left out.
    const status = statusLines(input.states, c, width, true);
    const kept: string[] = [];
    const noticeRoom = Math.max(1, Math.floor(room / 4));
    for (const notice of [...notices].reverse()) {
      if (kept.length + notice.length > noticeRoom) break;
      kept.unshift(...notice);
    }
    const after = [...status, ...kept];
    lines = [input.header, ...clipRows(table, rows.length, room - 1 - after.length, c), ...after];
  }
  // Every line fits the width, so the frame takes exactly as many rows as it has lines.
  return `${(width === undefined ? lines : lines.map((line) => clipCells(line, width))).join('\n')}\n`;
}

/**
 * The table's lines (head, one per balance, then notes), cut to `room` lines with "… N more"
 * saying what is not shown.
 */
function clipRows(lines: string[], balances: number, room: number, c: ChalkInstance): string[] {
  if (lines.length <= room) return lines;
  const [head = '', ...rest] = lines;
  const body = rest.slice(0, balances);
  const notes = rest.slice(balances);
  const keep = Math.max(0, room - 2 - notes.length);
  const more = body.length - keep;
  return [head, ...body.slice(0, keep), c.dim(`… ${more} more balance${more === 1 ? '' : 's'} (make the terminal taller, or --json)`), ...notes];
}
