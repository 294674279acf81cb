// Scenarios make the sandbox's balances change over time, so `watch` (and its tests and demo)
// has something to show. They act lazily on each balance request — no timers — so a sandbox with
// a scenario is as idle as one without.
//
//   settle      a 300.00 USDT (TRC20) deposit at SyncPay: USDT starts at 200.00 available; from the
//               2nd balance request the deposit shows as pending; once settled it moves to
//               available (500.00). It settles after `after` requests (default 2, so the 3rd
//               request sees it) or, with `afterMs`, that long after the sandbox started.
//   ticker      every SyncPay balance request adds 0.01 to the USD available balance.
import { parseDuration } from '../core/duration.js';
import { Decimal, formatDecimal } from '../core/money.js';
import type { SandboxState } from './mounts.js';

export const SCENARIOS = ['settle', 'ticker'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface ScenarioSpec {
  name: ScenarioName;
  /** settle: settled from request after+1 on. */
  after?: number;
  /** settle: settled once this long has passed since the sandbox started (instead of `after`). */
  afterMs?: number;
}

export interface Scenario {
  /** Called for every request that reaches a provider mount, before it is answered. */
  beforeRequest(provider: string, path: string): void;
}

const SYNCPAY_BALANCES = '/api/v1/accounts/balances';
const DEPOSIT = new Decimal('300.00');

/** `settle`, `settle:5` (requests) or `settle:30s` (time); null when the text is not a scenario. */
export function parseScenario(text: string): ScenarioSpec | null {
  const [name = '', after] = text.split(':', 2);
  if (!(SCENARIOS as readonly string[]).includes(name)) return null;
  const spec: ScenarioSpec = { name: name as ScenarioName };
  if (after === undefined) return spec;
  if (name !== 'settle') return null;
  if (/^[1-9][0-9]{0,5}$/.test(after)) return { ...spec, after: Number(after) };
  const ms = parseDuration(after);
  return ms === null ? null : { ...spec, afterMs: ms };
}

export function startScenario(spec: ScenarioSpec, state: SandboxState, now: () => number = Date.now): Scenario {
  const started = now();
  let requests = 0;
  const usdt = state.syncpay.balances.find((b) => b.currency === 'USDT_TRC20');
  const usd = state.syncpay.balances.find((b) => b.currency === 'USD');
  const baseUsd = new Decimal(state.syncpay.totalBalanceUsd);
  const baseUsdt = usdt ? new Decimal(usdt.available_balance).plus(usdt.pending_balance) : new Decimal(0);
  // Keep total_balance_usd consistent with the rows (USDT counts at 1.00), so `total` reconciles.
  const setUsdt = (available: string, pending: string) => {
    if (!usdt) return;
    usdt.available_balance = available;
    usdt.pending_balance = pending;
    state.syncpay.totalBalanceUsd = formatDecimal(baseUsd.minus(baseUsdt).plus(available).plus(pending), 2);
  };
  if (spec.name === 'settle') setUsdt('200.00', '0.00');

  return {
    beforeRequest(provider, path) {
      if (provider !== 'syncpay' || path !== SYNCPAY_BALANCES) return;
      requests++;
      if (spec.name === 'ticker') {
        if (!usd) return;
        usd.available_balance = formatDecimal(new Decimal(usd.available_balance).plus('0.01'), 2);
        state.syncpay.totalBalanceUsd = formatDecimal(new Decimal(state.syncpay.totalBalanceUsd).plus('0.01'), 2);
        return;
      }
      const settled = spec.afterMs !== undefined ? now() - started >= spec.afterMs : requests > (spec.after ?? 2);
      if (settled) setUsdt(formatDecimal(new Decimal('200.00').plus(DEPOSIT), 2), '0.00');
      else if (requests >= 2) setUsdt('200.00', formatDecimal(DEPOSIT, 2));
    },
  };
}
