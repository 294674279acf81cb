// The config's alerts: section: validated with the rest of the config, every problem named by path.
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/schema.js';
import { validateAlerts } from '../../src/config/alerts.js';
import { ConfigError } from '../../src/core/errors.js';

const accounts = { syncpay: { provider: 'syncpay', apiKey: '${K}' } };

function problemsOf(alerts: unknown): string[] {
  try {
    validateConfig({ accounts, alerts }, '/x/.balancerc.yaml', 'search');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  return [];
}

describe('alerts: config section', () => {
  it('accepts named rules and turns them into thresholds', () => {
    expect(
      problemsOf({
        'low-usdt': { currency: 'USDT', below: '100' },
        band: { account: 'syncpay', currency: 'USDT', network: 'tron', below: '50', above: '10000.00' },
      }),
    ).toEqual([]);
    const rules = validateAlerts({ band: { account: 'syncpay', currency: 'usdt', network: 'trc20', below: '50', above: '10000.00' } }, ['syncpay'], []);
    expect(rules.map((r) => [r.name, r.kind, r.selector.account, r.selector.currency, r.selector.network, r.levelText])).toEqual([
      ['band', 'below', 'syncpay', 'USDT', 'tron', '50'],
      ['band', 'above', 'syncpay', 'USDT', 'tron', '10000.00'],
    ]);
  });

  it('reports every problem with its path', () => {
    expect(
      problemsOf({
        a: { currency: 'USDT', below: 100 },
        b: { currency: 'USDT', below: '1e3', treshold: '5' },
        c: { below: '5' },
        d: { currency: 'USDT' },
        e: { currency: 'USDT', account: 'sycnpay', below: '1' },
        f: { currency: 'USDT_TRC20', network: 'ethereum', below: '1' },
        g: { currency: 'USDT', below: '100', above: '50' },
        h: 'USDT<100',
        'bad name!': { currency: 'USDT', below: '1' },
        i: { currency: 'USDT', exec: 'rm -rf /', below: '1' },
      }),
    ).toEqual([
      'alerts.a.below: expected a string, got a number (quote it, so no digits are lost)',
      'alerts.b.treshold: unknown key',
      'alerts.b.below: "1e3" is not a decimal; expected e.g. "0.00065"',
      'alerts.c.currency: missing; expected a symbol like USDT or a provider code like USDT_TRC20',
      'alerts.d: expected below: "<amount>" and/or above: "<amount>"',
      "alerts.e.account: no account named 'sycnpay' (did you mean 'syncpay'?)",
      'alerts.f.network: USDT_TRC20 is on tron, not ethereum; give the symbol (USDT@ethereum) or drop @ethereum',
      'alerts.g: below (100) must be lower than above (50)',
      'alerts.h: expected a mapping like { currency: USDT, below: "100" }, got a string',
      "alerts.bad name!: alert names may use letters, digits, '.', '_' and '-' (at most 64), starting with a letter or digit",
      'alerts.i.exec: unknown key',
    ]);
    expect(problemsOf(['USDT<100'])).toEqual(['alerts: expected a mapping of alert names to { currency, below and/or above }, got a list']);
  });
});
