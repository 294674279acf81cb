// Lossless JSON for provider bodies. JSON.parse on Node 20 turns 0.123456789012345678 into a
// float and silently keeps the last of duplicate keys; lossless-json keeps every number's source
// text (as a LosslessNumber) and rejects duplicate keys, which would make a balance ambiguous.
import { parse, LosslessNumber, isLosslessNumber } from 'lossless-json';
import { fastLosslessParse } from './json-fast.js';
import { UNSAFE_CHARACTER } from './sanitize.js';

export { LosslessNumber, isLosslessNumber };

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number | null,
  ) {
    super(message);
  }
}

/** Parse text losslessly; numbers become LosslessNumber. Throws JsonSyntaxError without echoing input. */
export function parseLosslessJson(text: string): unknown {
  // Valid bodies take the fast path; lossless-json still decides everything else, with its messages.
  const fast = fastLosslessParse(text);
  if (fast) return fast.value;
  try {
    return parse(text);
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(raw);
    // lossless-json messages quote at most a character or a key name; keep only the description.
    const what = raw.replace(/\s*\(?(at )?position \d+\)?/i, '').replace(/'[^']{20,}'/g, "'…'");
    return fail(what, position ? Number(position[1]) : null);
  }
}

function fail(message: string, position: number | null): never {
  throw new JsonSyntaxError(message, position);
}

/** 1-based line and column of a character offset, for config error messages. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Serialize output JSON. Money is already strings, so plain JSON.stringify is safe; on top of it,
 * every control, format or invisible character (core/sanitize.ts) is written as a \u escape, so a
 * provider string cannot reorder, hide or split what a terminal shows when someone cats the file.
 * The data is unchanged: a JSON reader gets the exact string back.
 */
export function stringifyOutputJson(value: unknown, indent = 2): string {
  return escapeJsonText(JSON.stringify(value, null, indent));
}

/** \u-escape the unsafe characters inside already-serialized JSON (one UTF-16 unit at a time). */
export function escapeJsonText(json: string): string {
  // A raw line break in serialized JSON is indentation (inside strings JSON.stringify escaped it).
  return json.replace(UNSAFE_CHARACTER, (ch) =>
    ch === '\n' ? ch : [...Array(ch.length).keys()].map((i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
  );
}
