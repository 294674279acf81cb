// The decision of one payout, fail-closed, over balances prepared once per read: single
// `can-withdraw` asks it once; a `--batch` run asks it once per payout, telling it what earlier
// payouts of the run already committed on each balance. Every rule lives in checkCandidate (one
// balance) and here (the candidates together: mode, failed accounts, the answer and its exit code).
import type { Balance, Mode } from './balance.js';
import { ExitCode, combinedExitCode, type BalanceError } from './errors.js';
import { BalanceFunds } from './balance-funds.js';
import type { Decimal } from './money.js';
import { checkCandidate, chooseCandidate, matchesRequest, notHeldReason, type CandidateCheck, type WithdrawalRequest } from './withdrawal.js';
import type { MinimumInfo, WithdrawalProvider } from './withdrawal-limits.js';

/** One balance as every decision on it needs it (nothing here depends on the payout asked). */
export interface Candidate {
  balance: Balance;
  provider: WithdrawalProvider;
  minimum: MinimumInfo;
  /** The config's `decimals:` of its account. */
  decimals: Map<string, number> | undefined;
  /** The config's `reserves:` amount for it, or null. */
  reserve: Decimal | null;
  /** Why it can never make a yes whatever it holds (figures from the cache), or null. */
  stale: string | null;
}

export interface DecisionBasis {
  /** The money the decisions are about (null: not known). */
  mode: Mode | null;
  /** The mode was asked for (`--mode`) rather than taken from the accounts. */
  explicitMode: boolean;
  /** Every balance read, in config order (the first that can pay, pays). */
  candidates: Candidate[];
  /** Failures of selected accounts: an account that could not be read might hold the funds. */
  errors: BalanceError[];
  /**
   * The failures among them that leave the mode open (an unread account whose mode is not known
   * might be live): they make every payout undecided, even one that names another account.
   */
  modeDoubt: BalanceError[];
}

export type EligibleCheck = CandidateCheck & { eligible: boolean };

export interface Decision {
  decision: 'yes' | 'no' | 'unknown';
  /** 0 yes, 1 no; for unknown the failing accounts' lowest code, else 6 (a figure could not be trusted or checked). */
  exitCode: number;
  chosen: CandidateCheck | null;
  /** The balance that pays it, when yes (what a run commits the amount + fee to). */
  payer: Candidate | null;
  /** Every candidate with the figures compared; `eligible` false: other money (mode). */
  checks: EligibleCheck[];
  /** Why it is not a yes (empty for yes). */
  reasons: string[];
  /** Set when no account it may come from reports the currency at all. */
  unheld: string | null;
}

export interface DecideOptions {
  /** Only this account may pay it (a batch row's `account`); null or absent: any selected account. */
  account?: string | null | undefined;
  /** What is free of a candidate's balance after the earlier payouts of a run; absent: all of it. */
  funds?: ((c: Candidate) => BalanceFunds) | undefined;
  /** Stop at the first candidate that can pay (a run needs no figures of the others for a yes). */
  firstYes?: boolean | undefined;
}

/**
 * Decides payouts against one basis. Candidates are looked up once per distinct (currency,
 * network, account) asked, so a run of thousands of payouts never rescans every balance.
 */
export class WithdrawalDesk {
  private readonly pools = new Map<string, Candidate[]>();
  private readonly unheldReasons = new Map<string, string>();
  private readonly untouched = new Map<Candidate, BalanceFunds>();

  constructor(readonly basis: DecisionBasis) {}

  decide(request: WithdrawalRequest, options: DecideOptions = {}): Decision {
    const account = options.account ?? null;
    const { mode, explicitMode } = this.basis;
    const pool = this.pool(request, account);
    const checks: EligibleCheck[] = [];
    for (const c of pool) {
      const funds = options.funds?.(c) ?? this.fundsOf(c);
      // checkCandidate returns a fresh object: completed in place, since a run makes one per
      // candidate per payout and object spreads of it measured several times slower.
      const check = checkCandidate(c.balance, request, c.minimum, c.provider, c.decimals, funds) as EligibleCheck;
      if (c.stale) {
        check.ok = false;
        check.status = 'unknown';
        check.reasons.push(c.stale);
      }
      const wrongMode = modeMismatch(check, mode, explicitMode);
      check.eligible = wrongMode === null;
      if (wrongMode) {
        check.ok = false;
        check.reasons.push(wrongMode);
      }
      checks.push(check);
      // The first that can pay, pays: a run need not check the rest (single can-withdraw lists them all).
      if (options.firstYes && check.ok) break;
    }
    // Candidates of the other mode neither answer nor make the answer unknown: they are other money.
    const eligible = checks.filter((c) => c.eligible);
    const chosen = chooseCandidate(eligible);
    const { modeDoubt } = this.basis;
    const failures = chosen
      ? []
      : this.basis.errors.filter((e) => account === null || e.account === undefined || e.account === account || modeDoubt.includes(e));
    const failureCode = combinedExitCode(failures.map((e) => e.exitCode));
    const undecided = eligible.some((c) => c.status === 'unknown');
    // A no is only known when every account that might pay answered afresh and every check could be made.
    const decision = chosen ? 'yes' : failureCode !== 0 || undecided ? 'unknown' : 'no';
    const exitCode =
      decision === 'yes'
        ? ExitCode.ok
        : decision === 'no'
          ? ExitCode.no
          : combinedExitCode([failureCode, undecided ? ExitCode.badResponse : 0]) || ExitCode.badResponse;
    const pinnedFailed = account !== null && failures.some((e) => e.account === account);
    const unheld = checks.length === 0 && !pinnedFailed ? this.unheld(request, account) : null;
    const unread = failures.map((e) => {
      const why = account !== null && e.account !== account ? 'it might hold live money, and then only live money may pay' : 'it might hold the funds';
      return `not read: ${e.account ? `'${e.account}'` : 'an account'} could not be read (${e.code}); ${why}`;
    });
    const reasons = decision === 'yes' ? [] : [...(unheld ? [unheld] : checks.flatMap((c) => c.reasons)), ...(decision === 'unknown' ? unread : [])];
    const payer = chosen ? (pool[checks.indexOf(chosen as EligibleCheck)] ?? null) : null;
    return { decision, exitCode, chosen, payer, checks, reasons, unheld };
  }

  /** A candidate's balance with nothing committed yet (its reserve kept): one per desk. */
  fundsOf(c: Candidate): BalanceFunds {
    let funds = this.untouched.get(c);
    if (!funds) {
      funds = new BalanceFunds(c.balance, c.reserve);
      this.untouched.set(c, funds);
    }
    return funds;
  }

  private pool(request: WithdrawalRequest, account: string | null): Candidate[] {
    const key = poolKey(request, account);
    let pool = this.pools.get(key);
    if (!pool) {
      pool = this.basis.candidates.filter((c) => (account === null || c.balance.account === account) && matchesRequest(c.balance, request));
      this.pools.set(key, pool);
    }
    return pool;
  }

  private unheld(request: WithdrawalRequest, account: string | null): string {
    const key = poolKey(request, account);
    let reason = this.unheldReasons.get(key);
    if (reason === undefined) {
      const balances = this.basis.candidates.map((c) => c.balance).filter((b) => account === null || b.account === account);
      reason = notHeldReason(request, balances, account === null ? undefined : `'${account}' does not report`);
      this.unheldReasons.set(key, reason);
    }
    return reason;
  }
}

/** Requests with the same key have the same candidates (matchesRequest reads only these). */
function poolKey(request: WithdrawalRequest, account: string | null): string {
  return `${request.input.toUpperCase()}@${request.network ?? ''}:${request.currency}:${account ?? ''}`;
}

function modeMismatch(c: CandidateCheck, mode: Mode | null, explicit: boolean): string | null {
  if (c.mode === mode) return null;
  const has = c.mode === null ? `the mode of '${c.account}' is not known (set accounts.${c.account}.mode)` : `'${c.account}' holds ${c.mode} money`;
  if (explicit) return `other mode: ${has}; --mode ${mode} decides on ${mode} money only`;
  if (mode === 'live') return `other mode: ${has} and live accounts are selected; only live money answers (--mode test to ask about test money)`;
  return `other mode: ${has} and the selected accounts are not all ${c.mode === null ? 'of one mode' : `${c.mode} mode`}; select them with --account or pass --mode`;
}
