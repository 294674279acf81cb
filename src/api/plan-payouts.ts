// planPayouts: a payout run as one question. Every selected account is read once, afresh (never
// from the cache), whatever the number of payouts; the payouts are then decided in order by the
// same rules as canWithdraw, each on what earlier yes payouts left of its balance. Every problem of
// the list (ids, amounts, currencies, accounts) is a UsageError before any provider is asked.
import { selectAccounts } from '../config/index.js';
import type { Config } from '../config/types.js';
import type { Mode } from '../core/balance.js';
import { UsageError } from '../core/errors.js';
import { MAX_PAYOUTS, objectRow, readPayoutFile } from '../core/payout-file.js';
import { planDocument, planRun, type PlanDocument } from '../core/payout-plan.js';
import { payoutsFromRows, type Payout } from '../core/payout-rows.js';
import { checkSelectedAccount } from '../core/selected-account.js';
import { WithdrawalDesk } from '../core/withdrawal-decision.js';
import { parseMode } from './can-withdraw.js';
import { fetchBalances, type BalancesResult, type FetchBalancesOptions } from './fetch.js';
import { decisionBasis } from './withdrawal-basis.js';

export type { PlanDocument, PayoutJson, CommitmentJson } from '../core/payout-plan.js';
export type { Payout } from '../core/payout-rows.js';

/** One payout as a library caller gives it; other keys (recipient, memo…) are ignored. */
export interface PayoutInput {
  /** Unique in the list. */
  id: string | number;
  /** USDT, USDT_TRC20, usdttrc20, USDT@tron. */
  currency: string;
  /** A plain decimal string such as "250" or "0.015" (a JS number is refused: digits may be lost). */
  amount: string;
  network?: string | null;
  /** Only this configured, selected account may pay it. */
  account?: string | null;
  [other: string]: unknown;
}

export interface PlanPayoutsOptions extends FetchBalancesOptions {
  /** Decide on live or test money (default as canWithdraw: live when any selected account is live). */
  mode?: Mode | 'live' | 'test' | undefined;
}

/**
 * `payouts`: objects, or the text of a payout file (CSV with a header, JSON array, NDJSON). With a
 * BalancesResult instead of a config, it plans on those balances (cached accounts never pay).
 */
export async function planPayouts(
  source: Config | BalancesResult,
  payouts: readonly PayoutInput[] | string | Uint8Array,
  options: PlanPayoutsOptions = {},
): Promise<PlanDocument> {
  const list = parsePayoutList(payouts);
  const mode = parseMode(options.mode);
  let result: BalancesResult;
  if ('outcomes' in source) {
    result = source;
    checkPayoutAccounts(
      list,
      'payouts',
      source.config,
      source.outcomes.map((o) => o.account),
    );
  } else {
    const selected = selectAccounts(source, { accounts: options.accounts, provider: options.provider }).map((a) => a.name);
    checkPayoutAccounts(list, 'payouts', source, selected);
    result = await fetchBalances(source, { ...options, currencies: undefined, hideZero: false, withdrawalRules: true, refresh: true });
  }
  return planFromResult(result, list, mode, (options.now ?? (() => new Date()))());
}

/** The plan of checked payouts on balances already read (the CLI reads them with its spinner). */
export async function planFromResult(result: BalancesResult, payouts: readonly Payout[], mode: Mode | undefined, generatedAt: Date): Promise<PlanDocument> {
  const desk = new WithdrawalDesk(await decisionBasis(result, mode));
  return planDocument(planRun(desk, payouts), result.errors, generatedAt);
}

/** A payout's account must be configured and selected: otherwise nothing could ever pay it. */
export function checkPayoutAccounts(payouts: readonly Payout[], source: string, config: Config, selected: string[]): void {
  const configured = config.accounts.map((a) => a.name);
  for (const p of payouts) checkSelectedAccount(`${source} ${p.accountWhere ?? p.where}`, p.account, configured, selected);
}

function parsePayoutList(payouts: readonly PayoutInput[] | string | Uint8Array): Payout[] {
  if (typeof payouts === 'string' || payouts instanceof Uint8Array) {
    const bytes = typeof payouts === 'string' ? new TextEncoder().encode(payouts) : payouts;
    return payoutsFromRows(readPayoutFile(bytes, 'payouts').rows, 'payouts');
  }
  const fail = (where: string | null, message: string): never => {
    throw new UsageError(`payouts${where ? ` ${where}` : ''}: ${message}`);
  };
  if (payouts.length === 0) fail(null, 'no payouts: the list is empty');
  if (payouts.length > MAX_PAYOUTS) fail(null, `more than ${MAX_PAYOUTS.toLocaleString('en-US')} payouts; one run plans at most that many`);
  return payoutsFromRows(
    payouts.map((p, i) => objectRow(p, i + 1, `item ${i + 1}`, fail)),
    'payouts',
  );
}
