// The watch itself: polls accounts on their schedules, values and diffs what they report, and
// turns it into events, threshold alerts, metrics and the view. Data still flows one way:
// adapters → balances → valuation → diff/thresholds → view; the view never reaches back.
import type { Config, ResolvedAccount } from '../config/types.js';
import type { Balance } from '../core/balance.js';
import type { Condition, ThresholdRule } from '../core/conditions.js';
import { BalanceError, ExitCode, combinedExitCode } from '../core/errors.js';
import { unmatchedWarnings } from './unmatched.js';
import type { Runtime } from '../http/runtime.js';
import { valueBalances } from '../core/valuation.js';
import { filterBalances } from '../api/fetch.js';
import { accountExitCode, applyFloors, initialStates, mergeBalances, recordErrors, type AccountState } from './accounts.js';
import { BalanceTracker, type Tracked } from './diff.js';
import { changeEvent, errorEvent, ndjsonLine, recoveredEvent, snapshotEvent, thresholdEvent, type WatchEvent } from './events.js';
import type { AlertExec } from './exec.js';
import type { Metrics } from './metrics.js';
import { accountReconciliation } from './metric-families.js';
import { accountNotBefore, pollAccount, pollBudget, type PollResult } from './poll.js';
import { PollLoop, realTimers, type Timers } from './scheduler.js';
import { ThresholdTracker, untilHolds } from './thresholds.js';
import { formatDuration } from '../core/duration.js';
import { describeRetry } from '../http/client.js';
import { describePacingWait } from '../http/retry-notice.js';

export interface WatchView {
  /** Something happened (NDJSON writes it as a line). */
  event(event: WatchEvent): void;
  /** Words for people: floor notices, warnings, --exec failures. */
  notice(text: string, level: 'info' | 'warn'): void;
  /** The state changed (the live table redraws). */
  update(session: WatchSession): void;
}

export interface SessionSettings {
  intervalMs: number;
  count: number | null;
  currencies: string[];
  hideZero: boolean;
  until: Condition | null;
  timeoutMs: number | null;
}

export interface SessionDeps {
  config: Config;
  accounts: ResolvedAccount[];
  rules: ThresholdRule[];
  view: WatchView;
  metrics: Metrics | null;
  exec: AlertExec | null;
  /** The run's sockets, pacing and redactor (the --exec stdin is output too: redacted with it). */
  runtime: Runtime;
  signal: AbortSignal;
  now: () => Date;
  debug?: ((line: string) => void) | undefined;
  timers?: Timers;
  /** Called the moment --until holds (the CLI then lets an early end exit 0). */
  onUntilHeld?: () => void;
  /**
   * Accounts whose credentials could not be resolved (an unset ${VAR}): each poll of one fails at
   * once with this error and sends nothing, so it is reported like any failing account.
   */
  unresolved?: ReadonlyMap<string, BalanceError> | undefined;
  /** watch --record: each poll's balances (every currency; none when the poll failed) go to history. */
  record?: ((read: { account: string; provider: string; balances: Balance[]; errorCode: string | null }) => void) | undefined;
}

type StopReason = 'done' | 'until' | 'timeout' | 'interrupt';

/** Aborts in-flight polls when the watch stops for its own reasons (until met, timeout). */
class StoppedError extends BalanceError {
  constructor() {
    super('watch stopped', { code: 'STOPPED', exitCode: ExitCode.ok });
  }
}

export class WatchSession {
  readonly states: AccountState[];
  readonly tracker = new BalanceTracker();
  readonly thresholds: ThresholdTracker;
  readonly startedAt: Date;
  snapshotDone = false;
  private readonly timers: Timers;
  private readonly loop: PollLoop;
  // One short-lived controller per poll in flight, aborted on stop. (A long-lived signal handed
  // to every request would collect AbortSignal.any() dependants: a slow leak on Node 20.)
  private readonly inFlight = new Set<AbortController>();
  private readonly seenNotices = new Set<string>();
  private deadline: number | null = null;
  /** The --until amount at the last evaluation, for the message when the wait ends without it. */
  private untilAmount: string | null = null;
  private stopReason: StopReason | null = null;

  constructor(
    readonly settings: SessionSettings,
    private readonly deps: SessionDeps,
  ) {
    this.timers = deps.timers ?? realTimers;
    this.states = initialStates(deps.accounts, settings.intervalMs);
    this.thresholds = new ThresholdTracker(deps.rules);
    this.startedAt = deps.now();
    const byName = new Map(this.states.map((s) => [s.account.name, s]));
    this.loop = new PollLoop(
      this.states.map((s) => s.account.name),
      {
        timers: this.timers,
        count: settings.count,
        intervalOf: (name) => byName.get(name)?.intervalMs ?? settings.intervalMs,
        notBefore: (name) => {
          const state = byName.get(name);
          return state ? accountNotBefore(state.account, deps.runtime) : 0;
        },
        poll: (name) => this.poll(byName.get(name) as AccountState),
        onHeldBack: (name, waitMs) => this.deps.view.notice(describePacingWait(name, waitMs), 'info'),
      },
    );
  }

  /** Watch until done; returns the exit code (README "watch" → "Exit codes"). */
  async run(): Promise<number> {
    const { view } = this.deps;
    for (const notice of applyFloors(this.states, this.settings.intervalMs)) view.notice(notice, 'info');
    const onAbort = () => this.stop('interrupt');
    this.deps.signal.addEventListener('abort', onAbort, { once: true });
    let deadlineTimer: unknown = null;
    if (this.settings.timeoutMs !== null) {
      this.deadline = this.timers.now() + this.settings.timeoutMs;
      deadlineTimer = this.timers.setTimeout(() => this.stop('timeout'), this.settings.timeoutMs);
    }
    view.update(this);
    try {
      if (this.deps.signal.aborted) this.stop('interrupt');
      await this.loop.run();
    } catch (error) {
      for (const controller of this.inFlight) controller.abort(new StoppedError());
      throw error;
    } finally {
      this.timers.clearTimeout(deadlineTimer);
      this.deps.signal.removeEventListener('abort', onAbort);
      this.stopReason ??= 'done';
    }
    return this.exitCode();
  }

  stop(reason: StopReason): void {
    if (this.stopReason !== null) return;
    this.stopReason = reason;
    const why = reason === 'interrupt' ? this.deps.signal.reason : new StoppedError();
    for (const controller of this.inFlight) controller.abort(why);
    void this.loop.stop();
  }

  get reason(): StopReason | null {
    return this.stopReason;
  }

  private exitCode(): number {
    if (this.stopReason === 'interrupt') return (this.deps.signal.reason as BalanceError | undefined)?.exitCode ?? ExitCode.sigint;
    if (this.stopReason === 'until') return ExitCode.ok;
    const until = this.settings.until;
    if (until !== null) {
      // The wait ended (--timeout, --count) without it holding: say so, like can-withdraw's "no:".
      const why = this.stopReason === 'timeout' ? `within --timeout ${formatDuration(this.settings.timeoutMs ?? 0)}` : 'within --count polls';
      const last = this.untilAmount === null ? 'its amount is unknown' : `last seen ${this.untilAmount} available`;
      this.deps.view.notice(`${until.text} did not hold ${why} (${last})`, 'warn');
      return ExitCode.no;
    }
    return combinedExitCode([...this.states.map(accountExitCode), this.thresholds.alerting() ? ExitCode.no : ExitCode.ok]);
  }

  private async poll(state: AccountState): Promise<void> {
    const unresolved = this.deps.unresolved?.get(state.account.name);
    if (unresolved) {
      const { name, provider } = state.account;
      const outcome = { account: name, provider, balances: [], reported: [], errors: [unresolved], notices: [], ms: 0 };
      if (this.stopReason === null) this.record(state, { outcome, requests: 0 });
      return;
    }
    const controller = new AbortController();
    this.inFlight.add(controller);
    let result: PollResult;
    try {
      const budgetMs = pollBudget(state.intervalMs, this.timers.now(), this.deadline);
      result = await pollAccount(state.account, {
        budgetMs, runtime: this.deps.runtime, signal: controller.signal, debug: this.deps.debug,
        onRetry: (notice) => this.deps.view.notice(describeRetry(notice), 'info'),
      });
    } catch (error) {
      if (controller.signal.aborted) return; // interrupted or stopped: the loop is ending
      throw error;
    } finally {
      this.inFlight.delete(controller);
    }
    if (this.stopReason === null) this.record(state, result);
  }

  private record(state: AccountState, { outcome, requests }: PollResult): void {
    const at = this.deps.now();
    const name = state.account.name;
    const ok = outcome.errors.length === 0;
    state.polls++;
    state.lastPollAt = at;
    if (ok) state.lastSuccessAt = at;
    if (requests > 0) state.requests = requests;
    state.raw = mergeBalances(state.raw, outcome.balances, ok);
    this.deps.metrics?.pollDone(name, state.info.id, outcome.ms / 1000, outcome.errors, at);
    for (const notice of outcome.notices) this.noticeOnce(notice);
    for (const notice of applyFloors(this.states, this.settings.intervalMs)) this.deps.view.notice(notice, 'info');

    const transition = recordErrors(state, outcome.errors, at);
    const valued = valueBalances(this.states.flatMap((s) => s.raw ?? []), { rates: this.deps.config.rates, pegged: this.deps.config.pegged });
    const watched = filterBalances(valued, { currencies: this.settings.currencies });
    const mine = watched.filter((b) => b.account === name);
    // A failed poll keeps stale figures for the table; history gets a gap instead.
    this.deps.record?.({ account: name, provider: state.account.provider, balances: ok ? valued.filter((b) => b.account === name) : [], errorCode: outcome.errors[0]?.code ?? null });
    // Other accounts' records may be re-priced (a rate this account reports); only this one's are diffed.
    this.tracker.revalue(watched.filter((b) => b.account !== name));
    const changes = this.tracker.update(name, mine, at);
    // A doubtful figure gets no series (like an unknown one): an alert must not fire on it.
    // Every account's series, not only this one's: a rate this account reports re-prices the
    // others' balances too (usdSource flow-payments:flow-main), and their series must not wait for
    // their own next poll to show it, or `sum by (currency)` would disagree with `total` meanwhile.
    for (const other of this.states) {
      if (other.raw === null && other.account.name !== name) continue;
      this.deps.metrics?.setBalances(other.account.name, watched.filter((b) => b.account === other.account.name && !b.inconsistent));
    }
    // Reported totals cover the whole account: reconcile with all of it, not the --currency view.
    if (ok) this.deps.metrics?.setReported(name, accountReconciliation(valued.filter((b) => b.account === name), outcome.reported));

    if (!this.snapshotDone) {
      if (this.states.every((s) => s.polls > 0)) this.snapshot(at, valued);
    } else {
      if (transition?.kind === 'failed') this.emit(errorEvent(at, transition.error, state.failures, state.lastSuccessAt));
      if (transition?.kind === 'recovered') this.emit(recoveredEvent(at, name, state.info.id, transition.failures, transition.failingSince));
      for (const change of changes) {
        for (const field of change.changes) this.emit(changeEvent(at, change.before, change.after, field, change.start[field.field]));
      }
      this.evaluate(at, valued);
    }
    this.deps.view.update(this);
  }

  private snapshot(at: Date, valued: Balance[]): void {
    this.snapshotDone = true;
    const listed = this.tracked().map((t) => t.balance);
    this.emit(snapshotEvent(at, filterBalances(listed, { hideZero: this.settings.hideZero }), this.states.flatMap((s) => s.errors)));
    const { until, currencies } = this.settings;
    for (const line of unmatchedWarnings({ rules: this.thresholds.unmatched(valued), until, currencies }, valued)) this.deps.view.notice(line, 'warn');
    this.evaluate(at, valued);
  }

  private evaluate(at: Date, valued: Balance[]): void {
    for (const t of this.thresholds.evaluate(valued)) {
      const { selector } = t.rule;
      const event = thresholdEvent(at, {
        state: t.state, rule: t.rule.name, kind: t.rule.kind, account: selector.account, currency: selector.code,
        network: selector.network, field: 'available', level: t.rule.levelText, amount: t.amount, previous: t.previous,
      });
      this.emit(event);
      this.deps.exec?.run(this.deps.runtime.redactor.redact(ndjsonLine(event))); // the hook's stdin is output too: no key in it
    }
    const until = this.settings.until;
    if (until === null) return;
    const names = this.states.map((s) => s.account.name);
    const fresh = new Map(this.states.map((s) => [s.account.name, s.errors.length === 0 && s.raw !== null]));
    const result = untilHolds(until, valued, names, (name) => fresh.get(name) ?? false);
    this.untilAmount = result.amount ?? null;
    if (result.holds) {
      this.deps.onUntilHeld?.();
      this.deps.view.notice(`${until.text} holds: ${result.amount ?? '?'} available`, 'info');
      this.stop('until');
    }
  }

  /** Tracked balances in config account order (then the provider's own order). */
  tracked(): Tracked[] {
    const order = new Map(this.states.map((s, i) => [s.account.name, i]));
    return this.tracker.all().sort((a, b) => (order.get(a.balance.account) ?? 0) - (order.get(b.balance.account) ?? 0));
  }

  private emit(event: WatchEvent): void {
    this.deps.view.event(event);
  }

  private noticeOnce(text: string): void {
    if (this.seenNotices.has(text) || this.seenNotices.size >= 100) return;
    this.seenNotices.add(text);
    this.deps.view.notice(text, 'info');
  }
}
