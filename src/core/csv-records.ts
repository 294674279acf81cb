// Reading CSV as RFC 4180 writes it (spreadsheets, databases, our own --csv): fields separated by
// commas, a field in double quotes may hold commas, line breaks and quotes (doubled), lines end in
// CRLF or LF. Every record knows the line it starts on and the column of each field, so a problem
// in a payout file is named where the user can find it. Blank lines are skipped.

export interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  fields: string[];
  /** 1-based column (character) where each field starts, on the line it starts on. */
  columns: number[];
  /** 1-based line each field starts on (a quoted field may span lines). */
  lines: number[];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Parse `text` into records. `maxRecords` bounds the work on any input: past it, `onTooMany` is
 * called (it throws), so a file of millions of short lines is refused before it is held in memory.
 */
export function parseCsv(text: string, maxRecords: number, onTooMany: (line: number) => never): CsvRecord[] {
  const records: CsvRecord[] = [];
  const end = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  while (i < end) {
    const record: CsvRecord = { line, fields: [], columns: [], lines: [] };
    let atRecordEnd = false;
    let quoted = false;
    while (!atRecordEnd) {
      record.columns.push(i - lineStart + 1);
      record.lines.push(line);
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        quoted = true;
        const openLine = line;
        const openColumn = i - lineStart + 1;
        let parts = '';
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) throw new CsvSyntaxError('a quoted field is not closed (a " is missing)', openLine, openColumn);
          for (let k = text.indexOf('\n', from); k !== -1 && k < close; k = text.indexOf('\n', k + 1)) {
            line++;
            lineStart = k + 1;
          }
          parts += text.slice(from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            parts += '"';
            from = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        value = parts;
        const next = text.charCodeAt(i);
        if (i < end && next !== COMMA && next !== LF && next !== CR) {
          throw new CsvSyntaxError('text after a closing quote; a quoted field ends at the next comma or line end', line, i - lineStart + 1);
        }
      } else {
        let k = i;
        while (k < end) {
          const c = text.charCodeAt(k);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE)
            throw new CsvSyntaxError('a quote inside an unquoted field; quote the whole field and double the quote ("a ""b""")', line, k - lineStart + 1);
          k++;
        }
        value = text.slice(i, k);
        i = k;
      }
      record.fields.push(value);
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      // End of the record: CRLF, LF, a lone CR, or the end of the text.
      if (c === CR) i++;
      if (text.charCodeAt(i) === LF) i++;
      line++;
      lineStart = i;
      atRecordEnd = true;
    }
    if (record.fields.length === 1 && record.fields[0] === '' && !quoted) continue;
    if (records.length === maxRecords) onTooMany(record.line);
    records.push(record);
  }
  return records;
}
