// The `can-withdraw` decision, fail-closed. For each candidate balance every check must hold and
// be known: available (never pending) ≥ amount + the provider's network fee in the same asset;
// amount ≥ the minimum; no more decimals than the currency allows. "yes" needs one candidate that
// passes everything; anything unknown is a reason for "no", never a silent pass.
import type { Balance } from './balance.js';
import { knownSymbols } from './currencies.js';
import { closest } from './suggest.js';
import { Decimal, formatDecimal } from './money.js';
import { allowedDecimals, type MinimumInfo } from './withdrawal-limits.js';
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

export interface CandidateCheck {
  account: string;
  provider: string;
  providerName: string;
  currency: string;
  network: string | null;
  providerCurrency: string;
  available: Decimal | null;
  fee: Decimal | null;
  required: Decimal;
  minimum: MinimumInfo;
  decimalsAllowed: number | null;
  ok: boolean;
  /** Why it is a no, one line each (empty when ok). */
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

export function checkCandidate(b: Balance, request: WithdrawalRequest, minimum: MinimumInfo, providerName: string): CandidateCheck {
  const reasons: string[] = [];
  const notes: string[] = [];
  const fee = b.networkFee;
  const required = fee ? request.amount.plus(fee) : request.amount;
  const amountText = formatDecimal(request.amount, request.amountDecimals);
  if (b.available === null) {
    reasons.push(`unknown: ${providerName} does not report an available ${label(b)} balance for '${b.account}'`);
  } else if (b.available.lessThan(required)) {
    const feeText = fee && !fee.isZero() ? ` + fee ${formatDecimal(fee)}` : '';
    reasons.push(`insufficient: available ${formatDecimal(b.available, b.scale)} ${label(b)} in '${b.account}' < ${amountText}${feeText}`);
  }
  if (fee === null) notes.push(`${providerName} reports no withdrawal fee for ${label(b)}; make sure the amount covers any fee`);

  if (minimum.blocker) reasons.push(minimum.blocker);
  else if (minimum.minimum !== null && request.amount.lessThan(minimum.minimum)) {
    reasons.push(`below minimum: ${amountText} < ${formatDecimal(minimum.minimum)} ${b.providerCurrency} for ${providerName} account '${b.account}'`);
  }
  if (minimum.note) notes.push(minimum.note);

  const decimalsAllowed = allowedDecimals(b);
  if (decimalsAllowed === null) notes.push(`decimals allowed for ${label(b)} are unknown; not checked`);
  else if (request.amountDecimals > decimalsAllowed) {
    reasons.push(`too many decimals: ${amountText} has ${request.amountDecimals}, ${label(b)} allows ${decimalsAllowed}`);
  }
  return {
    account: b.account,
    provider: b.provider,
    providerName,
    currency: b.currency,
    network: b.network,
    providerCurrency: b.providerCurrency,
    available: b.available,
    fee,
    required,
    minimum,
    decimalsAllowed,
    ok: reasons.length === 0,
    reasons,
    notes,
    scale: b.scale,
  };
}

/** The first passing candidate in config order, or null. */
export function chooseCandidate(checks: CandidateCheck[]): CandidateCheck | null {
  return checks.find((c) => c.ok) ?? null;
}

/** Nobody selected holds the currency: say so, and suggest what the user may have meant. */
export function notHeldReason(request: WithdrawalRequest, balances: Balance[]): string {
  const held = balances.flatMap((b) => [b.currency, b.providerCurrency]);
  const suggestions = closest(request.input, [...held, ...knownSymbols()]).filter((s) => s.toUpperCase() !== request.input.toUpperCase());
  const where = request.network && request.input.toUpperCase() === request.currency ? ` on ${request.network}` : '';
  const hint = suggestions.length > 0 ? ` (did you mean ${suggestions.map((s) => `'${s}'`).join(' or ')}?)` : '';
  return `none of the selected accounts reports ${request.input}${where}${hint}`;
}
