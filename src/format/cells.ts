// Terminal cells: how wide a string shows, and cutting it to a width. Widths come from
// string-width (CJK and most emoji take two cells, combining marks none, colour codes none), and
// a cut keeps whole characters (grapheme clusters): it never splits an emoji, a flag or a letter
// from its accent, and never leaves half of a wide character.
import stringWidth from 'string-width';
import { wrapWords } from '../core/sanitize.js';

const COLOUR_CODE = /(\x1b\[[0-9;]*m)/;
const COLOUR_CODES = /\x1b\[[0-9;]*m/g;
/**
 * Characters that take one cell each whatever stands beside them: printable ASCII, precomposed
 * Latin-1 letters, and the marks our tables draw (· Δ — … ▲ ▼ and the sparkline's blocks). A
 * string of only these is measured by its length without segmenting it into graphemes: most
 * cells are such strings, and a 10,000-row table measures every cell (string-width's own fast
 * path takes printable ASCII only).
 */
const ONE_CELL_EACH = /^[\x20-\x7e\u00b7\u00c0-\u00ff\u0394\u2014\u2026\u2581-\u2588\u25b2\u25bc]*$/;
/** The same, or one of the common wide letters that take two cells each: kana, CJK ideographs, Hangul syllables. */
const ONE_OR_TWO_CELLS = /^[\x20-\x7e\u00b7\u00c0-\u00ff\u0394\u2014\u2026\u2581-\u2588\u25b2\u25bc\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff\uac00-\ud7a3]*$/;
const TWO_CELLS = /[\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff\uac00-\ud7a3]/g;
// Stateless: a Segmenter holds nothing between calls.
const GRAPHEMES = new Intl.Segmenter();

/** Cells a string takes on a terminal (colour codes take none). */
export function cellWidth(text: string): number {
  const plain = text.includes('\x1b') ? text.replace(COLOUR_CODES, '') : text;
  if (ONE_CELL_EACH.test(plain)) return plain.length;
  if (ONE_OR_TWO_CELLS.test(plain)) return plain.length + (plain.match(TWO_CELLS)?.length ?? 0);
  return stringWidth(plain);
}

/** The characters of a colour-free string, each with its width in cells. */
function* characters(text: string): Generator<[string, number]> {
  if (ONE_CELL_EACH.test(text)) {
    for (const char of text) yield [char, 1];
    return;
  }
  for (const { segment } of GRAPHEMES.segment(text)) yield [segment, stringWidth(segment)];
}

/**
 * Cut a (possibly coloured) string to at most `width` cells, ending in "…" when anything was cut;
 * colours are closed after the cut. Unchanged when it fits.
 */
export function clipCells(text: string, width: number): string {
  if (cellWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let shown = 0;
  let coloured = false;
  outer: for (const part of text.split(COLOUR_CODE)) {
    if (part.startsWith('\x1b[')) {
      out += part;
      coloured = true;
      continue;
    }
    for (const [char, cells] of characters(part)) {
      if (shown + cells > width - 1) break outer;
      out += char;
      shown += cells;
    }
  }
  return `${out}…${coloured ? '\x1b[0m' : ''}`;
}

/** A (possibly coloured) string split at `width` cells by whole characters: what fits, and the rest. */
export function splitCells(text: string, width: number): [string, string] {
  let head = '';
  let shown = 0;
  const parts = text.split(COLOUR_CODE);
  for (const [p, part] of parts.entries()) {
    if (part.startsWith('\x1b[')) {
      head += part;
      continue;
    }
    let offset = 0;
    for (const [char, cells] of characters(part)) {
      if (shown + cells > width) return [head, part.slice(offset) + parts.slice(p + 1).join('')];
      head += char;
      shown += cells;
      offset += char.length;
    }
  }
  return [head, ''];
}

/** `text` (whose width is `own` cells) padded with spaces to `width` cells, on the left or the right. */
export function padCells(text: string, own: number, width: number, align: 'left' | 'right'): string {
  const gap = width - own;
  if (gap <= 0) return text;
  return align === 'right' ? ' '.repeat(gap) + text : text + ' '.repeat(gap);
}

/**
 * Break a line of prose into lines of at most `width` cells, at spaces (runs of spaces inside a
 * line are kept: they align columns); continuation lines start at `indent` cells. A word longer
 * than a line is broken by whole characters. Colour codes count for nothing and stay in order.
 */
export function wrapCells(text: string, width: number, indent = 0): string[] {
  return wrapWords(text, width, { indent, measure: cellWidth, split: splitCells });
}

/**
 * Each line of `text` wrapped to `width` cells, its continuations indented `hang` cells more than
 * the line itself; unchanged without a width (piped output is never wrapped).
 */
export function wrapToWidth(text: string, width: number | undefined, hang = 2): string {
  if (width === undefined) return text;
  return text
    .split('\n')
    .flatMap((line) => wrapCells(line, width, (/^ */.exec(line)?.[0].length ?? 0) + hang))
    .join('\n');
}
