// Fitting a table to the terminal's width, the way gh does: on a terminal a row that wraps into two
// is unreadable, so first use the narrower form of a column (amounts aligned on fewer decimals),
// then truncate text columns that can lose their tail ("Trading Wal…"), and only then drop the
// columns of least value, in the order the table gives, saying which were hidden. Amounts are
// never truncated (a cut number is a wrong number). Piped output is never fitted: the callers pass
// a width only when stdout is a terminal.

export interface FitSpec {
  /** Column indexes to drop, first to go first. */
  drop?: number[];
  /** Text columns that may be cut with "…", each down to `min` characters. */
  shrink?: Array<{ column: number; min: number }>;
  /** A narrower form of a column's cells (same rows), tried before anything is cut or dropped. */
  narrow?: Map<number, string[]>;
}

export interface FittedTable {
  head: string[];
  rows: string[][];
  rightAligned: number[];
  /** Header names of the columns left out, for a note under the table. */
  dropped: string[];
}

const ANSI = /\x1b\[[0-9;]*m/g;

/** Characters a cell takes on screen (colour codes take none). */
export function visibleWidth(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

/** Cut a (possibly coloured) cell to `width` characters, ending in "…"; colours are closed. */
export function clipVisible(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  let out = '';
  let shown = 0;
  let coloured = false;
  for (const part of text.split(/(\x1b\[[0-9;]*m)/)) {
    if (part.startsWith('\x1b[')) {
      out += part;
      coloured = true;
      continue;
    }
    for (const char of part) {
      if (shown >= width - 1) break;
      out += char;
      shown++;
    }
    if (shown >= width - 1) break;
  }
  return `${out}…${coloured ? '\x1b[0m' : ''}`;
}

function columnWidths(head: string[], rows: string[][]): number[] {
  return head.map((h, i) => Math.max(visibleWidth(h), ...rows.map((r) => visibleWidth(r[i] ?? ''))));
}

/** Shrink targets (column → width) that absorb `overflow`, widest first; null when they cannot. */
function shrinkTargets(widths: number[], shrink: Array<{ column: number; min: number }>, overflow: number): Map<number, number> | null {
  const targets = new Map(shrink.map((s) => [s.column, widths[s.column] ?? 0]));
  let left = overflow;
  while (left > 0) {
    let widest: { column: number; min: number } | null = null;
    for (const s of shrink) {
      const now = targets.get(s.column) ?? 0;
      if (now > s.min && (widest === null || now > (targets.get(widest.column) ?? 0))) widest = s;
    }
    if (widest === null) return null;
    targets.set(widest.column, (targets.get(widest.column) ?? 0) - 1);
    left--;
  }
  return targets;
}

/** The table as it fits `width` columns (two spaces between columns), or unchanged when it does. */
export function fitTable(head: string[], rows: string[][], rightAligned: number[], width: number, spec: FitSpec): FittedTable {
  const total = (widths: number[], keep: number[]) => keep.reduce((sum, i) => sum + (widths[i] ?? 0), 0) + 2 * Math.max(0, keep.length - 1);
  const all = head.map((_, i) => i);
  if (total(columnWidths(head, rows), all) <= width) return { head, rows, rightAligned, dropped: [] };

  const narrowed = rows.map((row, r) => row.map((cell, c) => spec.narrow?.get(c)?.[r] ?? cell));
  const widths = columnWidths(head, narrowed);
  const drop = spec.drop ?? [];
  let keep = all;
  let gone = new Set<number>();
  let targets: Map<number, number> | null = null;
  for (let dropped = 0; dropped <= drop.length; dropped++) {
    gone = new Set(drop.slice(0, dropped));
    keep = all.filter((i) => !gone.has(i));
    const overflow = total(widths, keep) - width;
    const shrink = (spec.shrink ?? []).filter((s) => !gone.has(s.column));
    targets = overflow <= 0 ? new Map() : shrinkTargets(widths, shrink, overflow);
    if (targets !== null) break;
  }
  // Nothing more to drop and still too wide: cut what may be cut as far as it goes.
  targets ??= new Map((spec.shrink ?? []).filter((s) => keep.includes(s.column)).map((s) => [s.column, Math.min(widths[s.column] ?? 0, s.min)]));
  const cut = (cell: string, column: number) => {
    const target = targets?.get(column);
    return target === undefined ? cell : clipVisible(cell, target);
  };
  return {
    head: keep.map((i) => cut(head[i] ?? '', i)),
    rows: narrowed.map((row) => keep.map((i) => cut(row[i] ?? '', i))),
    rightAligned: keep.flatMap((i, position) => (rightAligned.includes(i) ? [position] : [])),
    dropped: [...gone].map((i) => head[i] ?? ''),
  };
}
