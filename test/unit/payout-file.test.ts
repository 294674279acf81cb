// Payout lists as `can-withdraw --batch` reads them (issue 20): CSV (RFC 4180), a JSON array and
// NDJSON told apart by content, amounts exact, and every bad input a usage error (exit 2) naming
// where it is and what was expected.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/csv-records.js';
import { MAX_PAYOUTS, readPayoutFile } from '../../src/core/payout-file.js';
import { payoutsFromRows, type Payout } from '../../src/core/payout-rows.js';
import { UsageError } from '../../src/core/errors.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const read = (text: string | Uint8Array): Payout[] => {
  const file = readPayoutFile(typeof text === 'string' ? bytes(text) : text, 'payouts.csv');
  return payoutsFromRows(file.rows, 'payouts.csv');
};
/** What a test needs of a payout: id, line, the amount exactly as written, currency, network, account. */
const summary = (p: Payout) => [p.id, p.line, p.request.amount.toFixed(p.request.amountDecimals), p.request.currency, p.request.network, p.account];
const formatOf = (text: string) => readPayoutFile(bytes(text), 'x').format;

function refusal(text: string | Uint8Array): [number, string, string | undefined] {
  try {
    read(text);
  } catch (error) {
    if (error instanceof UsageError) return [error.exitCode, error.message, error.hint];
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('CSV (RFC 4180)', () => {
  it('quoted fields hold commas, doubled quotes and line breaks; CRLF and LF both end lines', () => {
    const records = parseCsv('id,memo\r\n1,"Smith, ""JJ"""\r\n2,"two\nlines"\n3,\n', 10, () => {
      throw new Error('too many');
    });
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['id', 'memo']],
      [2, ['1', 'Smith, "JJ"']],
      [3, ['2', 'two\nlines']],
      [5, ['3', '']],
    ]);
    expect(records[1]?.columns).toEqual([1, 3]);
  });

  it('reads a payout file with a BOM, any header case, extra columns, blank and empty rows', () => {
    const text =
      '\uFEFFID, Currency ,AMOUNT,recipient,network,account\r\np-1,USDT,10.50,"Doe, Jane",tron,\r\n\r\n,,,,,\r\np-2,usdttrc20,0.000001,x,,syncpay\r\n';
    expect(formatOf(text)).toBe('csv');
    expect(read(text).map(summary)).toEqual([
      ['p-1', 2, '10.50', 'USDT', 'tron', null],
      ['p-2', 5, '0.000001', 'USDT', 'tron', 'syncpay'],
    ]);
  });

  it('the line of a payout is where its record starts, after a field spanning lines', () => {
    expect(read('id,amount,currency,memo\n1,5,USDT,"a\nb"\n2,6,USDT,c\n').map((p) => p.line)).toEqual([2, 4]);
  });

  it.each([
    ['id,currency,amount\n"1,USDT,5\n', 'payouts.csv line 2, column 1: a quoted field is not closed (a " is missing)'],
    ['id,currency,amount\n"1"x,USDT,5\n', 'payouts.csv line 2, column 4: text after a closing quote; a quoted field ends at the next comma or line end'],
    [
      'id,currency,amount\n1,US"DT,5\n',
      'payouts.csv line 2, column 5: a quote inside an unquoted field; quote the whole field and double the quote ("a ""b""")',
    ],
    ['id,currency,amount\n1,USDT\n', 'payouts.csv line 2: 2 fields, but the header has 3; quote a field that holds a comma'],
    ['id,currency,amount,id\n1,USDT,5,2\n', 'payouts.csv line 1, column 20: the header names "id" twice'],
  ])('malformed CSV %j', (text, message) => {
    expect(refusal(text).slice(0, 2)).toEqual([2, message]);
  });
});

describe('JSON array and NDJSON', () => {
  it('a JSON array: numbers taken by their exact source text, items numbered from 1', () => {
    const text =
      '[\n  {"id": 7, "currency": "USDT@tron", "amount": 0.100000000000000000001},\n  {"id": "b", "currency": "ETH", "amount": "1", "memo": {"x": [1]}}\n]\n';
    expect(formatOf(text)).toBe('json');
    expect(read(text).map(summary)).toEqual([
      ['7', 1, '0.100000000000000000001', 'USDT', 'tron', null],
      ['b', 2, '1', 'ETH', null, null],
    ]);
    expect(read(text)[1]?.where).toBe('item 2 (line 3)');
  });

  it('NDJSON: one object per line, CRLF and blank lines allowed, lines numbered as in the file', () => {
    const text = '{"id":"a","currency":"USDT","amount":"5","account":"casino"}\r\n\r\n{"id":"b","currency":"BTC","amount":"0.5","network":null}\r\n';
    expect(formatOf(text)).toBe('ndjson');
    expect(read(text).map(summary)).toEqual([
      ['a', 1, '5', 'USDT', null, 'casino'],
      ['b', 3, '0.5', 'BTC', null, null],
    ]);
  });

  it.each([
    ['[{"id":"x","currency":"USDT","amount":"1"},]', 'payouts.csv line 1, column 44: an empty item (two commas, or a comma before ])'],
    ['[{"id":"x","currency":"USDT","amount":"1"}', 'payouts.csv line 1, column 43: the array is not closed (a ] is missing)'],
    ['[{"id":"x","currency":"USDT","amount":"1"}] []', 'payouts.csv line 1, column 45: text after the end of the array'],
    ['[{"id":"x","currency":"USDT","amount":"1"} {"id":"y"}]', "payouts.csv item 1 (line 1, column 44): not valid JSON: Expected end of input but got '{'"],
    ['[\n"p-1"\n]', 'payouts.csv item 1 (line 2): expected an object such as {"id": "p-1", "currency": "USDT", "amount": "25.00"}, got a string'],
    ['[{"id":"x","ID":"y","currency":"USDT","amount":"1"}]', 'payouts.csv item 1 (line 1): keys "id" and "ID" name the same field'],
    ['[{"id":"x","id":"y","currency":"USDT","amount":"1"}]', "payouts.csv item 1 (line 1, column 13): not valid JSON: Duplicate key 'id' encountered"],
    [
      '{"id":"a",\n"currency":"USDT","amount":"1"}',
      'payouts.csv line 1, column 11: not valid JSON: Quoted object key expected but reached end of input; NDJSON has one whole JSON object per line (or give a JSON array)',
    ],
    [
      '{"id":"a","currency":"USDT","amount":"1"}\n[1]',
      'payouts.csv line 2: expected an object such as {"id": "p-1", "currency": "USDT", "amount": "25.00"}, got an array',
    ],
  ])('malformed JSON %j', (text, message) => {
    expect(refusal(text).slice(0, 2)).toEqual([2, message]);
  });
});

describe('every bad row is a usage error naming where it is', () => {
  it.each([
    ['id,currency\n1,USDT\n', 'payouts.csv line 1: read as CSV (the file starts with neither [ nor {), but the header has no "amount" column'],
    ['id,currency,amount\n ,USDT,5\n', 'payouts.csv line 2, column 1 (id): the id is empty; every payout needs a unique id'],
    ['id,currency,amount\n1,USDT,5\n2,USDT,6\n1,ETH,7\n', 'payouts.csv line 4, column 1 (id): id "1" is already used at line 2; ids must be unique'],
    [
      'id,currency,amount\n1,USDT,1e3\n',
      'payouts.csv line 2, column 8 (amount): amount "1e3" is not a plain decimal; write it like 250 or 0.015 (no exponent, sign, spaces or thousands separators)',
    ],
    [
      'id,currency,amount\n1,USDT,-5\n',
      'payouts.csv line 2, column 8 (amount): amount "-5" is not a plain decimal; write it like 250 or 0.015 (no exponent, sign, spaces or thousands separators)',
    ],
    ['id,currency,amount\n1,USDT,0.00\n', 'payouts.csv line 2, column 8 (amount): amount must be greater than 0'],
    [
      'id,currency,amount\n1,USDT,"1,000"\n',
      'payouts.csv line 2, column 8 (amount): amount "1,000" is not a plain decimal; write it like 250 or 0.015 (no exponent, sign, spaces or thousands separators)',
    ],
    [
      'id,currency,amount\n1,US DT,5\n',
      'payouts.csv line 2, column 3 (currency): currency "US DT": "US DT" is not a currency code; expected e.g. USDT or USDT_TRC20',
    ],
    [
      'id,currency,amount\n1,USDT@tronn,5\n',
      'payouts.csv line 2, column 3 (currency): currency "USDT@tronn": "tronn" is not a network we know (did you mean \'tron\'?)',
    ],
    [
      'id,currency,amount\n1,syncpay:USDT,5\n',
      'payouts.csv line 2, column 3 (currency): currency "syncpay:USDT": put the account in the account column, not in the currency',
    ],
    ['id,currency,amount,network\n1,USDT_ERC20,5,tron\n', 'payouts.csv line 2, column 16 (network): network tron contradicts USDT_ERC20, which is on ethereum'],
    ['[{"id":"a","currency":"USDT"}]', 'payouts.csv item 1 (line 1): no amount; every payout needs id, currency and amount'],
    [
      '[{"id":"a","currency":"USDT","amount":1e3}]',
      'payouts.csv item 1 (line 1), key "amount": amount "1e3" is not a plain decimal; write it like 250 or 0.015 (no exponent, sign, spaces or thousands separators)',
    ],
    ['[{"id":"a","currency":7,"amount":"1"}]', 'payouts.csv item 1 (line 1), key "currency": expected a string, got a number'],
    ['[{"id":{},"currency":"USDT","amount":"1"}]', 'payouts.csv item 1 (line 1), key "id": expected a string or a number, got an object'],
  ])('%j', (text, message) => {
    expect(refusal(text).slice(0, 2)).toEqual([2, message]);
  });

  it('a CSV file separated by semicolons or tabs (spreadsheets in many locales) is told so, not "no id column"', () => {
    expect(refusal('id;currency;amount\np1;USDT;10\n')).toEqual([
      2,
      'payouts.csv line 1: read as CSV, but the header is one field "id;currency;amount": columns are separated by commas, not ";"',
      'save the file as CSV with commas (quote a field that holds a comma), or give a JSON array or NDJSON',
    ]);
    expect(refusal('\uFEFFID\tCurrency\tAmount\r\np1\tUSDT\t10\r\n')[1]).toBe(
      'payouts.csv line 1: read as CSV, but the header is one field "ID\\tCurrency\\tAmount": columns are separated by commas, not tabs',
    );
  });

  it('the first problem is the error; the hint says how many more rows have one', () => {
    const [, message, hint] = refusal('id,currency,amount\n1,USDT,x\n2,USDT,5\n3,,5\n4,USDT,0\n');
    expect(message).toBe(
      'payouts.csv line 2, column 8 (amount): amount "x" is not a plain decimal; write it like 250 or 0.015 (no exponent, sign, spaces or thousands separators)',
    );
    expect(hint).toBe(
      '2 more rows have problems too, e.g. line 4, column 3 (currency): currency "": "" is not a currency code; expected e.g. USDT or USDT_TRC20',
    );
  });

  it.each([
    ['', 'payouts.csv: no payouts: the file is empty'],
    [' \n\r\n', 'payouts.csv: no payouts: the file is empty'],
    ['id,currency,amount\r\n', 'payouts.csv: no payouts: the file has a header but no rows'],
    ['[ ]', 'payouts.csv: no payouts: the array is empty'],
  ])('an empty list %j', (text, message) => {
    expect(refusal(text).slice(0, 2)).toEqual([2, message]);
  });

  it('what is not text: NUL characters, bytes that are not UTF-8 (UTF-16 included)', () => {
    expect(refusal('id,currency,amount\n1,US\0DT,5\n')[1]).toBe(
      'payouts.csv line 2, column 5: a NUL character: this is not text; expected CSV, a JSON array or NDJSON',
    );
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'id,currency'].flatMap((ch) => [ch.charCodeAt(0), 0])]);
    expect(refusal(utf16).slice(1)).toEqual(['payouts.csv: is not UTF-8 text; expected CSV, a JSON array or NDJSON', 'save the file as UTF-8']);
    expect(refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))[1]).toBe('payouts.csv: is not UTF-8 text; expected CSV, a JSON array or NDJSON');
  });
});

describe('bounded', () => {
  const limit = `more than ${MAX_PAYOUTS.toLocaleString('en-US')} payouts; one run plans at most that many`;

  it(`refuses more than ${MAX_PAYOUTS} payouts in every format, and takes exactly that many`, () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `${i},USDT,1`).join('\n');
    expect(read(`id,currency,amount\n${rows(MAX_PAYOUTS)}\n`)).toHaveLength(MAX_PAYOUTS);
    expect(refusal(`id,currency,amount\n${rows(MAX_PAYOUTS + 1)}\n`)[1]).toBe(`payouts.csv line ${MAX_PAYOUTS + 2}: ${limit}`);
    const item = '{"id":1,"currency":"USDT","amount":"1"}';
    expect(
      refusal(
        `[${Array(MAX_PAYOUTS + 1)
          .fill('1')
          .join(',')}]`,
      )[1],
    ).toBe(`payouts.csv item ${MAX_PAYOUTS + 1}: ${limit}`);
    expect(
      refusal(
        Array(MAX_PAYOUTS + 1)
          .fill(item)
          .join('\n'),
      )[1],
    ).toBe(`payouts.csv line ${MAX_PAYOUTS + 1}: ${limit}`);
  });
});
