// planPayouts in the library, on balances built by hand (issue 20): payouts decided in order,
// each on what the yes payouts before it left; every rule of single can-withdraw per payout; the
// run's exit code; the document valid against schema/can-withdraw-batch.v1.json.
import { describe, expect, it } from 'vitest';
import { Decimal, canWithdraw, parseConfig, planPayouts, type Balance, type BalancesResult, type PayoutInput, type PlanDocument } from '../../src/index.js';
import { UnavailableError } from '../../src/core/errors.js';
import { checkBalances } from '../../src/core/sanity.js';
import type { WithdrawalRule } from '../../src/core/withdrawal-limits.js';
import { balance } from '../helpers/balances.js';
import { schemaProblems } from '../helpers/schemas.js';
import { stringifyOutputJson } from '../../src/core/json.js';
import { toCsv } from '../../src/format/csv.js';
import { PLAN_CSV_HEADER, planCsvPieces, planJsonPieces } from '../../src/format/payout-plan.js';

const NOW = new Date('2026-11-21T10:00:00.000Z');

const usdt = (account: string, available: string, extra: Partial<Parameters<typeof balance>[0]> = {}) =>
  balance({
    account,
    provider: 'flow-payments',
    mode: 'live',
    currency: 'USDT',
    network: 'tron',
    providerCurrency: 'USDT_TRC20',
    available,
    total: available,
    ...extra,
  });

interface Setup {
  accounts?: string[];
  failed?: Record<string, number>;
  config?: Record<string, unknown>;
  rules?: Map<string, WithdrawalRule[] | null>;
  cached?: string[];
}

function result(balances: Balance[], setup: Setup = {}): BalancesResult {
  const names = setup.accounts ?? [...new Set(balances.map((b) => b.account))];
  const config = parseConfig({ accounts: Object.fromEntries(names.map((n) => [n, { provider: 'flow-payments', apiKey: '${KEY}' }])), ...setup.config });
  const errors = Object.entries(setup.failed ?? {}).map(([account, code]) =>
    Object.assign(new UnavailableError(`'${account}' did not answer`, { code: code === 5 ? 'UNREACHABLE' : 'TIMEOUT', account, provider: 'flow-payments' }), {
      exitCode: code,
    }),
  );
  const outcomes = names.map((account) => ({
    account,
    provider: 'flow-payments',
    balances: balances.filter((b) => b.account === account),
    reported: [],
    errors: errors.filter((e) => e.account === account),
    notices: [],
    ms: 1,
  }));
  const cache = setup.cached
    ? { maxAgeMs: 60_000, accounts: setup.cached.map((account) => ({ account, source: 'cache' as const, fetchedAt: NOW, ageMs: 30_000 })) }
    : null;
  return {
    balances,
    unfiltered: balances,
    reported: [],
    errors,
    notices: [],
    outcomes,
    config,
    complete: errors.length === 0,
    cache,
    rules: setup.rules ?? new Map(),
  };
}

const payouts = (...amounts: Array<string | [string, Partial<PayoutInput>]>): PayoutInput[] =>
  amounts.map((a, i) =>
    typeof a === 'string' ? { id: `p${i + 1}`, currency: 'USDT', amount: a } : { id: `p${i + 1}`, currency: 'USDT', amount: a[0], ...a[1] },
  );

async function plan(r: BalancesResult, list: PayoutInput[], mode?: 'live' | 'test'): Promise<PlanDocument> {
  const doc = await planPayouts(r, list, { mode, now: () => NOW });
  expect(schemaProblems('can-withdraw-batch', doc)).toEqual([]);
  return doc;
}
const decisions = (doc: PlanDocument) => doc.payouts.map((p) => `${p.id}:${p.decision}${p.account ? `@${p.account}` : ''}`);

describe('a run never promises the same money twice', () => {
  it('ten payouts of 0.1 against 1.0 are all yes, the eleventh no: exact, no float', async () => {
    const doc = await plan(result([usdt('a', '1.0')]), payouts(...Array<string>(11).fill('0.1')));
    expect(doc.payouts.slice(0, 10).every((p) => p.decision === 'yes')).toBe(true);
    expect(doc.payouts[10]).toMatchObject({
      decision: 'no',
      reasons: ["insufficient: available 1.0 USDT (tron) in 'a' less 1.0 committed to earlier payouts leaves 0.0 < 0.1"],
    });
    expect(doc.commitments).toEqual([
      {
        account: 'a',
        wallet: null,
        currency: 'USDT',
        network: 'tron',
        providerCurrency: 'USDT_TRC20',
        available: '1.0',
        reserve: '0',
        committed: '1.0',
        left: '0.0',
        payouts: 10,
      },
    ]);
    expect([doc.decision, doc.exitCode, doc.counts]).toEqual(['no', 1, { yes: 10, no: 1, unknown: 0 }]);
  });

  it('300 payouts of 100 against 1,000: the first ten are yes; a later, smaller payout still fits', async () => {
    const doc = await plan(result([usdt('a', '1050.00')]), [...payouts(...Array<string>(300).fill('100')), { id: 'small', currency: 'USDT', amount: '50' }]);
    expect(doc.counts).toEqual({ yes: 11, no: 290, unknown: 0 });
    expect(doc.payouts[10]?.reasons).toEqual([
      "insufficient: available 1050.00 USDT (tron) in 'a' less 1000.00 committed to earlier payouts leaves 50.00 < 100",
    ]);
    expect(doc.payouts[300]).toMatchObject({ id: 'small', decision: 'yes', account: 'a' });
    expect(doc.commitments[0]).toMatchObject({ committed: '1050.00', left: '0.00', payouts: 11 });
  });

  it('across two accounts holding the same currency: the first that can pay it (config order) pays', async () => {
    const doc = await plan(result([usdt('a', '500.00'), usdt('b', '500.00')]), payouts('400', '400', '200', '100', '100'));
    expect(decisions(doc)).toEqual(['p1:yes@a', 'p2:yes@b', 'p3:no', 'p4:yes@a', 'p5:yes@b']);
    expect(doc.payouts[2]?.reasons).toEqual([
      "insufficient: available 500.00 USDT (tron) in 'a' less 400.00 committed to earlier payouts leaves 100.00 < 200",
      "insufficient: available 500.00 USDT (tron) in 'b' less 400.00 committed to earlier payouts leaves 100.00 < 200",
    ]);
    expect(doc.commitments.map((c) => [c.account, c.committed, c.left])).toEqual([
      ['a', '500.00', '0.00'],
      ['b', '500.00', '0.00'],
    ]);
  });

  it('each payout commits its own network fee: 4 + 1 and 4 + 1 take all of 10', async () => {
    const doc = await plan(result([usdt('a', '10', { networkFee: '1' })]), payouts('4', '4', '1'));
    expect(doc.payouts.map((p) => [p.decision, p.fee])).toEqual([
      ['yes', '1'],
      ['yes', '1'],
      ['no', null],
    ]);
    expect(doc.payouts[2]?.reasons).toEqual(["insufficient: available 10 USDT (tron) in 'a' less 10 committed to earlier payouts leaves 0 < 1 + fee 1"]);
    expect(doc.commitments[0]).toMatchObject({ committed: '10', left: '0' });
  });

  it('minimum, maximum and decimals hold per payout; what they refuse commits nothing', async () => {
    const rules = new Map([
      ['cf', [{ providerCurrency: 'usdttrc20', currency: 'USDT', network: 'tron', minimum: new Decimal('20'), maximum: new Decimal('400') }]],
    ]);
    const cf = balance({
      account: 'cf',
      provider: 'cryptofuse',
      mode: 'live',
      currency: 'USDT',
      network: 'tron',
      providerCurrency: 'usdttrc20',
      available: '1000.00',
      total: '1000.00',
    });
    const doc = await plan(result([cf], { rules }), payouts('15', '450', '20.1234567', '400', '400', '300'));
    expect(doc.payouts.map((p) => [p.decision, p.reasons])).toEqual([
      ['no', ["below minimum: 15 < 20 usdttrc20 for Cryptofuse account 'cf'"]],
      ['no', ["above maximum: 450 > 400 usdttrc20 for Cryptofuse account 'cf'"]],
      ['no', ['too many decimals: 20.1234567 has 7, USDT (tron) allows 6']],
      ['yes', []],
      ['yes', []],
      ['no', ["insufficient: available 1000.00 USDT (tron) in 'cf' less 800.00 committed to earlier payouts leaves 200.00 < 300"]],
    ]);
  });

  it('a reserve is never paid out: the reason says so, and a payout that fits above it is still yes', async () => {
    const r = result([usdt('a', '500.00')], { config: { reserves: { a: { USDT_TRC20: '100' } } } });
    const doc = await plan(r, payouts('300', '150', '100'));
    expect(decisions(doc)).toEqual(['p1:yes@a', 'p2:no', 'p3:yes@a']);
    expect(doc.payouts[1]?.reasons).toEqual([
      "reserve: available 500.00 USDT (tron) in 'a' less 300.00 committed to earlier payouts and reserve 100 leaves 100.00 < 150",
    ]);
    expect(doc.commitments[0]).toMatchObject({ available: '500.00', reserve: '100', committed: '400.00', left: '100.00' });
  });

  it('a reserve holds for single can-withdraw too (by provider code or canonical symbol)', async () => {
    for (const key of ['USDT_TRC20', 'usdt']) {
      const answer = await canWithdraw(result([usdt('a', '500.00')], { config: { reserves: { a: { [key]: '100' } } } }), { currency: 'USDT', amount: '450' });
      expect([answer.decision, answer.exitCode, answer.reasons]).toEqual([
        'no',
        1,
        ["reserve: available 500.00 USDT (tron) in 'a' less reserve 100 leaves 400.00 < 450"],
      ]);
    }
    const fits = await canWithdraw(result([usdt('a', '500.00')], { config: { reserves: { a: { USDT: '100' } } } }), { currency: 'USDT', amount: '400' });
    expect(fits.decision).toBe('yes');
  });
});

describe('fail closed, per payout', () => {
  it('an unreadable account makes unknown only the payouts it could pay; the run exits with its code', async () => {
    const r = result([usdt('a', '500.00')], { accounts: ['a', 'b'], failed: { b: 5 } });
    const doc = await plan(r, payouts(['100', { account: 'a' }], '100', '1000', ['1000', { account: 'a' }], ['10', { account: 'b' }]));
    expect(decisions(doc)).toEqual(['p1:yes@a', 'p2:yes@a', 'p3:unknown', 'p4:no', 'p5:unknown']);
    expect(doc.payouts[2]?.reasons).toEqual([
      "insufficient: available 500.00 USDT (tron) in 'a' less 200.00 committed to earlier payouts leaves 300.00 < 1000",
      "not read: 'b' could not be read (UNREACHABLE); it might hold the funds",
    ]);
    expect(doc.payouts[4]?.reasons).toEqual(["not read: 'b' could not be read (UNREACHABLE); it might hold the funds"]);
    expect([doc.decision, doc.exitCode, doc.errors.map((e) => e.account)]).toEqual(['unknown', 5, ['b']]);
  });

  it('an unread account whose mode is not known leaves every payout open: it might be live', async () => {
    const test = (account: string) => usdt(account, '500.00', { mode: 'test' });
    // b's setup tells no mode (Cryptofuse: config `mode` only); a Flow account on Flow's production
    // host would be live by its host, failed or not (providers/account-mode.ts).
    const unknownMode = { accounts: { a: { provider: 'flow-payments', apiKey: '${KEY}' }, b: { provider: 'cryptofuse', apiKey: '${KEY}' } } };
    const open = await plan(result([test('a')], { accounts: ['a', 'b'], failed: { b: 5 }, config: unknownMode }), payouts(['10', { account: 'a' }]));
    expect([open.payouts[0]?.decision, open.exitCode, open.mode]).toEqual(['unknown', 5, null]);
    expect(open.payouts[0]?.reasons.at(-1)).toBe("not read: 'b' could not be read (UNREACHABLE); it might hold live money, and then only live money may pay");
    const stated = await plan(
      result([test('a')], {
        accounts: ['a', 'b'],
        failed: { b: 5 },
        config: { accounts: { a: { provider: 'flow-payments', apiKey: '${KEY}' }, b: { provider: 'flow-payments', apiKey: '${KEY}', mode: 'test' } } },
      }),
      payouts(['10', { account: 'a' }]),
    );
    expect([stated.payouts[0]?.decision, stated.exitCode, stated.mode]).toEqual(['yes', 0, 'test']);
    const asked = await plan(result([test('a')], { accounts: ['a', 'b'], failed: { b: 5 }, config: unknownMode }), payouts(['10', { account: 'a' }]), 'test');
    expect(asked.exitCode).toBe(0);
  });

  it('with several undecided payouts the lowest code wins; unknown is never 0 or 1', async () => {
    const r = result([usdt('a', '500.00')], { accounts: ['a', 'b', 'c'], failed: { b: 5, c: 4 } });
    const doc = await plan(r, payouts(['10', { account: 'b' }], ['10', { account: 'c' }], '10'));
    expect(doc.payouts.map((p) => p.decision)).toEqual(['unknown', 'unknown', 'yes']);
    expect([doc.decision, doc.exitCode]).toEqual(['unknown', 4]);
  });

  it('test and live money are never mixed: live decides unless --mode test asks about test money', async () => {
    const r = result([usdt('live', '50.00'), usdt('test', '500.00', { mode: 'test' })]);
    const live = await plan(r, payouts('100', '40'));
    expect([decisions(live), live.mode]).toEqual([['p1:no', 'p2:yes@live'], 'live']);
    expect(live.payouts[0]?.reasons).toContain(
      "other mode: 'test' holds test money and live accounts are selected; only live money answers (--mode test to ask about test money)",
    );
    const test = await plan(r, payouts('100', '400'), 'test');
    expect([decisions(test), test.mode, test.exitCode]).toEqual([['p1:yes@test', 'p2:yes@test'], 'test', 0]);
    expect(test.commitments.map((c) => c.account)).toEqual(['test']);
  });

  it('an inconsistent figure decides nothing, commits nothing; a consistent balance still pays', async () => {
    const { balances: twice } = checkBalances([usdt('a', '10.00'), usdt('a', '1000.00')], 'Flow Payments');
    const eth = balance({
      account: 'a',
      provider: 'flow-payments',
      mode: 'live',
      currency: 'ETH',
      network: 'ethereum',
      providerCurrency: 'ETH',
      available: '2',
      total: '2',
      assetDecimals: 18,
    });
    const doc = await plan(result([...twice, eth]), [...payouts('5'), { id: 'eth', currency: 'ETH', amount: '1' }]);
    expect(doc.payouts.map((p) => [p.decision, p.reasons[0]?.slice(0, 40)])).toEqual([
      ['unknown', 'inconsistent: Flow Payments reported USD'],
      ['yes', undefined],
    ]);
    expect([doc.exitCode, doc.commitments.map((c) => c.currency)]).toEqual([6, ['ETH']]);
  });

  it('figures from the cache never pay', async () => {
    const doc = await plan(result([usdt('a', '500.00')], { cached: ['a'] }), payouts('10'));
    expect([doc.payouts[0]?.decision, doc.exitCode, doc.payouts[0]?.reasons]).toEqual([
      'unknown',
      6,
      ["cached: the balances of 'a' are 30s old; a yes needs fresh figures"],
    ]);
  });

  it('every payout yes: exit 0; a currency nobody holds is a no with close matches', async () => {
    expect((await plan(result([usdt('a', '500.00')]), payouts('1', '2'))).exitCode).toBe(0);
    const doc = await plan(result([usdt('a', '500.00')]), [
      { id: 'x', currency: 'USTD', amount: '1' },
      { id: 'y', currency: 'BTC', amount: '1', account: 'a' },
    ]);
    expect(doc.payouts.map((p) => p.reasons)).toEqual([
      ["none of the selected accounts reports USTD (did you mean 'USDT' or 'TUSD' or 'USD'?)"],
      ["'a' does not report BTC"],
    ]);
  });
});

describe('the list is checked before any provider is asked', () => {
  const r = result([usdt('a', '500.00'), usdt('b', '500.00')], { accounts: ['a', 'b'] });
  it.each([
    [[], 'payouts: no payouts: the list is empty'],
    [
      [{ id: 'x', currency: 'USDT', amount: 10 }],
      'payouts item 1, key "amount": amount is a JS number (its digits may already be lost); pass it as a decimal string such as "25.10"',
    ],
    [[{ id: 'x', currency: 'USDT', amount: '1', account: 'c' }], 'payouts item 1, key "account": unknown account \'c\''],
    [
      [
        { id: 1, currency: 'USDT', amount: '1' },
        { id: '1', currency: 'USDT', amount: '1' },
      ],
      'payouts item 2, key "id": id "1" is already used at item 1; ids must be unique',
    ],
  ])('%j', async (list, message) => {
    const error: unknown = await planPayouts(r, list as PayoutInput[]).catch((e: unknown) => e);
    expect(error).toMatchObject({ exitCode: 2 });
    expect((error as Error).message.startsWith(message), (error as Error).message).toBe(true);
  });

  it('an account that is configured but not selected cannot pay', async () => {
    const one = { ...r, outcomes: r.outcomes.filter((o) => o.account === 'a') };
    await expect(planPayouts(one, [{ id: 'x', currency: 'USDT', amount: '1', account: 'b' }])).rejects.toMatchObject({
      exitCode: 2,
      message: 'payouts item 1, key "account": account \'b\' is not selected',
    });
  });

  it('takes the text of a payout file too', async () => {
    const doc = await planPayouts(r, 'id,currency,amount,account\n1,USDT,10,b\n', { now: () => NOW });
    expect(decisions(doc)).toEqual(['1:yes@b']);
  });
});

describe('output written in pieces', () => {
  it('2,500 payouts: the JSON pieces make exactly the document, the CSV pieces exactly its lines', async () => {
    const doc = await plan(
      result([usdt('a', '1000.00'), usdt('b', '5.00', { networkFee: '0.5' })]),
      payouts(...Array.from({ length: 2500 }, (_, i) => `${(i % 9) + 1}.5`)),
    );
    const json = [...planJsonPieces(doc)];
    expect(json.length).toBeGreaterThan(3);
    expect(json.join('')).toBe(`${stringifyOutputJson(doc)}\n`);
    const csv = [...planCsvPieces(doc)];
    const whole = toCsv(
      PLAN_CSV_HEADER,
      doc.payouts.map((p) =>
        [p.id, p.decision, p.account, p.wallet, p.currency, p.network, p.amount, p.fee, p.reasons.join('; ') || null].map((value) => ({ value })),
      ),
    );
    expect(csv.join('')).toBe(whole);
    expect(csv.join('').split('\r\n')[2]).toBe('p2,yes,a,,USDT,tron,2.5,,');
  });
});
