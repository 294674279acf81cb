// The sanity boundary (docs/dev/principles.md "One trust boundary"): every figure an adapter read passes here,
// once, before anything else sees it (the read pipeline's adapter step, api/fetch-balances.ts,
// calls it for every account of every provider, so a new adapter gets it for free). A figure that
// breaks an invariant does not fail the read; it marks that balance `inconsistent`, so it is still
// shown but never summed and never the ground for a yes. Invariants (none of our providers documents negative figures):
//  - no negative available / pending / total / network fee (nor withdrawal minimum / maximum);
//  - available ≤ total where both are reported; available + pending = total where all three are;
//  - one record per (wallet, provider currency), compared as core/duplicates.ts says (case and
//    separators aside): repeats are all marked, never summed or picked; the same for limits;
//  - a provider code that pins a network (usdterc20, USDT_TRC20) agrees with the row's network.
import type { Balance, Figure, Inconsistency } from './balance.js';
import { canonicalCurrency } from './currencies.js';
import { codeIdentity, idIdentity, repeatedIdentities } from './duplicates.js';
import { exactPlus, formatDecimal, type Decimal } from './money.js';
import { forTerminal } from './sanitize.js';
import type { WithdrawalRule } from './withdrawal-limits.js';

const OUR_NAMES: Record<Figure, string> = { available: 'available', pending: 'pending', total: 'total', networkFee: 'network fee' };

export interface CheckedBalances {
  balances: Balance[];
  /** One line per inconsistent balance, for stderr (provider strings already escaped). */
  notices: string[];
}

/** Check one account's records (one read of one account); `providerName` is for the notices. */
export function checkBalances(balances: Balance[], providerName: string): CheckedBalances {
  const duplicates = duplicateProblems(balances);
  const notices: string[] = [];
  const checked = balances.map((b, i) => {
    const problems = unique([...figureProblems(b), ...networkProblems(b), ...(duplicates.get(i) ?? [])]);
    if (problems.length === 0) return b;
    notices.push(inconsistencyNotice(b, problems, providerName));
    return { ...b, inconsistent: problems };
  });
  return { balances: checked, notices };
}

/** Flow reports one `balance` as both available and total: say a broken figure once. */
function unique(problems: Inconsistency[]): Inconsistency[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}\u0000${p.value}\u0000${p.problem}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "pendingAmount -900: negative; …" — the problems of one balance on one line. */
export function describeInconsistency(problems: Inconsistency[]): string {
  return problems.map((p) => `${forTerminal(p.field, 60)} ${forTerminal(p.value, 60)}: ${forTerminal(p.problem, 120)}`).join('; ');
}

function inconsistencyNotice(b: Balance, problems: Inconsistency[], providerName: string): string {
  const wallet = b.wallet === null ? '' : ` wallet ${forTerminal(b.wallet, 60)}`;
  return (
    `warning: inconsistent balance from ${providerName} for account '${b.account}'${wallet}, ` +
    `${forTerminal(b.providerCurrency, 40)}: ${describeInconsistency(problems)}; excluded from totals, never a yes`
  );
}

function figureProblems(b: Balance): Inconsistency[] {
  const name = (figure: Figure) => b.fields?.[figure] ?? OUR_NAMES[figure];
  const text = (value: Decimal) => formatDecimal(value, b.scale);
  const negative = (figure: Figure): Inconsistency[] => {
    const value = b[figure];
    if (value === null || !value.isNegative() || value.isZero()) return [];
    return [{ field: name(figure), value: figure === 'networkFee' ? formatDecimal(value) : text(value), problem: 'negative' }];
  };
  // Figures the provider reported first; one derived from them (SyncPay's total, v1's available)
  // is named only when nothing reported explains it (amount 100 with pendingAmount 200).
  const figures = ['available', 'pending', 'total', 'networkFee'] as const;
  const reported = figures.filter((f) => !b.fields || b.fields[f] !== undefined);
  const signs = reported.flatMap(negative);
  const problems = signs.length > 0 ? signs : figures.filter((f) => !reported.includes(f)).flatMap(negative);
  // A negative figure already explains any relation it breaks; one reason is clearer than three.
  if (problems.length > 0) return problems;
  const { available, pending, total } = b;
  if (available !== null && pending !== null && total !== null) {
    if (!exactPlus(available, pending).eq(total)) {
      problems.push({
        field: name('total'),
        value: text(total),
        problem: `differs from ${name('available')} ${text(available)} + ${name('pending')} ${text(pending)}`,
      });
    }
  } else if (available !== null && total !== null && available.greaterThan(total)) {
    problems.push({ field: name('available'), value: text(available), problem: `above ${name('total')} ${text(total)}` });
  }
  return problems;
}

/** The network a provider code itself names (`usdterc20` → ethereum), or null for bare symbols. */
function pinnedNetwork(code: string): string | null {
  const canonical = canonicalCurrency(code);
  return canonical.currency === code.trim().toUpperCase() ? null : canonical.network;
}

function networkProblems(b: Balance): Inconsistency[] {
  const pinned = pinnedNetwork(b.providerCurrency);
  if (pinned === null || b.network === pinned) return [];
  return [{ field: 'network', value: b.network ?? 'none', problem: `${b.providerCurrency} pins ${pinned}` }];
}

/** At most this many figures are quoted in a repeat's notice ("5000, 10, … (12 in all)"). */
const QUOTED_REPEATS = 5;

/** "5000, 10" — the figures of a group of repeated entries, bounded however many there are. */
export function quoteRepeats(values: readonly string[]): string {
  const shown = values.slice(0, QUOTED_REPEATS).join(', ');
  return values.length > QUOTED_REPEATS ? `${shown}, … (${values.length} in all)` : shown;
}

/** Records that share (wallet, provider currency) with another record of the read: all are doubtful. */
function duplicateProblems(balances: Balance[]): Map<number, Inconsistency[]> {
  const groups = repeatedIdentities(balances, (b) => `${idIdentity(b.wallet)}\u0000${codeIdentity(b.providerCurrency)}`);
  const problems = new Map<number, Inconsistency[]>();
  const described = new Map<readonly number[], string>();
  for (const [i, group] of groups) {
    let problem = described.get(group);
    if (problem === undefined) {
      const amounts = group.map((j) => {
        const b = balances[j] as Balance;
        const figure = b.available ?? b.total;
        return figure === null ? 'unknown' : formatDecimal(figure, b.scale);
      });
      problem = `listed ${group.length} times in one read (${quoteRepeats(amounts)})`;
      described.set(group, problem);
    }
    problems.set(i, [{ field: 'currency', value: (balances[i] as Balance).providerCurrency, problem }]);
  }
  return problems;
}

/** Withdrawal limits a provider serves pass the same boundary: a doubtful limit decides nothing. */
export function checkRules(rules: WithdrawalRule[]): WithdrawalRule[] {
  // A currency listed twice (by its code, or as the same coin on the same network) has no one limit.
  const repeats = repeatedIdentities(rules, (r) => [`code ${codeIdentity(r.providerCurrency)}`, `asset ${r.currency}@${r.network ?? ''}`]);
  return rules.map((rule, i) => {
    const problems: string[] = [];
    if (rule.minimum?.isNegative() && !rule.minimum.isZero()) problems.push(`min_withdrawal ${formatDecimal(rule.minimum)}: negative`);
    if (rule.maximum?.isNegative() && !rule.maximum.isZero()) problems.push(`max_withdrawal ${formatDecimal(rule.maximum)}: negative`);
    if (problems.length === 0 && rule.minimum && rule.maximum && rule.maximum.lessThan(rule.minimum)) {
      problems.push(`max_withdrawal ${formatDecimal(rule.maximum)}: below min_withdrawal ${formatDecimal(rule.minimum)}`);
    }
    const group = repeats.get(i);
    if (group) problems.push(`${quoteRepeats(group.map((j) => describeLimits(rules[j] as WithdrawalRule)))}: one currency listed ${group.length} times`);
    return problems.length === 0 ? rule : { ...rule, inconsistent: problems.join('; ') };
  });
}

function describeLimits(rule: WithdrawalRule): string {
  const figure = (value: Decimal | null) => (value === null ? 'none' : formatDecimal(value));
  return `${rule.providerCurrency} min ${figure(rule.minimum)} max ${figure(rule.maximum)}`;
}
