// The condition grammar shared by --below/--above/--until and `alerts:`, and how amounts aggregate.
import { describe, expect, it } from 'vitest';
import { makeBalance } from '../../src/core/balance.js';
import {
  breaches,
  codeSelector,
  compare,
  describeSelector,
  networkTypo,
  parseCondition,
  parseLevel,
  parseSelector,
  selectorMatches,
  selectorOf,
  sumAvailable,
  formatAggregate,
  type Selector,
} from '../../src/core/conditions.js';
import { Decimal } from '../../src/core/money.js';

const row = (account: string, providerCurrency: string, currency: string, network: string | null, available: string | null) =>
  makeBalance({
    account,
    provider: 'syncpay',
    mode: 'test',
    currency,
    network,
    providerCurrency,
    available: available === null ? null : new Decimal(available),
    pending: null,
    scale: 2,
    raw: {},
  });

describe('selectors', () => {
  it.each([
    ['USDT', { account: null, code: 'USDT', currency: 'USDT', network: null }],
    ['syncpay:usdt', { account: 'syncpay', code: 'USDT', currency: 'USDT', network: null }],
    ['USDT@trc20', { account: null, code: 'USDT', currency: 'USDT', network: 'tron' }],
    ['USDT_TRC20', { account: null, code: 'USDT_TRC20', currency: 'USDT', network: 'tron' }],
    ['flow-main:BTC', { account: 'flow-main', code: 'BTC', currency: 'BTC', network: null }],
  ])('%s', (text, expected) => {
    expect(parseSelector(text)).toEqual(expected);
  });

  it.each([
    ['', /is not a currency code/],
    ['US DT', /is not a currency code/],
    [':USDT', /is not an account name/],
    ['USDT@', /is not a network name/],
    ['USDT_TRC20@ethereum', /USDT_TRC20 is on tron, not ethereum/],
  ])('%j is refused', (text, message) => {
    const parsed = parseSelector(text);
    expect('error' in parsed && parsed.error).toMatch(message);
  });
});

describe('levels and conditions', () => {
  it('parses levels strictly as plain decimals', () => {
    const level = parseLevel('syncpay:USDT@tron=100.50');
    expect('error' in level).toBe(false);
    if (!('error' in level)) expect([level.selector.account, level.selector.network, level.amount.toString()]).toEqual(['syncpay', 'tron', '100.5']);
    for (const bad of ['USDT=1e3', 'USDT=1,000', 'USDT=+5', 'USDT=', 'USDT', 'USDT=.5', 'USDT=abc']) {
      expect('error' in parseLevel(bad), bad).toBe(true);
    }
  });

  it('parses conditions with every operator and spaces', () => {
    const ops = ['>=', '>', '<=', '<', '='].map((op) => {
      const c = parseCondition(`USDT ${op} 500`);
      return 'error' in c ? c.error : `${c.op} ${c.amount.toString()} ${c.text}`;
    });
    expect(ops).toEqual(['>= 500 USDT >= 500', '> 500 USDT > 500', '<= 500 USDT <= 500', '< 500 USDT < 500', '= 500 USDT = 500']);
    for (const bad of ['USDT', 'USDT>=', 'USDT=>500', 'USDT>=5e2', '>=500', 'USDT>=500>=1']) {
      expect('error' in parseCondition(bad), bad).toBe(true);
    }
  });

  it('compares exactly', () => {
    const a = new Decimal('0.1').plus('0.2');
    expect(compare(a, '=', new Decimal('0.3'))).toBe(true);
    expect(compare(new Decimal('500.00'), '>=', new Decimal('500'))).toBe(true);
    expect(compare(new Decimal('499.999999999999999999'), '>=', new Decimal('500'))).toBe(false);
  });
});

describe('sumAvailable', () => {
  const balances = [
    row('syncpay', 'USDT_TRC20', 'USDT', 'tron', '200.00'),
    row('flow', 'USDT', 'USDT', 'ethereum', '50.5'),
    row('flow', 'BTC', 'BTC', 'bitcoin', '1'),
  ];
  const sum = (text: string, list = balances) => formatAggregate(sumAvailable(parseSelector(text) as Selector, list));

  it('sums across accounts and networks unless narrowed', () => {
    expect(sum('USDT')).toBe('250.50');
    expect(sum('USDT@tron')).toBe('200.00');
    expect(sum('usdttrc20')).toBe('200.00');
    expect(sum('flow:USDT')).toBe('50.50');
  });

  it('is unknown (null), not zero, when nothing matches or an amount is unknown', () => {
    expect(sum('EUR')).toBeNull();
    expect(sum('USDT', [...balances, row('other', 'USDT', 'USDT', 'bsc', null)])).toBeNull();
  });
});

describe('what a bad condition is told', () => {
  const error = (parsed: object) => ('error' in parsed ? (parsed as { error: string }).error : null);

  it('a level without "=" says the form it expects', () => {
    expect(error(parseLevel('USDT'))).toBe('expected [account:]CURRENCY[@network]=AMOUNT, e.g. USDT=100');
    expect(error(parseLevel('US DT=5'))).toBe('"US DT" is not a currency code; expected e.g. USDT or USDT_TRC20');
    expect(error(parseLevel('USDT= 1e3 '))).toBe('"1e3" is not a plain decimal amount; expected e.g. 100 or 0.5 (no exponent, sign or separators)');
    // The last "=" splits: the selector before it is judged whole.
    expect(error(parseLevel('a=b=5'))).toBe('"a=b" is not a currency code; expected e.g. USDT or USDT_TRC20');
  });

  it('a condition without an operator, or with two, says so', () => {
    expect(error(parseCondition('USDT 500'))).toBe('expected [account:]CURRENCY[@network]>=AMOUNT (or >, <=, <, =), e.g. USDT>=500');
    expect(error(parseCondition('USDT>=500>=1'))).toBe('more than one comparison in "USDT>=500>=1"');
    expect(error(parseCondition('USDT >= abc'))).toBe('"abc" is not a plain decimal amount; expected e.g. 100 or 0.5 (no exponent, sign or separators)');
  });

  it('a condition reads from the whole text: spaces around it and around the operator are fine', () => {
    const c = parseCondition('  syncpay:USDT@tron  >=  500.00  ');
    expect('error' in c ? c.error : [c.selector, c.op, c.amount.toString(), c.text]).toEqual([
      { account: 'syncpay', code: 'USDT', currency: 'USDT', network: 'tron' },
      '>=',
      '500',
      'syncpay:USDT@tron >= 500.00',
    ]);
    const d = parseCondition('USDT_TRC20<1');
    expect('error' in d ? d.error : d.text).toBe('USDT_TRC20 < 1');
    expect(parseSelector('  x:usdt@TRON ')).toEqual({ account: 'x', code: 'USDT', currency: 'USDT', network: 'tron' });
  });

  it('a condition or level spanning lines is refused whole, never read from one of its lines', () => {
    const form = 'expected [account:]CURRENCY[@network]>=AMOUNT (or >, <=, <, =), e.g. USDT>=500';
    expect(error(parseCondition('USDT>=5\n6'))).toBe(form);
    expect(error(parseCondition('junk\nUSDT>=5'))).toBe(form);
    expect(error(parseLevel('USDT=5\n6'))).toBe('"5\n6" is not a plain decimal amount; expected e.g. 100 or 0.5 (no exponent, sign or separators)');
  });

  it('a network typo is refused with the name we know; an unknown chain that is no near miss passes', () => {
    expect(error(parseSelector('USDT@tronn'))).toBe('"tronn" is not a network we know (did you mean \'tron\'?)');
    expect(parseSelector('USDT@TRON')).toEqual({ account: null, code: 'USDT', currency: 'USDT', network: 'tron' });
    expect(parseSelector('USDT@zksync')).toEqual({ account: null, code: 'USDT', currency: 'USDT', network: 'zksync' });
    expect(networkTypo(' Tron ')).toBeNull();
    expect(networkTypo('ethereumm')).toBe('"ethereumm" is not a network we know (did you mean \'ethereum\'?)');
    expect(selectorOf(null, 'USDT', ' tron ')).toEqual({ account: null, code: 'USDT', currency: 'USDT', network: 'tron' });
  });

  it('a provider code and a matching @network agree; a symbol takes the network it is given', () => {
    expect(parseSelector('USDT_TRC20@tron')).toEqual({ account: null, code: 'USDT_TRC20', currency: 'USDT', network: 'tron' });
    expect(parseSelector('USDT_TRC20@trc20')).toEqual({ account: null, code: 'USDT_TRC20', currency: 'USDT', network: 'tron' });
    expect(error(parseSelector('USDT_TRC20@ethereum'))).toBe('USDT_TRC20 is on tron, not ethereum; give the symbol (USDT@ethereum) or drop @ethereum');
    expect(codeSelector(' usdt ', 'acct')).toEqual({ account: 'acct', code: 'USDT', currency: 'USDT', network: null });
  });

  it('a selector is described as typed: account, code, and @network only for a symbol', () => {
    const describe_ = (text: string) => describeSelector(parseSelector(text) as Selector);
    expect(['USDT', 'syncpay:USDT', 'USDT@tron', 'syncpay:usdt_trc20', 'USDT_TRC20@tron'].map(describe_)).toEqual([
      'USDT',
      'syncpay:USDT',
      'USDT@tron',
      'syncpay:USDT_TRC20',
      'USDT_TRC20',
    ]);
  });
});

describe('which balances a selector names', () => {
  const flowUsdt = row('flow', 'USDT', 'USDT', 'ethereum', '1');
  const sync = row('syncpay', 'usdt_trc20', 'USDT', 'tron', '1');
  const matches = (text: string, b: ReturnType<typeof row>) => selectorMatches(parseSelector(text) as Selector, b);

  it('a provider code names its balance in any case, whatever the canonical network says', () => {
    expect(matches('USDT_TRC20', sync)).toBe(true);
    expect(matches('usdt_trc20', sync)).toBe(true);
    expect(matches('USDT_TRC20', flowUsdt)).toBe(false);
    // A provider code that canonicalizes elsewhere still names the balance it is the code of.
    expect(matches('USDTBEP20', row('cf', 'usdtbep20', 'USDT', null, '1'))).toBe(true);
  });

  it('a bare symbol with @network never names the same code on another chain', () => {
    expect(matches('USDT@tron', flowUsdt)).toBe(false);
    expect(matches('USDT@ethereum', flowUsdt)).toBe(true);
    expect(matches('USDT', flowUsdt)).toBe(true);
    expect(matches('flow:USDT', sync)).toBe(false);
  });

  it('an inconsistent balance makes a sum over it unknown', () => {
    const bad = { ...row('flow', 'USDT', 'USDT', 'ethereum', '5'), inconsistent: [{ field: 'x', value: '1', problem: 'p' }] };
    expect(formatAggregate(sumAvailable(parseSelector('USDT') as Selector, [sync, bad]))).toBeNull();
    expect(sumAvailable(parseSelector('USDT') as Selector, [sync, bad]).matched).toBe(2);
  });

  it('levels breach strictly below or above, never at the level', () => {
    const level = new Decimal('100');
    expect([
      breaches({ kind: 'below', level }, new Decimal('99.99')),
      breaches({ kind: 'below', level }, level),
      breaches({ kind: 'above', level }, level),
      breaches({ kind: 'above', level }, new Decimal('100.01')),
    ]).toEqual([true, false, false, true]);
  });
});
