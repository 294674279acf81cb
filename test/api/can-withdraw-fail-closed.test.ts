// canWithdraw in the library, decided from a result (issue 11 §1): inconsistent figures, checks
// that cannot be made and the other mode's money never make a yes, and the exit code says why.
import { describe, expect, it } from 'vitest';
import { canWithdraw, parseConfig, type Balance, type BalancesResult } from '../../src/index.js';
import { checkBalances } from '../../src/core/sanity.js';
import { balance } from '../helpers/balances.js';

const config = () =>
  parseConfig({
    accounts: {
      live: { provider: 'syncpay', apiKey: '${LIVE_KEY}', mode: 'live' },
      test: { provider: 'syncpay', apiKey: '${TEST_KEY}', mode: 'test' },
    },
  });
const usdt = (account: 'live' | 'test', available: string) =>
  balance({ account, provider: 'syncpay', mode: account, currency: 'USDT', network: 'tron', providerCurrency: 'USDT_TRC20', available, pending: '0.00' });

function result(balances: Balance[], accounts = ['live', 'test']): BalancesResult {
  const outcomes = accounts.map((account) => ({
    account,
    provider: 'syncpay',
    balances: balances.filter((b) => b.account === account),
    reported: [],
    errors: [],
    notices: [],
    ms: 1,
  }));
  return { balances, unfiltered: balances, reported: [], errors: [], notices: [], outcomes, config: config(), complete: true, cache: null, rules: new Map() };
}
const ask = (r: BalancesResult, amount = '100', mode?: 'live' | 'test') => canWithdraw(r, { currency: 'USDT', amount, mode });

describe('canWithdraw fails closed', () => {
  it('an inconsistent balance is unknown with exit 6, even when its figure would cover the amount', async () => {
    const { balances } = checkBalances([usdt('live', '10.00'), usdt('live', '1000.00')], 'SyncPay');
    const answer = await ask(result(balances, ['live']));
    expect([answer.decision, answer.exitCode, answer.account]).toEqual(['unknown', 6, null]);
    expect(answer.checks.map((c) => c.status)).toEqual(['unknown', 'unknown']);
    expect(answer.reasons[0]).toMatch(/^inconsistent: SyncPay reported USDT \(tron\) in 'live' with currency USDT_TRC20: listed 2 times/);
  });

  it('a consistent account still answers yes beside an inconsistent one', async () => {
    const [bad] = checkBalances(
      [balance({ account: 'live', mode: 'live', currency: 'USDT', network: 'tron', providerCurrency: 'USDT_TRC20', available: '-1.00', pending: '0.00' })],
      'SyncPay',
    ).balances;
    const good = balance({
      account: 'live',
      mode: 'live',
      currency: 'USDT',
      network: 'ethereum',
      providerCurrency: 'USDT_ERC20',
      available: '500.00',
      pending: '0.00',
    });
    const answer = await ask(result([bad!, good], ['live']));
    expect([answer.decision, answer.exitCode, answer.account]).toEqual(['yes', 0, 'live']);
  });

  it('live accounts selected: test money does not answer; --mode test lets it', async () => {
    const r = result([usdt('live', '50.00'), usdt('test', '500.00')]);
    const live = await ask(r);
    expect([live.decision, live.exitCode, live.mode]).toEqual(['no', 1, 'live']);
    expect(live.checks.map((c) => [c.account, c.eligible])).toEqual([
      ['live', true],
      ['test', false],
    ]);
    const test = await ask(r, '100', 'test');
    expect([test.decision, test.account, test.mode]).toEqual(['yes', 'test', 'test']);
  });

  it('every selected account test: test money answers; --mode live refuses it as a no', async () => {
    const r = result([usdt('test', '500.00')], ['test']);
    expect((await ask(r)).decision).toBe('yes');
    const live = await ask(r, '100', 'live');
    expect([live.decision, live.exitCode]).toEqual(['no', 1]);
  });

  it('a failed account keeps the no undecided, with its own exit code', async () => {
    const r = result([usdt('live', '50.00')], ['live']);
    const failed = { ...r, errors: [Object.assign(new Error('down'), { exitCode: 5, code: 'UNREACHABLE' })] } as unknown as BalancesResult;
    const answer = await ask(failed);
    expect([answer.decision, answer.exitCode]).toEqual(['unknown', 5]);
  });
});
