// A fast path for lossless JSON (docs/dev/performance.md): native JSON.parse builds the structure, a
// string-aware scan of the same text collects every number's source text in document order, and a
// walk puts LosslessNumbers made from those texts in place of the parsed floats. No float value is
// ever used. On Node 20 this is ~2× JSON.parse for a 10 MB body; lossless-json's parser is ~5×.
// It answers only when it cannot disagree with lossless-json, and otherwise returns null so the
// caller uses lossless-json, whose values and error messages stay the reference:
//  - JSON.parse must accept the text, so every number token is valid JSON (and the scan, which
//    takes a number as a maximal run of [-+.eE0-9] outside strings, sees the same tokens);
//  - the walk meets numbers in document order only if no object has integer-like keys (engines
//    list those first), so any key starting with a digit gives up;
//  - duplicate keys: each ':' outside strings starts one member and JSON.parse keeps one property
//    per distinct key, so fewer own keys than colons means a duplicate — lossless-json then decides
//    (the same value twice is allowed, a different one is an error).
// Node 22's JSON.parse reviver with context.source was not used: it would not save the scan (the
// duplicate check needs it) and a reviver call per value is slower than this walk on Node 20.
import { LosslessNumber } from 'lossless-json';

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;

function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 43 || c === 101 || c === 69;
}

/** Index of the quote closing a string whose body starts at `from`, or -1. */
function stringEnd(text: string, from: number): number {
  for (let q = text.indexOf('"', from); q !== -1; q = text.indexOf('"', q + 1)) {
    let b = q - 1;
    while (text.charCodeAt(b) === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) return q;
  }
  return -1;
}

interface Scan {
  /** Start and end offsets of each number token, in pairs: no string is made until the walk. */
  spans: Int32Array;
  count: number;
  members: number;
}

/** Number tokens outside strings, in order, and the count of object members; null to give up. */
function scan(text: string): Scan | null {
  // Sized down for a short text (an NDJSON line, one payout): it grows when it must.
  let spans = new Int32Array(Math.min(1024, text.length + 2));
  let count = 0;
  let members = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(text, i + 1);
      if (i === -1) return null;
    } else if (c === COLON) {
      members++;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      let end = i + 1;
      while (end < text.length && isNumberChar(text.charCodeAt(end))) end++;
      if (2 * count + 2 > spans.length) {
        const grown = new Int32Array(spans.length * 2);
        grown.set(spans);
        spans = grown;
      }
      spans[2 * count] = i;
      spans[2 * count + 1] = end;
      count++;
      i = end - 1;
    }
  }
  return { spans, count, members };
}

interface Walk extends Scan {
  text: string;
  next: number;
  keys: number;
  reordered: boolean;
}

function needsWalk(value: unknown): boolean {
  return typeof value === 'number' || (typeof value === 'object' && value !== null);
}

/** Replace parsed numbers by LosslessNumbers of the scanned texts, in place. */
function walk(value: unknown, state: Walk): unknown {
  if (typeof value === 'number') {
    const n = state.next++;
    if (n >= state.count) throw new Error('the scan and JSON.parse disagree'); // caught: give up
    return new LosslessNumber(state.text.slice(state.spans[2 * n], state.spans[2 * n + 1]));
  }
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (needsWalk(value[i])) value[i] = walk(value[i], state);
    return value;
  }
  const object = value as Record<string, unknown>;
  // for…in allocates no key array; JSON.parse objects have only own enumerable string keys.
  for (const key in object) {
    state.keys++;
    const first = key.charCodeAt(0);
    if (first >= 48 && first <= 57) state.reordered = true;
    // JSON.parse made every key an own data property (even "__proto__"), so assignment is safe.
    const item = object[key];
    if (needsWalk(item)) object[key] = walk(item, state);
  }
  return object;
}

/** The parsed value (numbers as LosslessNumber), or null when lossless-json must decide. */
export function fastLosslessParse(text: string): { value: unknown } | null {
  try {
    const found = scan(text);
    if (found === null) return null;
    // Spelled out: an object spread here made every call ~4× slower (V8 builds a slow-mode object),
    // which thousands of small bodies (NDJSON lines, payout items) pay for.
    const state: Walk = { spans: found.spans, count: found.count, members: found.members, text, next: 0, keys: 0, reordered: false };
    const value = walk(JSON.parse(text), state);
    const exact = !state.reordered && state.keys === found.members && state.next === found.count;
    return exact ? { value } : null;
  } catch {
    // Invalid JSON, or nesting too deep for the walk: lossless-json gives the answer and the message.
    return null;
  }
}
