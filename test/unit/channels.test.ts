// Output hygiene on every channel (issue 11 §4): the exit-point escapes for stderr, JSON and the
// Prometheus page, by Unicode category rather than a hand list.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { escapeJsonText, stringifyOutputJson } from '../../src/core/json.js';
import { escapeUnsafe, forPrometheusPage, forStderr, forTerminal } from '../../src/core/sanitize.js';
import { createOutput } from '../../src/ui/output.js';
import { CapturedStream } from '../helpers/captured-stream.js';
import { Redactor } from '../../src/core/secrets.js';

const INVISIBLE: Array<[string, string, string]> = [
  ['word joiner', '\u2060', '\\u2060'],
  ['soft hyphen', '\u00ad', '\\xad'],
  ['Mongolian vowel separator', '\u180e', '\\u180e'],
  ['zero-width space', '\u200b', '\\u200b'],
  ['zero-width joiner', '\u200d', '\\u200d'],
  ['invisible times', '\u2062', '\\u2062'],
  ['tag latin small a', '\u{e0061}', '\\u{e0061}'],
  ['cancel tag', '\u{e007f}', '\\u{e007f}'],
  ['Hangul filler', '\u3164', '\\u3164'],
  ['interlinear annotation', '\ufff9', '\\ufff9'],
  ['line separator', '\u2028', '\\u2028'],
  ['paragraph separator', '\u2029', '\\u2029'],
  ['bidi isolate', '\u2067', '\\u2067'],
  ['DEL', '\u007f', '\\x7f'],
];

describe('invisible and format characters', () => {
  it.each(INVISIBLE)('%s is shown as a visible escape, so US·DT never reads USDT', (_name, ch, shown) => {
    expect(escapeUnsafe(`US${ch}DT`)).toBe(`US${shown}DT`);
    expect(forTerminal(`US${ch}DT`)).toBe(`US${shown}DT`);
  });

  it('keeps ordinary text from every script, accents and emoji', () => {
    const text = 'Café Zürich 東京 Москва مرحبا ₿ 💰';
    expect(escapeUnsafe(text)).toBe(text);
  });
});

describe('stderr', () => {
  it('escapes every control sequence, and keeps only our own colour codes when colour is on', () => {
    const line = `\u001b[31merror:\u001b[39m SyncPay said \r\u001b[2Kno: fake\u001b]8;;https://x\u0007 \u001b[8mhidden`;
    expect(forStderr(line, false)).toBe('\\e[31merror:\\e[39m SyncPay said \\r\\e[2Kno: fake\\e]8;;https://x\\x07 \\e[8mhidden');
    expect(forStderr(line, true)).toBe('\u001b[31merror:\u001b[39m SyncPay said \\r\\e[2Kno: fake\\e]8;;https://x\\x07 \\e[8mhidden');
  });

  it('is where Output writes: notices, warnings and errors all come out escaped', () => {
    const stderr = new PassThrough();
    let written = '';
    stderr.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const output = createOutput({
      redact: new Redactor().redact,
      format: 'json',
      stdout: new CapturedStream(),
      stderr: stderr as unknown as NodeJS.WriteStream,
      env: {},
    });
    output.info('notice: US\u2060DT');
    output.warn('no: \u001b[1Afake');
    output.error('error: a\nb');
    expect(written).toBe('notice: US\\u2060DT\nwarning: no: \\e[1Afake\nerror: a\\nb\n');
  });
});

describe('JSON', () => {
  it('\\u-escapes unsafe characters and keeps the exact string for a JSON reader', () => {
    const value = { currency: 'US\u2060DT', name: 'a\u202eb\u{e0041}', note: 'x\u0085y' };
    const text = stringifyOutputJson(value);
    expect(text).not.toMatch(/[\u2060\u202e\u0085]|\udb40/);
    expect(text).toContain('"US\\u2060DT"');
    expect(JSON.parse(text)).toEqual(value);
    expect(escapeJsonText('{\n  "a": 1\n}')).toBe('{\n  "a": 1\n}');
  });
});

describe('Prometheus page', () => {
  it('label values show the escape as text (a valid page), never the raw character', () => {
    const page = '# HELP x y\nbalance{currency="US\u2060DT",wallet="\u001b]0;t\u0007"} 1\n';
    const out = forPrometheusPage(page);
    expect(out).toBe('# HELP x y\nbalance{currency="US\\\\u2060DT",wallet="\\\\e]0;t\\\\x07"} 1\n');
    // Every backslash is the format's own escape of a backslash: no `\e` or `\u` the parser would reject.
    expect(out.replace(/\\\\/g, '')).not.toMatch(/\\/);
  });
});
