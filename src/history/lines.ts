// The lines of an import, read as they arrive (stdin or a file) with their 1-based numbers, handed
// on a chunk's worth at a time (one await per chunk, not per line: an import reads millions). A
// line longer than MAX_LINE is refused rather than buffered without bound; CRLF is accepted, and so
// is a byte order mark at the start (as payout files and provider answers are read: editors add one).
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { LineError } from './import-line.js';

/** Far above any real line (one account read of 10,000 balances is ~3 MB). */
export const MAX_LINE = 64 * 1024 * 1024;

export interface NumberedLine {
  n: number;
  text: string;
}

export async function* numberedLines(input: Readable | NodeJS.ReadableStream, maxLine = MAX_LINE): AsyncGenerator<NumberedLine[]> {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  let n = 0;
  const line = (text: string): NumberedLine => ({ n: ++n, text: text.endsWith('\r') ? text.slice(0, -1) : text });
  let atStart = true;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    partial += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (atStart && partial !== '') {
      if (partial.startsWith('\uFEFF')) partial = partial.slice(1);
      atStart = false;
    }
    const lines: NumberedLine[] = [];
    let start = 0;
    for (let end = partial.indexOf('\n'); end !== -1; end = partial.indexOf('\n', start)) {
      lines.push(line(partial.slice(start, end)));
      start = end + 1;
    }
    partial = partial.slice(start);
    if (partial.length > maxLine) throw new LineError(`line ${n + 1}: longer than ${maxLine / 1024 / 1024} MB`);
    if (lines.length > 0) yield lines;
  }
  partial += decoder.end();
  if (partial !== '') yield [line(partial)];
}
