// The `can-withdraw` decision, fail-closed. For each candidate balance every check must hold and
// be known: available (never pending) ≥ amount + the provider's network fee in the same asset;
// minimum ≤ amount ≤ maximum; no more decimals than the currency allows. "yes" needs one candidate
// that passes everything; a check that cannot be made (unknown decimals or minimum, an inconsistent
// figure) makes the candidate "unknown", never a silent pass and never a false "no".
import type { Balance, Mode } from './balance.js';
import { describeInconsistency } from './sanity.js';
import { suggestionText, unmatchedCode } from './currency-filter.js';
import { BalanceFunds } from './balance-funds.js';
import { exactPlus, formatDecimal, type Decimal } from './money.js';
import { allowedDecimals, type MinimumInfo, type WithdrawalProvider } from './withdrawal-limits.js';
import { matchesCode } from './conditions.js';

export interface WithdrawalRequest {
  /** What the user typed: `USDT`, `USDT_TRC20`, `usdttrc20`. */
  input: string;
  currency: string;
  /** null = any network. */
  network: string | null;
  amount: Decimal;
  /** Fraction digits the user typed ("10.50" → 2). */
  amountDecimals: number;
}

export type CandidateStatus = 'ok' | 'no' | 'unknown';

export interface CandidateCheck {
  account: string;
  provider: string;
  providerName: string;
  mode: Mode | null;
  currency: string;
  network: string | null;
  providerCurrency: string;
  available: Decimal | null;
  fee: Decimal | null;
  required: Decimal;
  minimum: MinimumInfo;
  decimalsAllowed: number | null;
  /** What the config keeps on this balance (`reserves:`); null: none. */
  reserve: Decimal | null;
  /** ok: every check holds and is known; no: one is known to fail; unknown: one cannot be made. */
  status: CandidateStatus;
  ok: boolean;
  /** Why it is not ok, one line each (empty when ok). */
  reasons: string[];
  notes: string[];
  scale: number;
}

function label(b: Balance): string {
  return b.network ? `${b.currency} (${b.network})` : b.currency;
}

/**
 * The same matching rule as --currency and watch selectors (core/conditions): a provider code names
 * a balance exactly, but a bare symbol with --network must also be on that network — Flow's "USDT"
 * on ethereum is never a candidate for `USDT --network tron`.
 */
export function matchesRequest(b: Balance, request: WithdrawalRequest): boolean {
  return matchesCode({ code: request.input.toUpperCase(), currency: request.currency, network: request.network }, b);
}

/**
 * `decimals` is the config's `decimals:` of this account (it wins over the provider's). The one
 * decision of every payout, single or in a run: `funds` says what is free of the balance (what a
 * run already committed on it, the reserve).
 */
export function checkCandidate(
  b: Balance,
  request: WithdrawalRequest,
  minimum: MinimumInfo,
  provider: WithdrawalProvider,
  decimals?: Map<string, number>,
  funds: BalanceFunds = new BalanceFunds(b, null),
): CandidateCheck {
  const providerName = provider.name;
  const no: string[] = [];
  const unknown: string[] = [];
  const notes: string[] = [];
  const fee = b.networkFee;
  const required = fee ? exactPlus(request.amount, fee) : request.amount;
  // Formatted only for a message: a run checks thousands of payouts, most of which pass.
  let formatted: string | null = null;
  const amountText = () => (formatted ??= formatDecimal(request.amount, request.amountDecimals));
  // A figure that broke an invariant decides nothing, not even a no.
  if (b.inconsistent) {
    unknown.push(`inconsistent: ${providerName} reported ${label(b)} in '${b.account}' with ${describeInconsistency(b.inconsistent)}`);
  }
  const figures = funds.figures();
  if (figures === null) {
    unknown.push(`unknown: ${providerName} does not report an available ${label(b)} balance for '${b.account}'`);
  } else {
    const shortfall = fundsShortfall(b, required, funds, figures);
    if (shortfall) {
      const feeText = fee && !fee.isZero() ? ` + fee ${formatDecimal(fee)}` : '';
      no.push(`${shortfall} < ${amountText()}${feeText}`);
    }
  }
  if (fee === null) notes.push((funds.quoted.noFee ??= `${providerName} reports no withdrawal fee for ${label(b)}; make sure the amount covers any fee`));

  if (minimum.blocker) no.push(minimum.blocker);
  if (minimum.unknown) unknown.push(minimum.unknown);
  if (minimum.minimum !== null && request.amount.lessThan(minimum.minimum)) {
    no.push(`below minimum: ${amountText()} < ${formatDecimal(minimum.minimum)} ${b.providerCurrency} for ${providerName} account '${b.account}'`);
  }
  if (minimum.maximum !== null && request.amount.greaterThan(minimum.maximum)) {
    no.push(`above maximum: ${amountText()} > ${formatDecimal(minimum.maximum)} ${b.providerCurrency} for ${providerName} account '${b.account}'`);
  }
  if (minimum.note) notes.push(minimum.note);

  const decimalsAllowed = allowedDecimals(b, provider, decimals);
  if (decimalsAllowed === null) {
    unknown.push(`unknown decimals: the decimals ${label(b)} allows are not known; set decimals.${b.account}.${b.providerCurrency} in the config`);
  } else if (request.amountDecimals > decimalsAllowed) {
    no.push(`too many decimals: ${amountText()} has ${request.amountDecimals}, ${label(b)} allows ${decimalsAllowed}`);
  }
  // Inconsistent figures make even a "no" doubtful; otherwise a known failure is a no.
  const status: CandidateStatus = b.inconsistent ? 'unknown' : no.length > 0 ? 'no' : unknown.length > 0 ? 'unknown' : 'ok';
  return {
    account: b.account,
    provider: b.provider,
    providerName,
    mode: b.mode,
    currency: b.currency,
    network: b.network,
    providerCurrency: b.providerCurrency,
    available: b.available,
    fee,
    required,
    minimum,
    decimalsAllowed,
    reserve: funds.reserve,
    status,
    ok: status === 'ok',
    reasons: [...unknown, ...no],
    notes,
    scale: b.scale,
  };
}

/**
 * Why what is free of the balance (available − committed − reserve) is less than `required`, or
 * null when it covers it: `insufficient` when the money is not there (or already promised),
 * `reserve` when only the reserve stands in the way.
 */
function fundsShortfall(b: Balance, required: Decimal, funds: BalanceFunds, { left, free }: { left: Decimal; free: Decimal }): string | null {
  if (!free.lessThan(required)) return null;
  const where = (funds.quoted.where ??= `available ${funds.text('available')} ${label(b)} in '${b.account}'`);
  const earlier = funds.committed.isZero() ? null : `${funds.text('committed')} committed to earlier payouts`;
  // free is left less the reserve: with left enough, only a reserve can stand in the way.
  if (left.lessThan(required)) {
    return earlier ? `insufficient: ${where} less ${earlier} leaves ${funds.text('left')}` : `insufficient: ${where}`;
  }
  const less = [earlier, funds.reserve && `reserve ${formatDecimal(funds.reserve)}`].filter(Boolean).join(' and ');
  return `reserve: ${where} less ${less} leaves ${funds.text('free')}`;
}

/** The first passing candidate in config order, or null. */
export function chooseCandidate(checks: CandidateCheck[]): CandidateCheck | null {
  return checks.find((c) => c.ok) ?? null;
}

/**
 * Nobody selected holds the currency: say so. Only a code we do not know gets "did you mean" (an
 * account that simply holds no BTC is not a typo of WBTC).
 */
export function notHeldReason(request: WithdrawalRequest, balances: Balance[], holder = 'none of the selected accounts reports'): string {
  const { suggestions } = unmatchedCode(request.input, balances);
  const where = request.network && request.input.toUpperCase() === request.currency ? ` on ${request.network}` : '';
  return `${holder} ${request.input}${where}${suggestionText(suggestions)}`;
}
