// The decision over every candidate together (core/withdrawal-decision.ts): which money may
// answer (mode), what a failed account does to a no, the reason lines printed and the exit code;
// and a run's shortcuts (firstYes, the pinned account). One rule per test, named after it, on a
// basis built by hand the way api/withdrawal-basis.ts builds it (withdrawal-rules.test.ts covers
// the rules of one balance).
import { describe, expect, it } from 'vitest';
import type { Balance } from '../../src/core/balance.js';
import { BadResponseError, UnavailableError, type BalanceError } from '../../src/core/errors.js';
import { Decimal } from '../../src/core/money.js';
import type { WithdrawalRequest } from '../../src/core/withdrawal.js';
import { WithdrawalDesk, type Candidate, type DecisionBasis } from '../../src/core/withdrawal-decision.js';
import { minimumFor, type WithdrawalProvider } from '../../src/core/withdrawal-limits.js';
import { balance } from '../helpers/balances.js';

const PLAIN: WithdrawalProvider = { name: 'Plain', withdrawals: {} };

const usdt = (account: string, available: string, fields: Partial<Parameters<typeof balance>[0]> = {}) =>
  balance({
    account,
    currency: 'USDT',
    network: 'tron',
    providerCurrency: 'USDT_TRC20',
    available,
    pending: '0.00',
    assetDecimals: 6,
    networkFee: '0',
    ...fields,
  });

const candidate = (b: Balance, stale: string | null = null): Candidate => ({
  balance: b,
  provider: PLAIN,
  minimum: minimumFor(b, undefined, undefined, PLAIN),
  decimals: undefined,
  reserve: null,
  stale,
});

function desk(balances: Balance[], basis: Partial<Omit<DecisionBasis, 'candidates'>> & { stale?: Record<string, string> } = {}) {
  const { stale = {}, ...rest } = basis;
  return new WithdrawalDesk({
    mode: null,
    explicitMode: false,
    errors: [],
    modeDoubt: [],
    ...rest,
    candidates: balances.map((b) => candidate(b, stale[b.account] ?? null)),
  });
}

function request(input: string, amount: string, network: string | null = null): WithdrawalRequest {
  return { input, currency: input.toUpperCase(), network, amount: new Decimal(amount), amountDecimals: 0 };
}

const failed = (account: string | undefined, code: 'UNREACHABLE' | 'TIMEOUT' = 'UNREACHABLE'): BalanceError =>
  new UnavailableError('did not answer', { code, ...(account === undefined ? {} : { account }) });

/** What can-withdraw prints of a decision: the answer, its exit code, the reason lines. */
const seen = (d: ReturnType<WithdrawalDesk['decide']>) => ({ decision: d.decision, exitCode: d.exitCode, reasons: d.reasons });

describe('the decision over the candidates: mode', () => {
  const live = (available: string) => usdt('live', available, { mode: 'live' });

  it("rule: --mode refuses the other mode's money, naming the flag", () => {
    const d = desk([usdt('t', '500.00', { mode: 'test' })], { mode: 'live', explicitMode: true }).decide(request('USDT', '100'));
    expect(seen(d)).toEqual({ decision: 'no', exitCode: 1, reasons: ["other mode: 't' holds test money; --mode live decides on live money only"] });
  });

  it('rule: live accounts selected: only live money answers, and the reason says how to ask about test money', () => {
    const d = desk([live('50.00'), usdt('t', '500.00', { mode: 'test' })], { mode: 'live' }).decide(request('USDT', '100'));
    expect(seen(d)).toEqual({
      decision: 'no',
      exitCode: 1,
      reasons: [
        "insufficient: available 50.00 USDT (tron) in 'live' < 100",
        "other mode: 't' holds test money and live accounts are selected; only live money answers (--mode test to ask about test money)",
      ],
    });
    expect(d.checks.map((c) => [c.account, c.eligible])).toEqual([
      ['live', true],
      ['t', false],
    ]);
  });

  it('rule: an account of unknown mode is named with the config key that sets it', () => {
    const unknownMode = desk([usdt('x', '500.00', { mode: null })], { mode: 'live', explicitMode: true }).decide(request('USDT', '1'));
    expect(unknownMode.reasons).toEqual(["other mode: the mode of 'x' is not known (set accounts.x.mode); --mode live decides on live money only"]);
    const amongTest = desk([usdt('x', '500.00', { mode: null })], { mode: 'test' }).decide(request('USDT', '1'));
    expect(amongTest.reasons).toEqual([
      "other mode: the mode of 'x' is not known (set accounts.x.mode) and the selected accounts are not all of one mode; select them with --account or pass --mode",
    ]);
  });

  it('rule: selected accounts of no one mode: money of a known mode does not answer', () => {
    const d = desk([usdt('t', '500.00', { mode: 'test' }), usdt('x', '5.00', { mode: null })]).decide(request('USDT', '100'));
    expect(seen(d)).toEqual({
      decision: 'no',
      exitCode: 1,
      reasons: [
        "other mode: 't' holds test money and the selected accounts are not all test mode; select them with --account or pass --mode",
        "insufficient: available 5.00 USDT (tron) in 'x' < 100",
      ],
    });
  });

  it("rule: the other mode's money never makes the answer unknown (a cached test balance beside a live no)", () => {
    const d = desk([live('50.00'), usdt('t', '500.00', { mode: 'test' })], { mode: 'live', stale: { t: 'cached: too old' } }).decide(request('USDT', '100'));
    expect([d.decision, d.exitCode]).toEqual(['no', 1]);
    expect(d.reasons).toContain('cached: too old');
  });
});

describe('the decision over the candidates: failed accounts', () => {
  it('rule: a failed account keeps a no undecided, with its exit code and a reason naming it', () => {
    const d = desk([usdt('a', '50.00')], { errors: [failed('b')] }).decide(request('USDT', '100'));
    expect(seen(d)).toEqual({
      decision: 'unknown',
      exitCode: 5,
      reasons: ["insufficient: available 50.00 USDT (tron) in 'a' < 100", "not read: 'b' could not be read (UNREACHABLE); it might hold the funds"],
    });
  });

  it('rule: a failure of no account (a whole read) is named as "an account"', () => {
    const d = desk([usdt('a', '50.00')], { errors: [failed(undefined, 'TIMEOUT')] }).decide(request('USDT', '100'));
    expect(d.reasons.at(-1)).toBe('not read: an account could not be read (TIMEOUT); it might hold the funds');
  });

  it('rule: a yes stands beside a failed account, with no reason', () => {
    expect(seen(desk([usdt('a', '500.00')], { errors: [failed('b')] }).decide(request('USDT', '100')))).toEqual({ decision: 'yes', exitCode: 0, reasons: [] });
  });

  it("rule: a payout pinned to an account ignores other accounts' failures, but not a failure of no account", () => {
    const errors = [failed('b')];
    expect(seen(desk([usdt('a', '50.00')], { errors }).decide(request('USDT', '100'), { account: 'a' }))).toEqual({
      decision: 'no',
      exitCode: 1,
      reasons: ["insufficient: available 50.00 USDT (tron) in 'a' < 100"],
    });
    const whole = desk([usdt('a', '50.00')], { errors: [failed(undefined)] }).decide(request('USDT', '100'), { account: 'a' });
    expect([whole.decision, whole.exitCode]).toEqual(['unknown', 5]);
  });

  it('rule: a failed account of unknown mode makes a pinned payout unknown: it might hold live money', () => {
    const doubt = failed('b');
    const d = desk([usdt('a', '50.00')], { errors: [doubt], modeDoubt: [doubt] }).decide(request('USDT', '100'), { account: 'a' });
    expect(seen(d)).toEqual({
      decision: 'unknown',
      exitCode: 5,
      reasons: [
        "insufficient: available 50.00 USDT (tron) in 'a' < 100",
        "not read: 'b' could not be read (UNREACHABLE); it might hold live money, and then only live money may pay",
      ],
    });
  });

  it('rule: an unknown figure with no failure is exit 6; the lowest failing code wins', () => {
    expect(seen(desk([usdt('a', '50.00', { available: null, pending: null, total: '60.00' })]).decide(request('USDT', '1')))).toEqual({
      decision: 'unknown',
      exitCode: 6,
      reasons: ["unknown: Plain does not report an available USDT (tron) balance for 'a'"],
    });
    const errors = [new BadResponseError('bad', { account: 'b' }), failed('c')];
    expect(desk([usdt('a', '50.00')], { errors }).decide(request('USDT', '100')).exitCode).toBe(5);
  });
});

describe('the decision over the candidates: a currency no account reports', () => {
  const held = [usdt('a', '50.00'), balance({ account: 'b', currency: 'ZUSD', providerCurrency: 'ZUSD', available: '9.00' })];

  it('rule: the reason names the currency and suggests what the selected accounts hold', () => {
    const d = desk(held).decide(request('ZUSE', '1'));
    expect(seen(d)).toEqual({ decision: 'no', exitCode: 1, reasons: ["none of the selected accounts reports ZUSE (did you mean 'ZUSD'?)"] });
    expect(d.unheld).toBe(d.reasons[0]);
  });

  it('rule: pinned to an account, the reason names that account and suggests only what it holds', () => {
    const d = desk(held).decide(request('ZUSE', '1'), { account: 'a' });
    expect(d.reasons).toEqual(["'a' does not report ZUSE"]);
    expect(desk(held).decide(request('ZUSE', '1'), { account: 'b' }).reasons).toEqual(["'b' does not report ZUSE (did you mean 'ZUSD'?)"]);
    // Held by another account but not by the one pinned: a "does not report", suggesting what it might have meant.
    expect(desk(held).decide(request('ZUSD', '1'), { account: 'a' }).reasons).toEqual(["'a' does not report ZUSD (did you mean 'BUSD' or 'TUSD' or 'USD'?)"]);
  });

  it('rule: a pinned account that could not be read is not called "does not report": it is unread', () => {
    const d = desk(held, { errors: [failed('c')] }).decide(request('USDT', '1'), { account: 'c' });
    expect(seen(d)).toEqual({ decision: 'unknown', exitCode: 5, reasons: ["not read: 'c' could not be read (UNREACHABLE); it might hold the funds"] });
    expect(d.unheld).toBeNull();
  });

  it('rule: a pinned account that reports nothing of it stays "does not report" beside another failure of unknown mode', () => {
    const doubt = failed('c');
    const d = desk(held, { errors: [doubt], modeDoubt: [doubt] }).decide(request('ZUSD', '1'), { account: 'a' });
    expect(seen(d)).toEqual({
      decision: 'unknown',
      exitCode: 5,
      reasons: [
        "'a' does not report ZUSD (did you mean 'BUSD' or 'TUSD' or 'USD'?)",
        "not read: 'c' could not be read (UNREACHABLE); it might hold live money, and then only live money may pay",
      ],
    });
  });
});

describe('the decision over the candidates: one desk, many payouts', () => {
  it('rule: the network asked is part of which balances may pay, on every payout of a run', () => {
    const d = desk([usdt('a', '500.00'), usdt('a', '50.00', { network: 'ethereum', providerCurrency: 'USDT_ERC20' })]);
    expect(d.decide(request('USDT', '100', 'tron')).decision).toBe('yes');
    const erc = d.decide(request('USDT', '100', 'ethereum'));
    expect(seen(erc)).toEqual({ decision: 'no', exitCode: 1, reasons: ["insufficient: available 50.00 USDT (ethereum) in 'a' < 100"] });
    expect(d.decide(request('USDT', '100')).checks.map((c) => c.network)).toEqual(['tron', 'ethereum']);
  });

  it('rule: firstYes stops at the first balance that can pay (it pays); without it every candidate is listed', () => {
    const d = desk([usdt('a', '5.00'), usdt('b', '500.00'), usdt('c', '500.00')]);
    const run = d.decide(request('USDT', '100'), { firstYes: true });
    expect([run.decision, run.chosen?.account, run.payer?.balance.account, run.checks.map((c) => c.account)]).toEqual(['yes', 'b', 'b', ['a', 'b']]);
    expect(d.decide(request('USDT', '100')).checks.map((c) => c.account)).toEqual(['a', 'b', 'c']);
  });

  it('a balance with nothing committed yet is one BalanceFunds per candidate and desk', () => {
    const d = desk([usdt('a', '100.00')]);
    const [c] = d.basis.candidates;
    expect(d.fundsOf(c!)).toBe(d.fundsOf(c!));
  });
});
