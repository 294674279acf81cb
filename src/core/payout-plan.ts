// A payout run: the payouts of a list decided in file order (order is priority) against one read,
// each on what is left of the balance after the payouts already planned on it. A yes commits its
// amount + fee to the one balance that pays it; a no or unknown commits nothing and the run goes
// on (a later, smaller payout may still fit). The plan assumes the script pays exactly the yes
// payouts. Linear: each payout looks at its own few candidates, never at every balance.
import type { Balance, Mode } from './balance.js';
import { ExitCode, combinedExitCode, errorsJson, type BalanceError, type ErrorJson } from './errors.js';
import { Decimal, exactMinus, exactPlus, formatDecimal } from './money.js';
import type { Payout } from './payout-rows.js';
import type { Candidate, Decision, WithdrawalDesk } from './withdrawal-decision.js';

export type RunDecision = 'yes' | 'no' | 'unknown';

export interface PlannedPayout {
  payout: Payout;
  decision: Decision;
}

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
  payouts: PlannedPayout[];
  /** One per balance that pays at least one payout, in config order. */
  commitments: Commitment[];
}

const ZERO = new Decimal(0);

export function planRun(desk: WithdrawalDesk, payouts: readonly Payout[]): Plan {
  const committed = new Map<Balance, Commitment>();
  const committedOn = (b: Balance) => committed.get(b)?.committed ?? ZERO;
  const planned = payouts.map((payout): PlannedPayout => {
    const decision = desk.decide(payout.request, { account: payout.account, committed: committedOn });
    const { payer, chosen } = decision;
    if (decision.decision === 'yes' && payer && chosen) {
      const entry = committed.get(payer.balance) ?? { candidate: payer, committed: ZERO, payouts: 0 };
      committed.set(payer.balance, { ...entry, committed: exactPlus(entry.committed, chosen.required), payouts: entry.payouts + 1 });
    }
    return { payout, decision };
  });
  const undecided = planned.filter((p) => p.decision.decision === 'unknown');
  const anyNo = planned.some((p) => p.decision.decision === 'no');
  const decision: RunDecision = undecided.length > 0 ? 'unknown' : anyNo ? 'no' : 'yes';
  const exitCode =
    decision === 'yes' ? ExitCode.ok : decision === 'no' ? ExitCode.no : combinedExitCode(undecided.map((p) => p.decision.exitCode)) || ExitCode.badResponse;
  const commitments = desk.basis.candidates.flatMap((c) => committed.get(c.balance) ?? []);
  return { decision, exitCode, mode: desk.basis.mode, payouts: planned, commitments };
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
  const payouts = plan.payouts.map(({ payout, decision }): PayoutJson => {
    counts[decision.decision]++;
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
      wallet: decision.decision === 'yes' ? (decision.payer?.balance.wallet ?? null) : null,
      providerCurrency: paid?.providerCurrency ?? null,
      fee: paid?.fee ? formatDecimal(paid.fee) : null,
      reasons: decision.reasons,
      notes: paid ? paid.notes : decision.checks.flatMap((c) => (c.eligible && c.status === 'unknown' ? c.notes : [])),
    };
  });
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
  return { schemaVersion: 1, generatedAt: generatedAt.toISOString(), decision: plan.decision, exitCode: plan.exitCode, mode: plan.mode, counts, payouts, commitments, errors: errorsJson(errors) };
}
