// Scenarios make the sandbox's balances change over time, so `watch` (and its tests and demo)
// has something to show. They act lazily on each balance request — no timers — so a sandbox with
// a scenario is as idle as one without. They act on the emulators that offer a ScenarioTarget
// (providers/kit/mount.ts; today SyncPay), through it, so this file names no provider.
//
//   settle      a 300.00 USDT (TRC20) deposit: USDT starts at 200.00 available; from the 2nd
//               balance request the deposit shows as pending; once settled it moves to
//               available (500.00). It settles after `after` requests (default 2, so the 3rd
//               request sees it) or, with `afterMs`, that long after the sandbox started.
//   ticker      every balance request adds 0.01 to the USD available balance.
import { parseDuration } from '../core/duration.js';
import { Decimal, formatDecimal } from '../core/money.js';
import type { ScenarioTarget } from '../providers/kit/mount.js';
import type { MountedEmulator } from './mounts.js';

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

const BEFORE_DEPOSIT = new Decimal('200.00');
const DEPOSIT = new Decimal('300.00');
const ZERO = new Decimal('0');

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

/**
 * Runs the scenario on every emulator that offers a ScenarioTarget (today SyncPay's), each
 * counting its own balance requests.
 */
export function startScenario(spec: ScenarioSpec, mounts: readonly MountedEmulator[], now: () => number = Date.now): Scenario {
  const byProvider = new Map<string, (path: string) => void>();
  for (const { id, mount } of mounts) {
    if (mount.scenario) byProvider.set(id, onTarget(spec, mount.scenario, now));
  }
  return {
    beforeRequest(provider, path) {
      byProvider.get(provider)?.(path);
    },
  };
}

function onTarget(spec: ScenarioSpec, target: ScenarioTarget, now: () => number): (path: string) => void {
  const started = now();
  let requests = 0;
  const setDeposit = (available: Decimal, pending: Decimal) => {
    if (target.amounts(target.depositCurrency)) target.setAmounts(target.depositCurrency, formatDecimal(available, 2), formatDecimal(pending, 2));
  };
  if (spec.name === 'settle') setDeposit(BEFORE_DEPOSIT, ZERO);

  return (path) => {
    if (path !== target.balancesPath) return;
    requests++;
    if (spec.name === 'ticker') {
      const usd = target.amounts(target.dollarCurrency);
      if (usd) target.setAmounts(target.dollarCurrency, formatDecimal(new Decimal(usd.available).plus('0.01'), 2), usd.pending);
      return;
    }
    const settled = spec.afterMs !== undefined ? now() - started >= spec.afterMs : requests > (spec.after ?? 2);
    if (settled) setDeposit(BEFORE_DEPOSIT.plus(DEPOSIT), ZERO);
    else if (requests >= 2) setDeposit(BEFORE_DEPOSIT, DEPOSIT);
  };
}
