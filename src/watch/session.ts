// The watch itself: polls accounts on their schedules, values and diffs what they report, and
// turns it into events, threshold alerts, metrics and the view. Data still flows one way:
// adapters → balances → valuation → diff/thresholds → view; the view never reaches back.
import type { Config, ResolvedAccount } from '../config/types.js';
import { notCalledOutcome } from '../core/account.js';
import type { Balance } from '../core/balance.js';
import type { Condition, ThresholdRule } from '../core/conditions.js';
import { BalanceError, ExitCode, combinedExitCode } from '../core/errors.js';
import { unmatchedWarnings } from './unmatched.js';
import type { Runtime } from '../http/runtime.js';
import { valueBalances } from '../core/valuation.js';
import { filterBalances } from '../api/fetch.js';
import { accountExitCode, applyFloors, initialStates, recordErrors, type AccountState } from './accounts.js';
import { ConditionCheck } from './condition-check.js';
import { BalanceTracker, type Tracked } from './diff.js';
import { ndjsonLine, snapshotEvent, type WatchEvent } from './events.js';
import type { AlertExec } from './exec.js';
import type { Metrics } from './metrics.js';
import { accountNotBefore, pollAccount, pollBudget, type PollResult } from './poll.js';
import { applyPoll, historyRead, pollEvents, publishMetrics, type PollRead } from './poll-record.js';
import { PollLoop, realTimers, type Timers } from './scheduler.js';
import { describeRetry } from '../http/client.js';
import { describePacingWait } from '../http/retry-notice.js';
import { NoticeLimiter } from './notice-limiter.js';

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
  /** The run's sockets, pacing, redactor (the --exec stdin is output too) and interrupt signal. */
  runtime: Runtime;
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
  record?: ((read: PollRead) => void) | undefined;
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
  readonly conditions: ConditionCheck;
  readonly startedAt: Date;
  snapshotDone = false;
  private readonly timers: Timers;
  private readonly loop: PollLoop;
  // One short-lived controller per poll in flight, aborted on stop. (A long-lived signal handed
  // to every request would collect AbortSignal.any() dependants: a slow leak on Node 20.)
  private readonly inFlight = new Set<AbortController>();
  /** Which poll notices are said: each kind once, changed repeats rate-limited, new kinds always. */
  private readonly notices = new NoticeLimiter();
  private deadline: number | null = null;
  private stopReason: StopReason | null = null;

  constructor(
    readonly settings: SessionSettings,
    private readonly deps: SessionDeps,
  ) {
    this.timers = deps.timers ?? realTimers;
    this.states = initialStates(deps.accounts, settings.intervalMs, deps.config.providers);
    this.conditions = new ConditionCheck(settings.until, deps.rules, {
      alert: (event) => this.alert(event),
      untilHeld: (notice) => {
        this.deps.onUntilHeld?.();
        this.deps.view.notice(notice, 'info');
        this.stop('until');
      },
    });
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
          return state ? accountNotBefore(state.account, state.info, deps.runtime) : 0;
        },
        poll: (name) => this.poll(byName.get(name) as AccountState),
        onHeldBack: (name, waitMs) => this.deps.view.notice(describePacingWait(name, waitMs), 'info'),
      },
    );
  }

  /** Watch until done; returns the exit code (docs/commands/watch.md "Exit codes"). */
  async run(): Promise<number> {
    const { view } = this.deps;
    for (const notice of applyFloors(this.states, this.settings.intervalMs)) view.notice(notice, 'info');
    const onAbort = () => this.stop('interrupt');
    this.deps.runtime.signal.addEventListener('abort', onAbort, { once: true });
    let deadlineTimer: unknown = null;
    if (this.settings.timeoutMs !== null) {
      this.deadline = this.timers.now() + this.settings.timeoutMs;
      deadlineTimer = this.timers.setTimeout(() => this.stop('timeout'), this.settings.timeoutMs);
    }
    view.update(this);
    try {
      if (this.deps.runtime.signal.aborted) this.stop('interrupt');
      await this.loop.run();
    } catch (error) {
      for (const controller of this.inFlight) controller.abort(new StoppedError());
      throw error;
    } finally {
      this.timers.clearTimeout(deadlineTimer);
      this.deps.runtime.signal.removeEventListener('abort', onAbort);
      this.stopReason ??= 'done';
    }
    return this.exitCode();
  }

  stop(reason: StopReason): void {
    if (this.stopReason !== null) return;
    this.stopReason = reason;
    const why = reason === 'interrupt' ? this.deps.runtime.signal.reason : new StoppedError();
    for (const controller of this.inFlight) controller.abort(why);
    void this.loop.stop();
  }

  get reason(): StopReason | null {
    return this.stopReason;
  }

  private exitCode(): number {
    if (this.stopReason === 'interrupt') return (this.deps.runtime.signal.reason as BalanceError | undefined)?.exitCode ?? ExitCode.sigint;
    if (this.stopReason === 'until') return ExitCode.ok;
    const unmet = this.conditions.unmetNotice(this.stopReason === 'timeout' ? 'timeout' : 'count', this.settings.timeoutMs);
    if (unmet !== null) {
      this.deps.view.notice(unmet, 'warn');
      return ExitCode.no;
    }
    return combinedExitCode([...this.states.map(accountExitCode), this.conditions.thresholds.alerting() ? ExitCode.no : ExitCode.ok]);
  }

  private async poll(state: AccountState): Promise<void> {
    const unresolved = this.deps.unresolved?.get(state.account.name);
    if (unresolved) {
      if (this.stopReason === null) this.record(state, { outcome: notCalledOutcome(state.account, unresolved), requests: 0 });
      return;
    }
    const controller = new AbortController();
    this.inFlight.add(controller);
    let result: PollResult;
    try {
      const budgetMs = pollBudget(state.intervalMs, this.timers.now(), this.deadline);
      result = await pollAccount(state.account, {
        budgetMs,
        providers: this.deps.config.providers,
        runtime: this.deps.runtime,
        signal: controller.signal,
        debug: this.deps.debug,
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

  private record(state: AccountState, result: PollResult): void {
    const at = this.deps.now();
    const name = state.account.name;
    const { outcome } = result;
    applyPoll(state, result, at);
    this.deps.metrics?.pollDone(name, state.info.id, outcome.ms / 1000, outcome.errors, at);
    for (const notice of outcome.notices) this.noticeOnce(notice);
    for (const notice of applyFloors(this.states, this.settings.intervalMs)) this.deps.view.notice(notice, 'info');

    const transition = recordErrors(state, outcome.errors, at);
    const valued = valueBalances(
      this.states.flatMap((s) => s.raw ?? []),
      { rates: this.deps.config.rates, pegged: this.deps.config.pegged },
    );
    const watched = filterBalances(valued, { currencies: this.settings.currencies });
    const mine = watched.filter((b) => b.account === name);
    this.deps.record?.(historyRead(state, outcome, valued));
    // Other accounts' records may be re-priced (a rate this account reports); only this one's are diffed.
    this.tracker.revalue(watched.filter((b) => b.account !== name));
    const changes = this.tracker.update(name, mine, at);
    if (this.deps.metrics) publishMetrics(this.deps.metrics, this.states, name, { watched, valued, outcome });

    if (!this.snapshotDone) {
      if (this.states.every((s) => s.polls > 0)) this.snapshot(at, valued);
    } else {
      for (const event of pollEvents(at, state, transition, changes)) this.deps.view.event(event);
      this.conditions.evaluate(at, valued, this.states);
    }
    this.deps.view.update(this);
  }

  private snapshot(at: Date, valued: Balance[]): void {
    this.snapshotDone = true;
    const listed = this.tracked().map((t) => t.balance);
    this.deps.view.event(
      snapshotEvent(
        at,
        filterBalances(listed, { hideZero: this.settings.hideZero }),
        this.states.flatMap((s) => s.errors),
      ),
    );
    const { until, currencies } = this.settings;
    for (const line of unmatchedWarnings({ rules: this.conditions.thresholds.unmatched(valued), until, currencies }, valued))
      this.deps.view.notice(line, 'warn');
    this.conditions.evaluate(at, valued, this.states);
  }

  /** A threshold rule crossed or recovered: an event, and the --exec hook's input. */
  private alert(event: WatchEvent): void {
    this.deps.view.event(event);
    this.deps.exec?.run(this.deps.runtime.redactor.redact(ndjsonLine(event))); // the hook's stdin is output too: no key in it
  }

  /** Tracked balances in config account order (then the provider's own order). */
  tracked(): Tracked[] {
    const order = new Map(this.states.map((s, i) => [s.account.name, i]));
    return this.tracker.all().sort((a, b) => (order.get(a.balance.account) ?? 0) - (order.get(b.balance.account) ?? 0));
  }

  private noticeOnce(text: string): void {
    if (this.notices.admit(text, this.timers.now())) this.deps.view.notice(text, 'info');
  }
}
