// A payout file as `can-withdraw --batch` reads it: CSV with a header row, a JSON array of
// objects, or NDJSON (one object per line), told apart by content (`[` starts an array, `{` NDJSON,
// anything else is CSV). This turns the text into rows that know where they are; payout-rows.ts
// checks what they say. Bounded: past MAX_PAYOUTS rows the file is refused before more is held.
import { CsvSyntaxError, parseCsv } from './csv-records.js';
import { UsageError } from './errors.js';
import { JsonSyntaxError, isLosslessNumber, lineAndColumn, parseLosslessJson } from './json.js';
import { scanJsonArray } from './json-array-scan.js';

/** The most payouts one run plans (docs/commands/can-withdraw.md, "Payout runs"). */
export const MAX_PAYOUTS = 100_000;
/** The most bytes a payout file may have: 100,000 rows of ~600 bytes with their recipient, memo… */
export const MAX_PAYOUT_BYTES = 64 * 1024 * 1024;

export type PayoutFormat = 'csv' | 'json' | 'ndjson';

/** A field of a row: its value as read and where it is, for messages. */
export interface RowField {
  value: unknown;
  where: string;
}

export interface RawRow {
  /** `line` in the plan: the 1-based line it starts on (CSV, NDJSON) or its 1-based item (JSON array). */
  line: number;
  /** Where the row is: `line 4`, `item 3 (line 7)`. */
  where: string;
  /** A field by name (lower case); undefined when the row has no such column or key. */
  field(name: string): RowField | undefined;
}

export interface PayoutFile {
  format: PayoutFormat;
  rows: RawRow[];
}

/** `source` names the file in messages (its path, or `stdin`). */
export function readPayoutFile(bytes: Uint8Array, source: string): PayoutFile {
  const fail = (where: string | null, message: string, hint?: string): never => {
    throw new UsageError(`${source}${where ? ` ${where}` : ''}: ${message}`, hint);
  };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail(null, 'is not UTF-8 text; expected CSV, a JSON array or NDJSON', 'save the file as UTF-8');
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const at = lineAndColumn(text, nul);
    return fail(`line ${at.line}, column ${at.column}`, 'a NUL character: this is not text; expected CSV, a JSON array or NDJSON');
  }
  const first = /\S/.exec(text);
  if (!first) return fail(null, 'no payouts: the file is empty');
  const tooMany = (where: string): never =>
    fail(where, `more than ${MAX_PAYOUTS.toLocaleString('en-US')} payouts; one run plans at most that many`, 'split the file into several runs');
  if (first[0] === '[') return { format: 'json', rows: jsonArrayRows(text, first.index, fail, tooMany) };
  if (first[0] === '{') return { format: 'ndjson', rows: ndjsonRows(text, fail, tooMany) };
  return { format: 'csv', rows: csvRows(text, fail, tooMany) };
}

type Fail = (where: string | null, message: string, hint?: string) => never;

const HEADER_HINT = 'the header needs id, currency and amount; network and account are optional; other columns are ignored';

function csvRows(text: string, fail: Fail, tooMany: (where: string) => never): RawRow[] {
  let records;
  try {
    // One more than the payouts: the header.
    records = parseCsv(text, MAX_PAYOUTS + 1, (line) => tooMany(`line ${line}`));
  } catch (error) {
    if (error instanceof CsvSyntaxError) return fail(`line ${error.line}, column ${error.column}`, error.message);
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return fail(null, 'no payouts: the file is empty');
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    if (name !== '' && index.has(name)) fail(`line ${header.line}, column ${header.columns[i] ?? 1}`, `the header names "${name}" twice`);
    index.set(name, i);
  });
  const only = header.fields.length === 1 ? (header.fields[0] ?? '') : '';
  const separator = only.includes(';') ? '";"' : only.includes('\t') ? 'tabs' : null;
  if (separator !== null) {
    fail(
      `line ${header.line}`,
      `read as CSV, but the header is one field ${JSON.stringify(only.slice(0, 60))}: columns are separated by commas, not ${separator}`,
      'save the file as CSV with commas (quote a field that holds a comma), or give a JSON array or NDJSON',
    );
  }
  for (const required of ['id', 'currency', 'amount']) {
    if (!index.has(required))
      fail(`line ${header.line}`, `read as CSV (the file starts with neither [ nor {), but the header has no "${required}" column`, HEADER_HINT);
  }
  // Spreadsheets export empty rows as ",,,": they are blank lines too.
  const filled = body.filter((record) => record.fields.some((f) => f.trim() !== ''));
  if (filled.length === 0) return fail(null, 'no payouts: the file has a header but no rows');
  return filled.map((record) => {
    if (record.fields.length !== names.length) {
      fail(`line ${record.line}`, `${record.fields.length} fields, but the header has ${names.length}; quote a field that holds a comma`);
    }
    return {
      line: record.line,
      where: `line ${record.line}`,
      field(name) {
        const i = index.get(name);
        if (i === undefined) return undefined;
        const line = record.lines[i] ?? record.line;
        return { value: record.fields[i], where: `line ${line}, column ${record.columns[i] ?? 1} (${name})` };
      },
    };
  });
}

function ndjsonRows(text: string, fail: Fail, tooMany: (where: string) => never): RawRow[] {
  const rows: RawRow[] = [];
  let start = 0;
  for (let line = 1; ; line++) {
    const newline = text.indexOf('\n', start);
    const stop = newline === -1 ? text.length : newline;
    const content = text.slice(start, stop);
    const offset = start;
    start = stop + 1;
    if (content.trim() !== '') {
      if (rows.length === MAX_PAYOUTS) tooMany(`line ${line}`);
      const value = parseJsonValue(content, (position, message) => {
        const at = position === null ? '' : `, column ${lineAndColumn(text, offset + position).column}`;
        return fail(`line ${line}${at}`, `${message}; NDJSON has one whole JSON object per line (or give a JSON array)`);
      });
      rows.push(objectRow(value, line, `line ${line}`, fail));
    }
    if (newline === -1) break;
  }
  return rows;
}

function jsonArrayRows(text: string, from: number, fail: Fail, tooMany: (where: string) => never): RawRow[] {
  const scan = scanJsonArray(text, from, MAX_PAYOUTS);
  if ('error' in scan) {
    if (scan.tooMany) return tooMany(`item ${MAX_PAYOUTS + 1}`);
    const at = lineAndColumn(text, scan.position);
    return fail(`line ${at.line}, column ${at.column}`, scan.error);
  }
  if (scan.items.length === 0) return fail(null, 'no payouts: the array is empty');
  return scan.items.map(({ start, end, line }, i) => {
    const item = i + 1;
    const value = parseJsonValue(text.slice(start, end), (position, message) => {
      const at = lineAndColumn(text, start + (position ?? 0));
      return fail(`item ${item} (line ${at.line}, column ${at.column})`, message);
    });
    return objectRow(value, item, `item ${item} (line ${line})`, fail);
  });
}

function parseJsonValue(text: string, onError: (position: number | null, message: string) => never): unknown {
  try {
    return parseLosslessJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return onError(error.position, `not valid JSON: ${error.message}`);
    throw error;
  }
}

/** A row of a JSON object (a JSON array item, an NDJSON line, a library caller's object). */
export function objectRow(value: unknown, line: number, where: string, fail: Fail): RawRow {
  const kind = jsonKind(value);
  if (kind !== 'an object') return fail(where, `expected an object such as {"id": "p-1", "currency": "USDT", "amount": "25.00"}, got ${kind}`);
  const record = value as Record<string, unknown>;
  const keys = new Map<string, string>();
  for (const key of Object.keys(record)) {
    const lower = key.toLowerCase();
    const other = keys.get(lower);
    if (other !== undefined) fail(where, `keys "${other}" and "${key}" name the same field`);
    keys.set(lower, key);
  }
  return {
    line,
    where,
    field(name) {
      const key = keys.get(name);
      return key === undefined ? undefined : { value: record[key], where: `${where}, key "${key}"` };
    },
  };
}

/** What a JSON value is, for messages: `a string`, `a number` (lossless or not), `an object`… */
export function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (isLosslessNumber(value) || typeof value === 'number') return 'a number';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
