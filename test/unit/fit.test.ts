// Tables fitted to a terminal's width: narrower alignment first, then text cut with "…", then
// low-value columns dropped in the table's order; amounts never cut; unchanged when it fits.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { alignDecimalsNarrow } from '../../src/format/columns.js';
import { clipVisible, fitTable, visibleWidth } from '../../src/format/fit.js';
import { balancesTable } from '../../src/format/table.js';
import { balance } from '../helpers/balances.js';

const plain = new Chalk({ level: 0 });
const lines = (text: string) => text.trimEnd().split('\n');

describe('fitTable', () => {
  const head = ['NAME', 'NOTE', 'AMOUNT', 'EXTRA'];
  const rows = [['alpha', 'a long note here', '1,000.50', 'x'], ['beta', 'short', '2.25', 'y']];

  it('leaves a table that fits alone', () => {
    expect(fitTable(head, rows, [2], 200, { drop: [3], shrink: [{ column: 1, min: 4 }] })).toEqual({ head, rows, rightAligned: [2], dropped: [] });
  });

  it('cuts a shrinkable column before dropping anything', () => {
    // Whole: 5 + 16 + 8 + 5 + 3 × 2 = 40; at 35 the note loses 5 characters.
    const fitted = fitTable(head, rows, [2], 35, { drop: [3], shrink: [{ column: 1, min: 4 }] });
    expect(fitted.dropped).toEqual([]);
    expect(fitted.rows[0]).toEqual(['alpha', 'a long note', '1,000.50', 'x'].map((c, i) => (i === 1 ? 'a long not…' : c)));
  });

  it('drops columns in the given order when cutting is not enough, and re-indexes alignment', () => {
    const fitted = fitTable(head, rows, [2], 25, { drop: [3, 1], shrink: [{ column: 1, min: 8 }] });
    expect(fitted.head).toEqual(['NAME', 'NOTE', 'AMOUNT']);
    expect(fitted.rows[0]).toEqual(['alpha', 'a long …', '1,000.50']);
    expect(fitted.rightAligned).toEqual([2]);
    expect(fitted.dropped).toEqual(['EXTRA']);
    const narrower = fitTable(head, rows, [2], 16, { drop: [3, 1], shrink: [{ column: 1, min: 8 }] });
    expect(narrower.head).toEqual(['NAME', 'AMOUNT']);
    expect(narrower.rightAligned).toEqual([1]);
    expect(narrower.dropped).toEqual(['EXTRA', 'NOTE']);
  });

  it('clips coloured text by what shows, and closes the colour', () => {
    const red = '\x1b[31mTrading Wallet\x1b[39m';
    expect(clipVisible(red, 8)).toBe('\x1b[31mTrading…\x1b[0m');
    expect(visibleWidth(clipVisible(red, 8))).toBe(8);
    expect(clipVisible('😀😀😀', 2)).toBe('😀…');
  });
});

describe('alignDecimalsNarrow', () => {
  it('drops zeros beyond two decimals and aligns points only as far as it costs no width', () => {
    const narrow = alignDecimalsNarrow(['750.000000', '0.000000000000000000', '1.234567890123456789', '1250.50', null]);
    // The widest value sets the width (20); every shorter fraction is padded to the same point.
    expect(narrow).toEqual(['750.00' + ' '.repeat(12), '0.00' + ' '.repeat(12), '1.234567890123456789', '1,250.50' + ' '.repeat(12), '—' + ' '.repeat(15)]);
    expect(Math.max(...narrow.map((v) => v.length))).toBe(20);
  });

  it('keeps every digit that is not a trailing zero', () => {
    expect(alignDecimalsNarrow(['0.5', '0.010', '12'])).toEqual(['0.5', '0.01', '12  ']);
  });
});

describe('balancesTable on a terminal', () => {
  const rows = [
    balance({ account: 'casino-v2', mode: 'test', wallet: 'w1', walletName: 'Savings Wallet', currency: 'ETH', network: 'ethereum', available: '1.234567890123456789', pending: '0.000000000000000000', total: '1.234567890123456789', usdValue: '2895.92' }),
    balance({ account: 'syncpay', mode: 'test', currency: 'NGN', available: '450000.00', pending: '75000.00', total: '525000.00', usdValue: '341.25' }),
  ];

  it('at 80 columns every line fits, amounts are whole, and the note names what was hidden', () => {
    const text = balancesTable(rows, { color: plain, width: 80 });
    for (const line of lines(text)) expect(visibleWidth(line), line).toBeLessThanOrEqual(80);
    expect(text).toContain('1.234567890123456789');
    expect(text).toContain('450,000.00');
    expect(lines(text)[0]).toMatch(/^ACCOUNT\s+WALLET\s+CURRENCY\s+NETWORK\s+AVAILABLE\s+USD$/);
    expect(lines(text).at(-1)).toBe('hidden to fit: PENDING, TOTAL (widen, pipe or --json for all)');
  });

  it('at 60 columns the wallet and the network go too; ACCOUNT, CURRENCY, AVAILABLE and USD stay', () => {
    const text = balancesTable(rows, { color: plain, width: 60 });
    expect(lines(text)[0]).toMatch(/^ACCOUNT\s+CURRENCY\s+AVAILABLE\s+USD$/);
    expect(lines(text).at(-1)).toBe('hidden to fit: PENDING, TOTAL, WALLET, NETWORK (widen, pipe…');
  });

  it('without a width (a pipe) the table is whole and unchanged', () => {
    const whole = balancesTable(rows, { color: plain });
    expect(balancesTable(rows, { color: plain, width: 1000 })).toBe(whole);
    expect(lines(whole)[0]).toMatch(/PENDING\s+TOTAL\s+USD$/);
  });
});
