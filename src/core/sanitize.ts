// Provider strings are untrusted. Before they reach a terminal, every control character, bidi
// override and line separator becomes a visible escape (a table cell must not move the cursor,
// set the title or rewrite a line). Before they reach a CSV cell, formula triggers are defused.

// C0 controls (incl. tab/newline), DEL, C1 controls, bidi controls, line/paragraph separators,
// zero-width joiners used for spoofing, and lone surrogates.
const UNSAFE_FOR_TERMINAL =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visibleEscape(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code === 0x1b) return '\\e';
  if (code === 0x0a) return '\\n';
  if (code === 0x0d) return '\\r';
  if (code === 0x09) return '\\t';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Make a provider string safe to print on a terminal: escapes are shown, never executed. */
export function forTerminal(text: string, maxLength = 200): string {
  const clean = text.replace(UNSAFE_FOR_TERMINAL, visibleEscape);
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
  cell = cell.replace(UNSAFE_FOR_TERMINAL, visibleEscape);
  if (FORMULA_TRIGGER.test(value)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}
