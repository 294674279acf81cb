// The core modules load, each on its own. Imported inside a test, so a module that throws while it
// loads (a bad decimal.js setting, a broken table or pattern) fails this test by name instead of
// only stopping the files that import it before any of their tests is collected.
import { describe, expect, it } from 'vitest';

const MODULES: Record<string, () => Promise<Record<string, unknown>>> = {
  money: () => import('../../src/core/money.js'),
  sanity: () => import('../../src/core/sanity.js'),
  withdrawal: () => import('../../src/core/withdrawal.js'),
  'withdrawal-limits': () => import('../../src/core/withdrawal-limits.js'),
  'currency-filter': () => import('../../src/core/currency-filter.js'),
  conditions: () => import('../../src/core/conditions.js'),
  totals: () => import('../../src/core/totals.js'),
  valuation: () => import('../../src/core/valuation.js'),
  secrets: () => import('../../src/core/secrets.js'),
  'safe-file': () => import('../../src/core/safe-file.js'),
};

describe('core modules', () => {
  it.each(Object.keys(MODULES))('%s loads', async (name) => {
    const module = await MODULES[name]?.();
    expect(Object.keys(module ?? {}).length).toBeGreaterThan(0);
  });

  it('money: amounts come out as plain decimals, never exponents', async () => {
    const { Decimal, exactPlus } = await import('../../src/core/money.js');
    expect(new Decimal('1e-20').toString()).toBe('0.00000000000000000001');
    expect(exactPlus(new Decimal('1e25'), '1e-20').toString()).toBe('10000000000000000000000000.00000000000000000001');
  });
});
