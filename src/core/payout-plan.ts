// A payout run: the payouts of a list decided in file order (order is priority) against one read,
// each on what is left of the balance after the payouts already planned on it. A yes commits its
// amount + fee to the one balance that pays it; a no or unknown commits nothing and the run goes
// on (a later, smaller payout may still fit). The plan assumes the script pays exactly the yes
// payouts. Linear: each payout looks at its own few candidates, never at every balance.
import type { Mode } from './balance.js';
import { ExitCode, combinedExitCode, errorsJson, type BalanceError, type ErrorJson } from './errors.js';
import type { BalanceFunds } from './balance-funds.js';
import { Decimal, exactMinus, formatDecimal } from './money.js';
import type { Payout } from './payout-rows.js';
import type { Candidate, Decision, WithdrawalDesk } from './withdrawal-decision.js';

export type RunDecision = 'yes' | 'no' | 'unknown';

export interface Commitment {
  candidate: Candidate;
  /** amount + fee of every yes payout it pays. */
  committed: Decimal;
  payouts: number;
}

export interface Plan {
  /** yes: every payout is yes; no: every payout decided, some no; unknown: some could not be decided. */
  decision: RunDecision;
  /** 0, 1, or the lowest code of the undecided payouts (never 0 or 1 when one is unknown). */
  exitCode: number;
  mode: Mode | null;
  /** One per payout, in order: only what the document says of it (the candidates' checks are let go). */
  payouts: PayoutJson[];
  /** One per balance that pays at least one payout, in config order. */
  commitments: Commitment[];
}

const ZERO = new Decimal(0);

export function planRun(desk: WithdrawalDesk, payouts: readonly Payout[]): Plan {
  // Per balance that pays: what is free of it now, and how many payouts it pays.
  const used = new Map<Candidate, { funds: BalanceFunds; payouts: number }>();
  const funds = (c: Candidate) => used.get(c)?.funds ?? desk.fundsOf(c);
  const undecidedCodes: number[] = [];
  let anyNo = false;
  const planned = payouts.map((payout): PayoutJson => {
    const decision = desk.decide(payout.request, { account: payout.account, funds, firstYes: true });
    const { payer, chosen } = decision;
    if (decision.decision === 'yes' && payer && chosen) {
      used.set(payer, { funds: funds(payer).after(chosen.required), payouts: (used.get(payer)?.payouts ?? 0) + 1 });
    }
    if (decision.decision === 'unknown') undecidedCodes.push(decision.exitCode);
    if (decision.decision === 'no') anyNo = true;
    return payoutJson(payout, decision);
  });
  const result: RunDecision = undecidedCodes.length > 0 ? 'unknown' : anyNo ? 'no' : 'yes';
  const exitCode = result === 'yes' ? ExitCode.ok : result === 'no' ? ExitCode.no : combinedExitCode(undecidedCodes) || ExitCode.badResponse;
  const commitments = desk.basis.candidates.flatMap((c): Commitment[] => {
    const use = used.get(c);
    return use ? [{ candidate: c, committed: use.funds.committed, payouts: use.payouts }] : [];
  });
  return { decision: result, exitCode, mode: desk.basis.mode, payouts: planned, commitments };
}

function payoutJson(payout: Payout, decision: Decision): PayoutJson {
  const { request } = payout;
  const paid = decision.decision === 'yes' ? decision.chosen : null;
  return {
    id: payout.id,
    line: payout.line,
    input: payout.currencyText,
    currency: paid?.currency ?? request.currency,
    network: paid ? paid.network : request.network,
    amount: formatDecimal(request.amount, request.amountDecimals),
    decision: decision.decision,
    account: paid?.account ?? null,
    wallet: paid ? (decision.payer?.balance.wallet ?? null) : null,
    providerCurrency: paid?.providerCurrency ?? null,
    fee: paid?.fee ? formatDecimal(paid.fee) : null,
    reasons: decision.reasons,
    notes: paid ? paid.notes : decision.checks.flatMap((c) => (c.eligible && c.status === 'unknown' ? c.notes : [])),
  };
}

/** The plan as `can-withdraw --batch --json` prints it and `planPayouts` returns it (schemaVersion 1). */
export interface PlanDocument {
  schemaVersion: 1;
  generatedAt: string;
  decision: RunDecision;
  exitCode: number;
  mode: Mode | null;
  counts: { yes: number; no: number; unknown: number };
  payouts: PayoutJson[];
  commitments: CommitmentJson[];
  errors: ErrorJson[];
}

export interface PayoutJson {
  id: string;
  line: number;
  /** The currency as written in the list. */
  input: string;
  currency: string;
  /** The network it is paid on (yes), else the one asked for (null: any). */
  network: string | null;
  amount: string;
  decision: RunDecision;
  account: string | null;
  wallet: string | null;
  providerCurrency: string | null;
  fee: string | null;
  reasons: string[];
  notes: string[];
}

export interface CommitmentJson {
  account: string;
  wallet: string | null;
  currency: string;
  network: string | null;
  providerCurrency: string;
  available: string;
  reserve: string;
  committed: string;
  /** available − committed: what the balance holds once the yes payouts are paid (never below the reserve). */
  left: string;
  payouts: number;
}

export function planDocument(plan: Plan, errors: BalanceError[], generatedAt: Date): PlanDocument {
  const counts = { yes: 0, no: 0, unknown: 0 };
  for (const p of plan.payouts) counts[p.decision]++;
  const commitments = plan.commitments.map(({ candidate, committed, payouts: count }): CommitmentJson => {
    const b = candidate.balance;
    const available = b.available ?? ZERO; // a balance pays only when its available figure is known
    return {
      account: b.account,
      wallet: b.wallet,
      currency: b.currency,
      network: b.network,
      providerCurrency: b.providerCurrency,
      available: formatDecimal(available, b.scale),
      reserve: formatDecimal(candidate.reserve ?? ZERO),
      committed: formatDecimal(committed, b.scale),
      left: formatDecimal(exactMinus(available, committed), b.scale),
      payouts: count,
    };
  });
  return {
    schemaVersion: 1,
    generatedAt: generatedAt.toISOString(),
    decision: plan.decision,
    exitCode: plan.exitCode,
    mode: plan.mode,
    counts,
    payouts: plan.payouts,
    commitments,
    errors: errorsJson(errors),
  };
}
