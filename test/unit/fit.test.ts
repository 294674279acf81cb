// Tables fitted to a terminal's width: narrower forms first, then text cut with "…", then
// low-value columns hidden in the table's order; amounts never cut; unchanged when it fits.
// Widths are terminal cells: CJK and emoji take two, combining marks none.
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cellWidth, clipCells, wrapCells } from '../../src/format/cells.js';
import { alignDecimalsNarrow } from '../../src/format/columns.js';
import { ColumnMemory, layoutTable, type TableSpec } from '../../src/format/fit.js';
import { balancesTable, renderTable } from '../../src/format/table.js';
import { balance } from '../helpers/balances.js';

const plain = new Chalk({ level: 0 });
const lines = (text: string) => text.trimEnd().split('\n');

describe('cells', () => {
  it('measures terminal cells: wide CJK and emoji, zero-width combining marks, no colour codes', () => {
    expect(cellWidth('Trading')).toBe(7);
    expect(cellWidth('交易钱包')).toBe(8);
    expect(cellWidth('💰 Wallet')).toBe(9);
    expect(cellWidth('Cafe\u0301')).toBe(4);
    expect(cellWidth('\x1b[31mred\x1b[39m')).toBe(3);
  });

  it('cuts by whole characters: never half of a wide character, an emoji or a letter and its accent', () => {
    const red = '\x1b[31mTrading Wallet\x1b[39m';
    expect(clipCells(red, 8)).toBe('\x1b[31mTrading…\x1b[0m');
    expect(cellWidth(clipCells(red, 8))).toBe(8);
    expect(clipCells('😀😀😀', 4)).toBe('😀…');
    expect(clipCells('交易钱包', 6)).toBe('交易…');
    expect(clipCells('交易钱包', 5)).toBe('交易…');
    expect(clipCells('Cafe\u0301 de Flore', 6)).toBe('Cafe\u0301 …');
    expect(clipCells('short', 10)).toBe('short');
  });

  it('wraps prose at spaces, keeps gaps that align columns, and indents what follows', () => {
    expect(wrapCells('  3        configuration error: no config, invalid config, unset ${VAR}', 40, 11)).toEqual([
      '  3        configuration error: no',
      '           config, invalid config, unset',
      '           ${VAR}',
    ]);
    for (const line of wrapCells('钱包 '.repeat(30), 20, 2)) expect(cellWidth(line)).toBeLessThanOrEqual(20);
  });
});

describe('layoutTable', () => {
  const spec = (): TableSpec => ({
    columns: [
      { head: 'NAME', cells: ['alpha', 'beta'] },
      { head: 'NOTE', cells: ['a long note here', 'short'], cutTo: 4 },
      { head: 'AMOUNT', cells: ['1,000.50', '2.25'], align: 'right' },
      { head: 'EXTRA', cells: ['x', 'y'] },
    ],
    hide: ['EXTRA', 'NOTE'],
  });
  const heads = (width: number) => layoutTable(spec(), width).columns.map((c) => c.head);

  it('leaves a table that fits alone', () => {
    const laid = layoutTable(spec(), 200);
    expect(laid.hidden).toEqual([]);
    expect(laid.columns.map((c) => c.width)).toEqual([5, 16, 8, 5]);
  });

  it('cuts a cuttable column before hiding anything', () => {
    // Whole: 5 + 16 + 8 + 5 + 3 × 2 = 40; at 35 the note loses 5 cells.
    const laid = layoutTable(spec(), 35);
    expect(laid.hidden).toEqual([]);
    expect(laid.columns[1]?.cells).toEqual(['a long not…', 'short']);
  });

  it('hides columns in the given order when cutting is not enough; amounts are never cut', () => {
    expect(heads(25)).toEqual(['NAME', 'NOTE', 'AMOUNT']);
    expect(layoutTable(spec(), 25).columns[1]?.cells).toEqual(['a long …', 'short']);
    expect(heads(16)).toEqual(['NAME', 'AMOUNT']);
    expect(layoutTable(spec(), 16).hidden).toEqual(['EXTRA', 'NOTE']);
    expect(layoutTable(spec(), 5).columns[1]?.cells).toEqual(['1,000.50', '2.25']);
  });

  it('a column the table does not have is never named as hidden (balances without a wallet)', () => {
    const noWallet = balancesTable(
      [balance({ account: 'syncpay', currency: 'NGN', available: '450000.00', pending: '75000.00', total: '525000.00', usdValue: '341.25' })],
      { color: plain, width: 34 },
    );
    expect(lines(noWallet).at(-1)).toMatch(/^hidden to fit: PENDING, TOTAL, NE/);
    expect(layoutTable({ ...spec(), hide: ['GONE', 'EXTRA'] }, 16).hidden).toEqual(['EXTRA']);
  });

  it('a column names what it values when that column is hidden', () => {
    const usd: TableSpec = {
      columns: [
        { head: 'AVAILABLE', cells: ['1,250.50'], align: 'right' },
        { head: 'TOTAL', cells: ['1,375.50'], align: 'right' },
        { head: 'USD', cells: ['1,375.50'], align: 'right', headWithout: { column: 'TOTAL', head: 'USD OF TOTAL' } },
      ],
      hide: ['TOTAL'],
    };
    expect(layoutTable(usd, 80).columns.map((c) => c.head)).toEqual(['AVAILABLE', 'TOTAL', 'USD']);
    expect(layoutTable(usd, 25).columns.map((c) => c.head)).toEqual(['AVAILABLE', 'USD OF TOTAL']);
  });

  it('wide characters are measured in cells: columns line up and nothing passes the width', () => {
    const names = ['交易钱包 Trading', '💰💰 Savings', 'Café', 'plain'];
    const table = renderTable(
      {
        columns: [
          { head: 'WALLET', cells: names, cutTo: 6 },
          { head: 'AMOUNT', cells: ['1.00', '22.00', '333.00', '4.00'], align: 'right' },
        ],
      },
      { color: plain, width: 20 },
    );
    const rows = lines(table);
    for (const line of rows) expect(cellWidth(line), line).toBeLessThanOrEqual(20);
    // Every amount ends in the same cell.
    expect(new Set(rows.map((line) => cellWidth(line))).size).toBe(1);
    expect(rows[1]).toMatch(/^交易钱包 Tr…\s+1\.00$/);
  });

  it('with a memory, widths only grow and hidden columns stay hidden from one frame to the next', () => {
    const memory = new ColumnMemory();
    const frame = (note: string, width: number) =>
      layoutTable(
        {
          columns: [
            { head: 'A', cells: ['x'] },
            { head: 'NOTE', cells: [note] },
            { head: 'B', cells: ['1'] },
          ],
          hide: ['NOTE'],
        },
        width,
        memory,
      );
    expect(frame('a long note', 80).columns.map((c) => c.width)).toEqual([1, 11, 1]);
    expect(frame('short', 80).columns.map((c) => c.width)).toEqual([1, 11, 1]);
    expect(frame('a much much longer note than fits', 20).hidden).toEqual(['NOTE']);
    expect(frame('short', 80).hidden).toEqual(['NOTE']);
  });

  it('is linear: 100,000 rows are laid out and drawn', () => {
    const n = 100_000;
    const cells = Array.from({ length: n }, (_, i) => `row ${i}`);
    const table = renderTable(
      {
        columns: [
          { head: 'NAME', cells },
          { head: 'AMOUNT', align: 'right', cells: cells.map((_, i) => `${i}.00`) },
        ],
      },
      { color: plain, width: 80 },
    );
    expect(table.split('\n')).toHaveLength(n + 2);
  });
});

describe('alignDecimalsNarrow', () => {
  it("keeps every digit (the provider's scale) and aligns points only as far as it costs no width", () => {
    const narrow = alignDecimalsNarrow(['750.000000', '0.000000000000000000', '1.234567890123456789', '1250.50', null]);
    // The widest value sets the width (20); the widest integer part (5, "1,250") leaves 15 for decimals.
    expect(narrow).toEqual(['750.000000' + ' '.repeat(8), '0.000000000000000000', '1.234567890123456789', '1,250.50' + ' '.repeat(12), '—' + ' '.repeat(15)]);
    expect(Math.max(...narrow.map((v) => v.length))).toBe(20);
  });

  it('aligns everything when that costs nothing', () => {
    expect(alignDecimalsNarrow(['0.5', '0.010', '12'])).toEqual(['0.5  ', '0.010', '12   ']);
  });
});

describe('balancesTable on a terminal', () => {
  const rows = [
    balance({
      account: 'casino-v2',
      mode: 'test',
      wallet: 'w1',
      walletName: 'Savings Wallet',
      currency: 'ETH',
      network: 'ethereum',
      available: '1.234567890123456789',
      pending: '0.000000000000000000',
      total: '1.234567890123456789',
      usdValue: '2895.92',
    }),
    balance({ account: 'syncpay', mode: 'test', currency: 'NGN', available: '450000.00', pending: '75000.00', total: '525000.00', usdValue: '341.25' }),
    balance({
      account: 'casino-v3',
      mode: 'test',
      wallet: 'w2',
      walletName: 'Savings Wallet',
      currency: 'USDC',
      network: 'ethereum',
      available: '750.000000',
      pending: '250.000000',
      total: '1000.000000',
      usdValue: '1000.00',
    }),
  ];

  it('at 80 columns every line fits, amounts are whole, the note names what was hidden and USD says what it values', () => {
    const text = balancesTable(rows, { color: plain, width: 80 });
    for (const line of lines(text)) expect(cellWidth(line), line).toBeLessThanOrEqual(80);
    expect(text).toContain('1.234567890123456789');
    expect(text).toContain('450,000.00');
    expect(lines(text)[0]).toMatch(/^ACCOUNT\s+WALLET\s+CURRENCY\s+NETWORK\s+AVAILABLE\s+TOTAL USD$/);
    expect(lines(text).at(-1)).toBe('hidden to fit: PENDING, TOTAL (widen, pipe or --json for all)');
  });

  it("amounts keep the provider's scale at every width", () => {
    for (const width of [60, 80, 120, undefined]) expect(balancesTable(rows, { color: plain, width })).toMatch(/\b750\.000000\b/);
  });

  it('at 60 columns the wallet and the network go too; ACCOUNT, CURRENCY, AVAILABLE and USD stay', () => {
    const text = balancesTable(rows, { color: plain, width: 60 });
    expect(lines(text)[0]).toMatch(/^ACCOUNT\s+CURRENCY\s+AVAILABLE\s+TOTAL USD$/);
    expect(lines(text).at(-1)).toBe('hidden to fit: PENDING, TOTAL, WALLET, NETWORK (widen, pipe…');
  });

  it('without a width (a pipe) the table is whole and unchanged', () => {
    const whole = balancesTable(rows, { color: plain });
    expect(balancesTable(rows, { color: plain, width: 1000 })).toBe(whole);
    expect(lines(whole)[0]).toMatch(/PENDING\s+TOTAL\s+USD$/);
  });
});

describe('cellWidth agrees with string-width', () => {
  it('on every character its fast paths take, alone and in company', () => {
    const ranges: Array<[number, number]> = [
      [0x20, 0x7e],
      [0xc0, 0xff],
      [0x3041, 0x3096],
      [0x30a1, 0x30fa],
      [0x4e00, 0x9fff],
      [0xac00, 0xd7a3],
    ];
    const singles = [0xb7, 0x394, 0x2014, 0x2026, 0x25b2, 0x25bc, ...Array.from({ length: 8 }, (_, i) => 0x2581 + i)];
    const chars = [...ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i)), ...singles].map((c) =>
      String.fromCodePoint(c),
    );
    const wrong = chars.filter((c) => cellWidth(c) !== stringWidth(c) || cellWidth(`a${c}—`) !== stringWidth(`a${c}—`));
    expect(wrong).toEqual([]);
    for (const text of ['交易钱包 Trading', '💰 Savings', 'Cafe\u0301', '\x1b[2m—\x1b[22m', 'ｆｕｌｌ', '👨‍👩‍👧', '\u0301', 'e\u0301\u0301']) {
      expect(cellWidth(text), JSON.stringify(text)).toBe(stringWidth(text));
    }
  });
});
