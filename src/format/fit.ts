// Fitting a table to the terminal's width, the way gh does: on a terminal a row that wraps into two
// is unreadable, so first use the narrower form of a column (amounts aligned on fewer decimals),
// then cut text columns that can lose their tail ("Trading Wal…"), and only then hide the columns
// of least value, in the order the table gives, saying which were hidden. Amounts are never cut
// (a cut number is a wrong number). Widths are terminal cells (cells.ts), so CJK and emoji names
// line up. Piped output is never fitted: the callers pass a width only when stdout is a terminal.
// Every table (balances, total, watch, history, changes, config check, payout plans) is a TableSpec,
// drawn by renderTable (table.ts) with the command's `ctx.output.tableStyle()`:
//   renderTable({ columns: [
//       { head: 'ID', cells: ids, cutTo: 8 },
//       { head: 'AMOUNT', align: 'right', cells: alignDecimals(amounts), narrow: alignDecimalsNarrow(amounts) },
//       { head: 'REASON', cells: reasons, cutTo: 12 },
//     ], hide: ['REASON'] }, style)
import { cellWidth, clipCells } from './cells.js';

export interface Column {
  /** The header, plain text (drawn bold). Unique within its table. */
  head: string;
  /** One cell per row, possibly coloured. */
  cells: string[];
  /** 'right' for amounts: right-aligned, and never cut. Default 'left'. */
  align?: 'left' | 'right';
  /**
   * Text that may lose its tail to fit (names, ids, messages), down to this many cells. Other text
   * is cut only as a last resort, when hiding every column the table allows is not enough.
   */
  cutTo?: number;
  /** A narrower form of the same cells, used before anything is cut or hidden. */
  narrow?: string[];
  /** The header to show while another column is hidden: a USD column says which figure it values. */
  headWithout?: { column: string; head: string };
}

export interface TableSpec {
  columns: Column[];
  /** Headers of the columns that may be hidden to fit, the first to go first. */
  hide?: string[];
}

/**
 * What a table redrawn in place (watch) keeps between frames so its columns do not jump: widths
 * only grow, a narrowed or hidden column stays so. A new one after a resize.
 */
export class ColumnMemory {
  readonly widths = new Map<string, number>();
  readonly hidden = new Set<string>();
  narrowed = false;
}

export interface LaidColumn {
  head: string;
  cells: string[];
  /** Each cell's width in cells, measured once. */
  cellWidths: number[];
  width: number;
  align: 'left' | 'right';
}

export interface Layout {
  columns: LaidColumn[];
  /** Headers of the columns left out, for a note under the table. */
  hidden: string[];
}

const GAP = 2;
/** The fewest cells a text column is cut to when nothing else makes the table fit. */
const LAST_RESORT = 6;

interface Measured {
  cells: string[];
  cellWidths: number[];
  widest: number;
}

function measure(cells: string[]): Measured {
  const cellWidths = new Array<number>(cells.length);
  let widest = 0;
  for (let i = 0; i < cells.length; i++) {
    const w = cellWidth(cells[i] ?? '');
    cellWidths[i] = w;
    if (w > widest) widest = w;
  }
  return { cells, cellWidths, widest };
}

/** Targets (column index → width) that absorb `overflow`, cutting the widest first; null when they cannot. */
function cutTargets(widths: number[], cuttable: Array<{ index: number; min: number }>, overflow: number): Map<number, number> | null {
  const targets = new Map(cuttable.map((c) => [c.index, widths[c.index] ?? 0]));
  let left = overflow;
  while (left > 0) {
    let widest: { index: number; min: number } | null = null;
    for (const c of cuttable) {
      const now = targets.get(c.index) ?? 0;
      if (now > c.min && (widest === null || now > (targets.get(widest.index) ?? 0))) widest = c;
    }
    if (widest === null) return null;
    targets.set(widest.index, (targets.get(widest.index) ?? 0) - 1);
    left--;
  }
  return targets;
}

/** The table as it fits `width` cells (unchanged without a width, or when it fits). */
export function layoutTable(spec: TableSpec, width: number | undefined, memory?: ColumnMemory): Layout {
  const { columns } = spec;
  const whole = columns.map((c) => measure(c.cells));
  const headOf = (c: Column, hidden: Set<string>) => (c.headWithout && hidden.has(c.headWithout.column) ? c.headWithout.head : c.head);
  const widthOf = (c: Column, m: Measured, head: string) => Math.max(cellWidth(head), m.widest, memory?.widths.get(c.head) ?? 0);
  const total = (widths: number[], keep: number[]) => keep.reduce((sum, i) => sum + (widths[i] ?? 0), 0) + GAP * Math.max(0, keep.length - 1);
  const all = columns.map((_, i) => i);
  const laid = (forms: Measured[], keep: number[], hidden: Set<string>, widths: number[], targets: Map<number, number>): Layout => {
    const out = keep.map((i): LaidColumn => {
      const c = columns[i] as Column;
      const m = forms[i] as Measured;
      const target = targets.get(i);
      const head = headOf(c, hidden);
      if (target === undefined || target >= (widths[i] ?? 0))
        return { head, cells: m.cells, cellWidths: m.cellWidths, width: widths[i] ?? 0, align: c.align ?? 'left' };
      const cut = measure(m.cells.map((cell, r) => ((m.cellWidths[r] ?? 0) > target ? clipCells(cell, target) : cell)));
      return { head: clipCells(head, target), cells: cut.cells, cellWidths: cut.cellWidths, width: target, align: c.align ?? 'left' };
    });
    if (memory) {
      keep.forEach((i, k) => memory.widths.set((columns[i] as Column).head, Math.max(memory.widths.get((columns[i] as Column).head) ?? 0, out[k]?.width ?? 0)));
      for (const h of hidden) memory.hidden.add(h);
    }
    return { columns: out, hidden: [...hidden] };
  };

  const none = new Set<string>();
  const wholeWidths = columns.map((c, i) => widthOf(c, whole[i] as Measured, c.head));
  if (width === undefined || (!memory?.narrowed && (memory?.hidden.size ?? 0) === 0 && total(wholeWidths, all) <= width)) {
    return laid(whole, all, none, wholeWidths, new Map());
  }
  if (memory) memory.narrowed = true;
  const forms = columns.map((c, i) => (c.narrow ? measure(c.narrow) : (whole[i] as Measured)));
  // Only columns the table has: hiding one it lacks would free nothing and be named in the note.
  const order = (spec.hide ?? []).filter((h) => !memory?.hidden.has(h) && columns.some((c) => c.head === h));
  let fallback: Layout | null = null;
  for (let count = 0; count <= order.length; count++) {
    const hidden = new Set([...(memory?.hidden ?? []), ...order.slice(0, count)]);
    const keep = all.filter((i) => !hidden.has((columns[i] as Column).head));
    const widths = columns.map((c, i) => widthOf(c, forms[i] as Measured, headOf(c, hidden)));
    const cuttable = keep.flatMap((i) => {
      const c = columns[i] as Column;
      return c.cutTo === undefined || c.align === 'right' ? [] : [{ index: i, min: c.cutTo }];
    });
    const overflow = total(widths, keep) - width;
    const targets = overflow <= 0 ? new Map<number, number>() : cutTargets(widths, cuttable, overflow);
    if (targets !== null) return laid(forms, keep, hidden, widths, targets);
    if (count < order.length) continue;
    // Nothing more to hide and still too wide: a cut word beats a wrapped row, so every text
    // column may now lose its tail (down to LAST_RESORT cells), widest first; amounts still never.
    const anyText = keep.flatMap((i) => {
      const c = columns[i] as Column;
      return c.align === 'right' ? [] : [{ index: i, min: Math.min(c.cutTo ?? LAST_RESORT, widths[i] ?? 0) }];
    });
    fallback = laid(forms, keep, hidden, widths, cutTargets(widths, anyText, overflow) ?? new Map(anyText.map((c) => [c.index, c.min])));
  }
  return fallback as Layout;
}
