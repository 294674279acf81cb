// Output fuzzing (issue 6): generated provider strings — control characters, escape sequences,
// bidi overrides, lone surrogates, formula triggers — through the table, CSV and JSON formatters.
// Goal: 0 raw control characters on a terminal, 0 live formula cells, exact JSON round trips.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeBalance, type Balance } from '../../src/core/balance.js';
import { Decimal } from '../../src/core/money.js';
import { balancesCsv } from '../../src/format/csv.js';
import { balancesJson } from '../../src/format/json.js';
import { balancesTable } from '../../src/format/table.js';
import { Chalk } from 'chalk';
import { parseCsv } from '../helpers/csv-parse.js';

const STRINGS = 1_000;
const NASTY = [
  '\x1b[2J',
  '\x1b]0;title\x07',
  '\x1b]8;;http://x.invalid\x07link\x1b]8;;\x07',
  '\x1b]52;c;SGVsbG8=\x07',
  '\x9b31m',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u200f',
  '\u2028',
  '\u2029',
  '\r',
  '\n',
  '\t',
  '\b',
  '\x07',
  '\x00',
  '\x7f',
  '\ud800',
  '\udc00',
  '=',
  '+',
  '-',
  '@',
  '=HYPERLINK("http://x.invalid","click")',
  '"',
  ',',
  '😀',
  'é',
  'a',
];

const providerString = fc
  .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 4, unit: 'binary' })), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''));

// What must never reach a terminal raw: C0 (a table has its own \n between rows), DEL, C1, bidi
// controls, line/paragraph separators, lone surrogates.
const RAW_UNSAFE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const FORMULA = /^[=+\-@\t\r\n]/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

function balanceWith(text: string, i: number): Balance {
  return makeBalance({
    account: `acct${i}`,
    provider: 'syncpay',
    mode: null,
    currency: text.toUpperCase(),
    network: text,
    providerCurrency: text,
    wallet: text,
    walletName: text,
    available: new Decimal('-12.50'),
    pending: new Decimal('0.00'),
    scale: 2,
    raw: text,
  });
}

describe('output fuzzing', () => {
  const samples = fc.sample(providerString, { numRuns: STRINGS, seed: 42 });
  const balances = samples.map(balanceWith);

  it(`uses ${STRINGS} generated strings`, () => {
    expect(samples).toHaveLength(STRINGS);
    expect(samples.some((s) => /[\x00-\x1f\u202e]/.test(s))).toBe(true);
  });

  it('tables never carry a raw control, escape or bidi character, and never gain lines', () => {
    const colored = balancesTable(balances, { color: new Chalk({ level: 0 }) });
    expect(colored.split('\n').filter(Boolean)).toHaveLength(STRINGS + 1);
    expect(RAW_UNSAFE.test(colored)).toBe(false);
  });

  it('CSV text cells never start a formula, amounts stay numeric, the file parses strictly', () => {
    const rows = parseCsv(balancesCsv(balances));
    expect(rows).toHaveLength(STRINGS + 1);
    const header = rows[0] ?? [];
    const amountColumns = new Set(['available', 'pending', 'total', 'usdValue', 'usdRate']);
    let live = 0;
    for (const row of rows.slice(1)) {
      row.forEach((cell, c) => {
        const column = header[c] ?? '';
        if (amountColumns.has(column)) expect(cell === '' || DECIMAL.test(cell)).toBe(true);
        else if (FORMULA.test(cell)) live += 1;
        expect(RAW_UNSAFE.test(cell)).toBe(false);
      });
    }
    expect(live).toBe(0);
    expect(rows[1]?.[header.indexOf('available')]).toBe('-12.50');
  });

  it('JSON round-trips every string exactly and escapes bidi and separators', () => {
    const text = balancesJson(balances, [], new Date(0));
    expect(/[\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(text)).toBe(false);
    const doc = JSON.parse(text) as { balances: Array<{ providerCurrency: string; walletName: string }> };
    expect(doc.balances).toHaveLength(STRINGS);
    doc.balances.forEach((b, i) => {
      expect(b.providerCurrency).toBe(samples[i]);
      expect(b.walletName).toBe(samples[i]);
    });
  });
});
