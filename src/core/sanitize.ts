// Provider strings are untrusted. Before they reach a terminal, every control character, bidi
// override and line separator becomes a visible escape (a table cell must not move the cursor,
// set the title or rewrite a line). Before they reach a CSV cell, formula triggers are defused.
// Lines for people are wrapped to a width here too (wrapWords, at the end).

// Everything a terminal would act on or not show: controls (Cc: C0 incl. tab/newline, DEL, C1),
// format characters (Cf: zero-width, bidi overrides, soft hyphen, U+2060, U+180E, tag characters
// U+E0000–E007F, …), line/paragraph separators, other default-ignorable code points (Hangul
// fillers, variation selectors) and lone surrogates. By Unicode category, not a hand list, so
// `US\u2060DT` can never pass for USDT.
export const UNSAFE_CHARACTER =
  /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

function visibleEscape(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code === 0x1b) return '\\e';
  if (code === 0x0a) return '\\n';
  if (code === 0x0d) return '\\r';
  if (code === 0x09) return '\\t';
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
}

/** Every unsafe character shown as a visible escape (no truncation). */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE_CHARACTER, visibleEscape);
}

/** Multi-line text of our own (help, a stack) whose lines may quote untrusted text: breaks are kept. */
export function escapeLines(text: string): string {
  return text.split('\n').map(escapeUnsafe).join('\n');
}

/**
 * A Prometheus text page whose label values may quote provider text: each unsafe character becomes
 * the visible escape as literal text, its backslash doubled (the format's own escape for one), so
 * scrapers store the text `US\u2060DT`, never something that renders as USDT, and the page stays valid.
 */
export function forPrometheusPage(page: string): string {
  return page
    .split('\n')
    .map((line) => line.replace(UNSAFE_CHARACTER, (ch) => `\\${visibleEscape(ch)}`))
    .join('\n');
}

// Colour codes our own chalk adds to stderr lines: plain SGR colours and weights only (no cursor
// moves, titles, links, nor "concealed" text that would hide what follows).
const SGR = /\u001b\[(?:0|1|2|22|3|23|4|24|3[0-79]|4[0-79]|9[0-7]|10[0-7])m/y;

/**
 * One stderr line as it may reach a terminal: the exit point every message, notice, "no:" reason and
 * error passes (ui/output.ts, cli.ts), so provider text quoted anywhere in it cannot move the cursor,
 * rewrite a line or hide characters. With colour on, our SGR colour codes are kept; nothing else is.
 */
export function forStderr(line: string, keepColor: boolean): string {
  if (!keepColor) return escapeUnsafe(line);
  let out = '';
  let plainFrom = 0;
  for (let i = line.indexOf('\u001b'); i !== -1; i = line.indexOf('\u001b', i + 1)) {
    SGR.lastIndex = i;
    if (!SGR.test(line)) continue;
    out += escapeUnsafe(line.slice(plainFrom, i)) + line.slice(i, SGR.lastIndex);
    plainFrom = SGR.lastIndex;
    i = SGR.lastIndex - 1;
  }
  return out + escapeUnsafe(line.slice(plainFrom));
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Make a provider string safe to print on a terminal: escapes are shown, never executed. */
export function forTerminal(text: string, maxLength = 200): string {
  // Printable ASCII holds nothing unsafe: the common case skips the Unicode-class scan.
  const clean = PRINTABLE_ASCII.test(text) ? text : escapeUnsafe(text);
  if (clean.length <= maxLength) return clean;
  // Never cut between the two halves of a surrogate pair: a lone half is itself unsafe output.
  let cut = maxLength - 1;
  if (/[\ud800-\udbff]/.test(clean.charAt(cut - 1))) cut -= 1;
  return `${clean.slice(0, cut)}…`;
}

/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection, 2025 list). */
const FORMULA_TRIGGER = /^[=+\-@\t\r\n]/;
const PLAIN_DECIMAL_CELL = /^-?\d+(\.\d+)?$/;

/**
 * One RFC 4180 CSV cell. Text cells that start with a formula trigger get a leading `'` (negative
 * amounts are produced by our own formatter and checked against the decimal pattern, so they stay
 * numeric). Control characters are escaped; quotes are doubled; the cell is quoted when needed.
 */
export function csvCell(value: string | null, kind: 'text' | 'amount' = 'text'): string {
  if (value === null) return '';
  let cell = value;
  if (kind === 'amount' && PLAIN_DECIMAL_CELL.test(cell)) return cell;
  cell = cell.replace(UNSAFE_CHARACTER, visibleEscape);
  if (FORMULA_TRIGGER.test(value)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

// Word wrapping for text for people (help, notes under tables, watch notices). Kept here, beside
// the escaping every such line passes, so `--help` wraps without loading the terminal-width tables
// (and without one more file to read at start-up): a caller that shows provider text passes a
// measure in terminal cells (format/cells.ts); our own ASCII help text counts characters.

export interface WrapOptions {
  /** Cells before each continuation line. */
  indent?: number;
  /** How wide a string shows (default: its length, right for ASCII). */
  measure?: (text: string) => number;
  /** Split a word at a width: what fits, and the rest (default: by characters). */
  split?: (text: string, width: number) => [string, string];
  /**
   * Ends every line that continues (a shell command's " \"). A command's words are never split
   * (a line break inside one would change the command): one longer than a line overflows it.
   */
  continuation?: string;
  /** The words to wrap at (default: split at single spaces, so runs of spaces that align survive). */
  words?: (text: string) => string[];
}

const splitChars = (text: string, width: number): [string, string] => [text.slice(0, width), text.slice(width)];

/**
 * One line broken into lines of at most `width`, at word boundaries; leading spaces are kept, and
 * a word longer than a line (a path, a URL) is broken where the line ends: nothing is cut off.
 */
export function wrapWords(text: string, width: number, options: WrapOptions = {}): string[] {
  const measure = options.measure ?? ((t: string) => t.length);
  const split = options.split ?? splitChars;
  const tail = options.continuation ?? '';
  if (measure(text) <= width) return [text];
  const lead = /^ */.exec(text)?.[0] ?? '';
  const pad = ' '.repeat(Math.min(options.indent ?? 0, Math.max(0, width - 20)));
  const room = width - tail.length;
  const lines: string[] = [];
  let line = lead;
  let used = lead.length;
  let empty = true;
  const newLine = () => {
    lines.push(line.replace(/ +$/, '') + tail);
    [line, used, empty] = [pad, pad.length, true];
  };
  for (let word of (options.words ?? ((t: string) => t.split(' ')))(text.slice(lead.length))) {
    if (empty && word === '') continue;
    let cells = measure(word);
    if (!empty && used + 1 + cells > room) {
      newLine();
      if (word === '') continue;
    }
    while (empty && tail === '' && used + cells > room) {
      const [head, rest] = split(word, room - used);
      if (measure(head) === 0) break;
      line += head;
      newLine();
      [word, cells] = [rest, measure(rest)];
    }
    line += empty ? word : ` ${word}`;
    used += empty ? cells : 1 + cells;
    empty = false;
  }
  lines.push(line);
  return lines;
}
