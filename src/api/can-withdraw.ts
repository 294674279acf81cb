// canWithdraw: "can I pay this out now?", fail-closed. `yes` only when some account is known to
// hold the funds and every rule is known to hold; `unknown` when an account that might hold them
// could not be read. A yes is never given from cached balances: with a config it always reads the
// providers afresh (refreshing the cache if one is configured); with a result that holds cached
// accounts, those accounts cannot make it a yes.
import type { Config } from '../config/types.js';
import { UsageError, type BalanceError } from '../core/errors.js';
import type { Mode } from '../core/balance.js';
import type { CandidateCheck, WithdrawalRequest } from '../core/withdrawal.js';
import { WithdrawalDesk } from '../core/withdrawal-decision.js';
import { parseWithdrawalRequest, type RequestSource } from '../core/withdrawal-request.js';
import { LIBRARY_OPTION_NAMES, type OptionNames } from '../core/option-names.js';
import { fetchBalances, type BalancesResult, type FetchBalancesOptions } from './fetch.js';
import { decisionBasis } from './withdrawal-basis.js';

export interface WithdrawalQuery {
  /** A canonical symbol (USDT), a provider code (USDT_TRC20, usdttrc20, which pins the network), or CURRENCY@network. */
  currency: string;
  /** A plain decimal string such as "250" or "0.015". */
  amount: string;
  /** Only this network, for a canonical symbol. */
  network?: string | undefined;
  /**
   * Which money may answer: live or test. Default: live when any selected account is live, test
   * when every selected account is test; accounts of any other mode never make a yes.
   */
  mode?: Mode | undefined;
}

export interface WithdrawalDecision {
  decision: 'yes' | 'no' | 'unknown';
  /** 0 yes, 1 no; for unknown the failing accounts' lowest code, else 6 (a figure could not be trusted or checked). */
  exitCode: number;
  /** The money this decision is about (null: the selected accounts' mode is not known). */
  mode: Mode | null;
  request: WithdrawalRequest;
  /** The account that can pay, when yes. */
  account: string | null;
  chosen: CandidateCheck | null;
  /** Every candidate balance with the figures compared; `eligible` false: other money (mode). */
  checks: Array<CandidateCheck & { eligible: boolean }>;
  /** Why it is not a yes (empty for yes). */
  reasons: string[];
  /** Set when no selected account reports the currency at all. */
  unheld: string | null;
  errors: BalanceError[];
  balances: BalancesResult;
}

/** Validate a query into a request; malformed amounts and codes are UsageErrors (exit 2). */
export function parseWithdrawalQuery(query: WithdrawalQuery, source: RequestSource = 'library'): WithdrawalRequest {
  return parseWithdrawalRequest(query, source);
}

export async function canWithdraw(
  source: Config | BalancesResult,
  query: WithdrawalQuery | WithdrawalRequest,
  options: FetchBalancesOptions & { mode?: Mode | undefined } = {},
): Promise<WithdrawalDecision> {
  const request = 'input' in query ? query : parseWithdrawalQuery(query);
  const requestedMode = 'input' in query ? undefined : parseMode(query.mode);
  const result = 'outcomes' in source ? source : await fetchBalances(source, { ...options, withdrawalRules: true, refresh: true });
  const basis = await decisionBasis(result, requestedMode ?? options.mode);
  const answer = new WithdrawalDesk(basis).decide(request);
  return { ...answer, mode: basis.mode, request, account: answer.chosen?.account ?? null, errors: result.errors, balances: result };
}

/** `--mode`: live or test, in any case (`--mode LIVE`); anything else is a usage error. */
export function parseMode(text: string | undefined, names: Pick<OptionNames, 'mode'> = LIBRARY_OPTION_NAMES): Mode | undefined {
  if (text === undefined) return undefined;
  const mode = text.toLowerCase();
  if (mode === 'live' || mode === 'test') return mode;
  throw new UsageError(`${names.mode} "${text}" is not a mode; expected live or test`);
}
