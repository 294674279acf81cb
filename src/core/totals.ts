// USD totals over valued balances: grouped sums, the unpriced list, and reconciliation against
// the totals providers report themselves. Pure and exact: no rounding happens here; people see
// cents only in the table formatter.
import { balanceIdentity, type Balance, type BalanceIdentity, type Inconsistency } from './balance.js';
import { Decimal, exactMinus, exactPlus, exactTimes, sumDecimals } from './money.js';

/** A total the provider computes itself, kept so `total` can reconcile ours against it. */
export interface ReportedTotal {
  account: string;
  provider: string;
  /** What the figure covers: the whole account, one wallet, or one customer. */
  scope: 'account' | 'wallet' | 'customer';
  scopeId: string | null;
  currency: 'USD';
  amount: Decimal;
  /** Balances (by wallet id, or all of the account when null) that the figure should equal. */
  wallets: string[] | null;
}

export type GroupBy = 'currency' | 'account' | 'provider';

export interface TotalsGroup {
  key: string;
  /** null when no member of the group could be priced (never a false 0). */
  usdValue: Decimal | null;
  /** Members that are in the unpriced list rather than in usdValue. */
  unpricedCount: number;
  sources: string[];
  /** For --by currency: the summed amount of that currency (all networks and accounts). */
  amount: Decimal | null;
  scale: number;
}

export interface UnpricedBalance {
  account: string;
  provider: string;
  currency: string;
  network: string | null;
  amount: Decimal;
  scale: number;
}

/** A balance the sanity boundary marked inconsistent: listed, never summed (not even as zero). */
export interface InconsistentBalance extends BalanceIdentity {
  problems: Inconsistency[];
}

export interface ReconciliationRow {
  account: string;
  provider: string;
  scope: ReportedTotal['scope'];
  scopeId: string | null;
  reported: Decimal;
  computed: Decimal;
  /** computed − reported. */
  difference: Decimal;
  /** null when our figure is incomplete (an unpriced or inconsistent balance in scope): no fair comparison. */
  withinTolerance: boolean | null;
  unpricedInScope: number;
  inconsistentInScope: number;
}

export interface Totals {
  by: GroupBy;
  groups: TotalsGroup[];
  grandTotal: Decimal;
  unpriced: UnpricedBalance[];
  /** Excluded from every sum: their figures break an invariant (core/sanity.ts). */
  inconsistent: InconsistentBalance[];
  reconciliation: ReconciliationRow[];
}

export interface TotalsOptions {
  by: GroupBy;
  /** Allowed reconciliation difference, in percent of the reported figure. */
  tolerancePercent: Decimal;
  /** Balances the reported totals cover (default: `balances`); unfiltered when a view is filtered. */
  reconcileWith?: Balance[] | undefined;
}

function amountOf(b: Balance): Decimal | null {
  return b.total ?? b.available;
}

/** A zero balance has a known USD value of zero whatever its rate; it is never "unpriced". */
function isUnpriced(b: Balance): boolean {
  const amount = amountOf(b);
  return b.usdValue === null && !(amount !== null && amount.isZero());
}

function groupKey(b: Balance, by: GroupBy): string {
  return by === 'currency' ? b.currency : by === 'account' ? b.account : b.provider;
}

export function computeTotals(balances: Balance[], reported: ReportedTotal[], options: TotalsOptions): Totals {
  const groups = new Map<string, TotalsGroup>();
  const unpriced: UnpricedBalance[] = [];
  const inconsistent: InconsistentBalance[] = [];
  for (const b of balances) {
    if (b.inconsistent) {
      inconsistent.push({ ...balanceIdentity(b), problems: b.inconsistent });
      continue;
    }
    const key = groupKey(b, options.by);
    let group = groups.get(key);
    if (!group) {
      group = { key, usdValue: null, unpricedCount: 0, sources: [], amount: options.by === 'currency' ? new Decimal(0) : null, scale: 0 };
      groups.set(key, group);
    }
    const amount = amountOf(b);
    if (group.amount !== null && amount !== null) {
      group.amount = exactPlus(group.amount, amount);
      group.scale = Math.max(group.scale, b.scale);
    }
    if (isUnpriced(b)) {
      group.unpricedCount += 1;
      unpriced.push({ account: b.account, provider: b.provider, currency: b.currency, network: b.network, amount: amount ?? new Decimal(0), scale: b.scale });
    } else {
      // Priced, or a zero balance whose USD value is zero whatever the rate.
      group.usdValue = exactPlus(group.usdValue ?? new Decimal(0), b.usdValue ?? 0);
      if (b.usdSource && !group.sources.includes(b.usdSource)) group.sources.push(b.usdSource);
    }
  }
  const zero = new Decimal(0);
  // Largest value first; groups nothing could price go last, then by name.
  const sorted = [...groups.values()].sort(
    (a, b) => Number(a.usdValue === null) - Number(b.usdValue === null) || (b.usdValue ?? zero).comparedTo(a.usdValue ?? zero) || a.key.localeCompare(b.key),
  );
  for (const group of sorted) group.sources.sort();
  return {
    by: options.by,
    groups: sorted,
    grandTotal: sumDecimals(sorted.map((g) => g.usdValue ?? zero)),
    unpriced,
    inconsistent,
    reconciliation: reported.map((r) => reconcile(r, options.reconcileWith ?? balances, options.tolerancePercent)),
  };
}

function reconcile(r: ReportedTotal, balances: Balance[], tolerancePercent: Decimal): ReconciliationRow {
  const inScope = balances.filter((b) => b.account === r.account && (r.wallets === null || (b.wallet !== null && r.wallets.includes(b.wallet))));
  const inconsistentInScope = inScope.filter((b) => b.inconsistent).length;
  const computed = sumDecimals(inScope.map((b) => (b.inconsistent ? new Decimal(0) : (b.usdValue ?? new Decimal(0)))));
  const difference = exactMinus(computed, r.amount);
  const unpricedInScope = inScope.filter(isUnpriced).length;
  const allowed = exactTimes(exactTimes(r.amount.abs(), tolerancePercent), '0.01');
  return {
    account: r.account,
    provider: r.provider,
    scope: r.scope,
    scopeId: r.scopeId,
    reported: r.amount,
    computed,
    difference,
    withinTolerance: unpricedInScope > 0 || inconsistentInScope > 0 ? null : difference.abs().lte(allowed),
    unpricedInScope,
    inconsistentInScope,
  };
}
