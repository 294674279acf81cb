// The metric families `watch --metrics` exports and how a poll updates them. Named the Prometheus
// way: a unit suffix where there is a base unit (`_usd`, `_seconds`), `_total` on counters, an
// `_info` gauge for the build. Every distinct balance is its own series: the label set carries the
// provider's own currency code, so Flow's USDC and USDC_ERC20 (both USDC on ethereum) are two
// series, never one overwritten by the other, and `sum by (currency)` over a family equals what
// `total` sums. Unknown is not zero: an unknown figure has no series (docs/metrics.md).
import type { Registry } from 'prom-client';
import type { Balance } from '../core/balance.js';
import { Decimal } from '../core/money.js';
import { computeTotals, type ReconciliationRow } from '../core/totals.js';
import type { ReportedTotal } from '../providers/kit/adapter.js';

type PromClient = typeof import('prom-client');

export const BALANCE_LABELS = ['account', 'provider', 'mode', 'wallet', 'currency', 'network', 'provider_currency'] as const;
const ACCOUNT_LABELS = ['account', 'provider'] as const;
const REPORTED_LABELS = ['account', 'provider', 'scope', 'scope_id'] as const;

const AMOUNTS = [
  [
    'available',
    'balance_inspector_available_balance',
    'Available balance, in units of the currency label, as the provider reports it (float64: use the NDJSON stream for exact digits). Absent when the provider does not report it.',
  ],
  [
    'pending',
    'balance_inspector_pending_balance',
    'Pending (not yet available) balance, in units of the currency label. Absent, not 0, when the provider reports no pending figure.',
  ],
  ['total', 'balance_inspector_total_balance', 'Total balance (available + pending), in units of the currency label. Absent when unknown.'],
  [
    'usdValue',
    'balance_inspector_total_value_usd',
    'USD value of the total balance (usdSource of balances --json says where the rate came from). Absent when no rate prices the balance (unpriced), never 0.',
  ],
] as const;

export interface PollError {
  code: string;
  exitCode: number;
}

/** Reconciliation of one account's provider-reported totals with its valued balances (as `total` does). */
export function accountReconciliation(balances: Balance[], reported: ReportedTotal[]): ReconciliationRow[] {
  return computeTotals(balances, reported, { by: 'account', tolerancePercent: new Decimal(1) }).reconciliation;
}

export interface BuildInfo {
  version: string;
}

/** Label values of one balance: every field that tells two balances apart. */
export function balanceLabels(b: Balance): Record<(typeof BALANCE_LABELS)[number], string> {
  return {
    account: b.account,
    provider: b.provider,
    mode: b.mode ?? '',
    wallet: b.wallet ?? '',
    currency: b.currency,
    network: b.network ?? '',
    provider_currency: b.providerCurrency,
  };
}

export class MetricFamilies {
  private readonly amounts;
  private readonly reported;
  private readonly difference;
  private readonly lastSuccess;
  private readonly up;
  private readonly polls;
  private readonly errors;
  private readonly duration;
  /** Label sets exported per account, so the series of balances that disappear can be removed. */
  private readonly exported = new Map<string, Map<string, Record<string, string>>>();
  private readonly exportedReported = new Map<string, Array<Record<string, string>>>();

  constructor(prom: PromClient, registry: Registry, build: BuildInfo, accounts: Array<{ name: string; provider: string }>) {
    const registers = [registry];
    new prom.Gauge({
      name: 'balance_inspector_build_info',
      help: 'Always 1; the labels say which balance-inspector and Node.js serve these metrics',
      labelNames: ['version', 'nodejs'],
      registers,
    }).set({ version: build.version, nodejs: process.versions.node }, 1);
    this.amounts = AMOUNTS.map(([field, name, help]) => ({ field, gauge: new prom.Gauge({ name, help, labelNames: BALANCE_LABELS, registers }) }));
    this.reported = new prom.Gauge({
      name: 'balance_inspector_reported_total_usd',
      labelNames: REPORTED_LABELS,
      registers,
      help: "The provider's own USD total for an account, wallet or customer (scope), as the provider reports it (its total field, e.g. total_balance_usd, totalBalance, total_usd_value)",
    });
    this.difference = new prom.Gauge({
      name: 'balance_inspector_reconciliation_difference_usd',
      labelNames: REPORTED_LABELS,
      registers,
      help: 'Our USD total minus the provider-reported one for the same scope. Absent while a balance in scope is unpriced (the comparison would be unfair)',
    });
    this.lastSuccess = new prom.Gauge({
      name: 'balance_inspector_last_success_timestamp_seconds',
      help: 'Unix time of the last successful poll of the account; balances older than that are stale',
      labelNames: ACCOUNT_LABELS,
      registers,
    });
    this.up = new prom.Gauge({
      name: 'balance_inspector_account_up',
      help: "1 when the account's latest poll succeeded, 0 when it failed (its balance series then hold the last known values)",
      labelNames: ACCOUNT_LABELS,
      registers,
    });
    this.polls = new prom.Counter({
      name: 'balance_inspector_polls_total',
      help: 'Polls of the account, successful or not',
      labelNames: ACCOUNT_LABELS,
      registers,
    });
    this.errors = new prom.Counter({
      name: 'balance_inspector_poll_errors_total',
      help: 'Failed polls of the account by error code (AUTH_FAILED, TIMEOUT, RATE_LIMITED, … as in balances --json)',
      labelNames: [...ACCOUNT_LABELS, 'code'],
      registers,
    });
    this.duration = new prom.Histogram({
      name: 'balance_inspector_poll_duration_seconds',
      help: 'How long one poll of the account took',
      labelNames: ACCOUNT_LABELS,
      registers,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    });
    // Known label sets start at 0 so rate() sees the first poll (error codes cannot be known ahead).
    for (const a of accounts) this.polls.inc({ account: a.name, provider: a.provider }, 0);
  }

  setBalances(account: string, balances: Balance[]): void {
    const previous = this.exported.get(account) ?? new Map<string, Record<string, string>>();
    const current = new Map<string, Record<string, string>>();
    for (const b of balances) {
      const labels = balanceLabels(b);
      current.set(JSON.stringify(labels), labels);
      for (const { field, gauge } of this.amounts) {
        const value = b[field];
        // The one place an amount becomes a float: Prometheus samples are float64.
        if (value === null) gauge.remove(labels);
        else gauge.set(labels, value.toNumber());
      }
    }
    for (const [key, labels] of previous) {
      if (!current.has(key)) for (const { gauge } of this.amounts) gauge.remove(labels);
    }
    this.exported.set(account, current);
  }

  /** The provider's totals for this account and our reconciliation with them (a successful poll). */
  setReported(account: string, rows: ReconciliationRow[]): void {
    for (const labels of this.exportedReported.get(account) ?? []) {
      this.reported.remove(labels);
      this.difference.remove(labels);
    }
    const now = rows.map((r) => {
      const labels = { account: r.account, provider: r.provider, scope: r.scope, scope_id: r.scopeId ?? '' };
      this.reported.set(labels, r.reported.toNumber());
      if (r.withinTolerance !== null) this.difference.set(labels, r.difference.toNumber());
      return labels;
    });
    this.exportedReported.set(account, now);
  }

  pollDone(account: string, provider: string, seconds: number, errors: PollError[], at: Date): void {
    const labels = { account, provider };
    this.polls.inc(labels);
    this.duration.observe(labels, seconds);
    this.up.set(labels, errors.length === 0 ? 1 : 0);
    if (errors.length === 0) this.lastSuccess.set(labels, at.getTime() / 1000);
    // One failed poll counts once, under the code that decides its exit code (the lowest).
    else this.errors.inc({ ...labels, code: [...errors].sort((a, b) => a.exitCode - b.exitCode)[0]?.code ?? 'UNKNOWN' });
  }
}
