// The `decimals:` config key (issue 11 §1): per account and currency, validated with the config.
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/schema.js';
import { ConfigError } from '../../src/core/errors.js';

const base = { accounts: { casino: { provider: 'cryptofuse', apiKey: '${K}' } } };

function problems(decimals: unknown): string[] {
  try {
    validateConfig({ ...base, decimals }, '/x/.balancerc.json', 'flag');
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
}

describe('decimals:', () => {
  it('reads whole numbers, bare or quoted, by upper-cased code', () => {
    const config = validateConfig({ ...base, decimals: { casino: { usdtpolygon: 6, XYZ: '0', BIG: 36 } } }, null, 'builtin');
    expect([...(config.decimals?.get('casino') ?? [])]).toEqual([
      ['USDTPOLYGON', 6],
      ['XYZ', 0],
      ['BIG', 36],
    ]);
  });

  it.each([
    [2.5, 'a number'],
    [-1, 'a number'],
    [37, 'a number'],
    ['six', '"six"'],
    ['06', '"06"'],
    [null, 'null'],
  ])('refuses %s with the path and what was expected', (value, got) => {
    expect(problems({ casino: { XYZ: value } })).toEqual([`decimals.casino.XYZ: expected a whole number of decimals from 0 to 36, got ${got}`]);
  });

  it('names unknown accounts, bad codes and bad shapes', () => {
    expect(problems({ casin: { XYZ: 2 } })).toEqual(["decimals.casin: no account named 'casin' (did you mean 'casino'?)"]);
    expect(problems({ casino: { 'X Y': 2 } })).toEqual(['decimals.casino.X Y: "X Y" is not a currency code; expected e.g. USDT or USDTPOLYGON']);
    expect(problems({ casino: [2] })).toEqual(['decimals.casino: expected a mapping of currency code to decimals, e.g. { USDTPOLYGON: 6 }, got a list']);
    expect(problems(6)).toEqual(['decimals: expected a mapping of account name to { CURRENCY: decimals }, got a number']);
  });
});
