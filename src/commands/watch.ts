// `watch`: poll the selected accounts continuously. A live table on a terminal; NDJSON events on
// stdout otherwise (or with --json); threshold alerts (--below/--above, config `alerts:`) with an
// optional --exec hook; --until to wait for funds; --metrics for Prometheus. Loaded when the
// command runs; its registration is registration/watch.ts.
import type { Config, ResolvedAccount } from '../config/types.js';
import { describeSelector, type Condition } from '../core/conditions.js';
import { formatDuration } from '../core/duration.js';
import { ConfigError, ExitCode, combinedExitCode } from '../core/errors.js';
import { PollRecorder } from '../history/recorder.js';
import { isLoopbackHost } from '../http/url-policy.js';
import { VERSION } from '../version.js';
import { AlertExec } from '../watch/exec.js';
import type { LiveTable } from '../watch/live-table.js';
import { startMetrics } from '../watch/metrics.js';
import { ndjsonView } from '../watch/ndjson-view.js';
import { parseWatchOptions, type WatchOptions } from '../watch/options.js';
import { WatchSession, type WatchView } from '../watch/session.js';
import type { RunContext } from './shared/context.js';
import { loadAccounts } from './shared/fetch.js';
import type { GlobalOptions } from './shared/options.js';
import { booleanOption, listOption, stringOption, type RawOptions } from './shared/raw-options.js';
import { forFormat, type PerFormat } from './shared/render.js';
import { checkSelectorAccount } from './shared/selectors.js';
import { openTarget, refuseSandboxInDefaultStore, targetFor } from './shared/store.js';

/** Reads watch's flags from commander; their values are checked in src/watch/options.ts (loaded lazily). */
export async function parseWatchFlags(opts: RawOptions, _args: readonly string[], globals: Pick<GlobalOptions, 'timeoutMs'>): Promise<WatchOptions> {
  const flags = {
    interval: stringOption(opts, 'interval'),
    count: stringOption(opts, 'count'),
    currency: listOption(opts, 'currency'),
    hideZero: booleanOption(opts, 'hideZero'),
    below: listOption(opts, 'below'),
    above: listOption(opts, 'above'),
    until: stringOption(opts, 'until'),
    exec: stringOption(opts, 'exec'),
    metrics: stringOption(opts, 'metrics'),
    record: booleanOption(opts, 'record'),
    store: stringOption(opts, 'store'),
  };
  return parseWatchOptions(flags, globals);
}

export async function runWatch(ctx: RunContext, options: WatchOptions): Promise<number> {
  const { config, accounts, unresolved } = await loadAccounts(ctx);
  const names = accounts.map((a) => a.name);
  const checkAccount = (flag: string, account: string | null) => checkSelectorAccount(flag, account, config, names, 'being watched');
  for (const rule of options.rules) checkAccount(rule.name, rule.selector.account);
  if (options.until) {
    checkAccount('--until', options.until.selector.account);
    refuseDoomedUntil(options.until, unresolved);
  }
  for (const selector of options.currencySelectors) checkAccount(`--currency ${describeSelector(selector)}`, selector.account);
  // The config's alerts, parsed with the config; those naming an unwatched account are skipped.
  const rules = [...options.rules, ...config.alerts.filter((r) => r.selector.account === null || names.includes(r.selector.account))];
  if (options.exec && rules.length === 0)
    ctx.output.warn('--exec runs only for threshold events, and there are none: add --below, --above or an alerts: section');

  const recorder = options.record ? await startRecorder(ctx, options.store, config, accounts) : null;
  const metrics = options.metrics ? await startMetricsFor(ctx, options.metrics, accounts) : null;
  const header = headerFor(ctx, options.until?.text ?? null);
  const { view, live } = await forFormat(ctx.output.format, VIEWS)(ctx, header);
  const exec = options.exec ? new AlertExec(options.exec, { report: (line) => view.notice(line, 'warn') }) : null;
  const session = new WatchSession(
    {
      intervalMs: options.intervalMs,
      count: options.count,
      currencies: options.currencies,
      hideZero: options.hideZero,
      until: options.until,
      timeoutMs: options.timeoutMs,
    },
    {
      config,
      accounts,
      unresolved,
      rules,
      view,
      metrics,
      exec,
      runtime: ctx.runtime,
      now: ctx.now,
      debug: ctx.globals.debug ? (line) => ctx.output.debug(line) : undefined,
      onUntilHeld: () => ctx.exitIfCutShort?.(ExitCode.ok),
      record: recorder ? (read) => recorder.record(read) : undefined,
    },
  );
  // Fail closed: until the condition holds, a closed stdout or any early end exits 1, never 0.
  if (options.until) ctx.exitIfCutShort?.(ExitCode.no);
  live?.start();
  try {
    const code = await session.run();
    await recorder?.close();
    // Polls that could not be recorded make the run a failure of the store (exit 3), after the fact.
    return recorder && recorder.failures > 0 ? combinedExitCode([code, ExitCode.config]) : code;
  } finally {
    await recorder?.close();
    if (session.reason === 'interrupt') exec?.kill();
    else await exec?.drain();
    live?.stop();
    await metrics?.close();
  }
}

async function startRecorder(ctx: RunContext, storeFlag: string | undefined, config: Config, accounts: ResolvedAccount[]) {
  refuseSandboxInDefaultStore(storeFlag, config, accounts);
  const db = await openTarget(ctx, await targetFor(ctx, storeFlag, config), 'create');
  ctx.output.info(`recording every poll in ${db.location}`);
  return new PollRecorder(db, (line) => ctx.output.warn(line), ctx.now);
}

/**
 * --until holds only when every account it covers answered (fail-closed). One whose credentials
 * could not be resolved never will in this run, so waiting for it would only burn --timeout and
 * exit 1: refuse at once with its config error (exit 3). --until naming another account is fine.
 */
function refuseDoomedUntil(until: Condition, unresolved: ReadonlyMap<string, ConfigError>): void {
  const covered = until.selector.account === null ? [...unresolved.keys()] : [until.selector.account];
  const blocking = covered.flatMap((name) => unresolved.get(name) ?? []);
  const first = blocking[0];
  if (first === undefined) return;
  const others = blocking.length > 1 ? ` (and ${blocking.length - 1} more account${blocking.length > 2 ? 's' : ''})` : '';
  throw new ConfigError(
    `${first.message}${others}; --until '${until.text}' covers ${blocking.length > 1 ? 'those accounts' : 'that account'}, so it could never hold`,
    {
      code: first.code,
      problems: blocking.flatMap((e) => e.problems),
      ...(first.hint ? { hint: first.hint } : {}),
    },
  );
}

async function startMetricsFor(ctx: RunContext, address: { host: string; port: number }, accounts: ResolvedAccount[]) {
  const metrics = await startMetrics(
    address,
    accounts.map((a) => ({ name: a.name, provider: a.provider })),
    { version: VERSION },
    ctx.runtime.redactor.redact,
  );
  ctx.output.info(`Prometheus metrics at ${metrics.url}`);
  if (!isLoopbackHost(address.host))
    ctx.output.warn(`metrics are served beyond this machine (${address.host}); anyone who can reach the port sees your balances`);
  return metrics;
}

type Header = (session: WatchSession) => string;

/** How watch shows what happens, per format; a live table also needs starting and stopping. */
const VIEWS = {
  table: async (ctx: RunContext, header: Header): Promise<{ view: WatchView; live: LiveTable | null }> => {
    // Events for a program reading stdout; a terminal that cannot move its cursor (TERM=dumb) gets
    // the table once and a line per change; any other terminal the live table.
    if (!ctx.output.stdoutIsTTY) return { view: ndjsonView(ctx.output), live: null };
    // On demand, like the live table: both draw tables for people, which NDJSON never loads.
    if (ctx.env.TERM === 'dumb') return { view: (await import('../watch/plain-view.js')).plainView(ctx.output, header), live: null };
    const live = await liveTable(ctx, header);
    return { view: live, live };
  },
  json: async (ctx: RunContext): Promise<{ view: WatchView; live: LiveTable | null }> => ({ view: ndjsonView(ctx.output), live: null }),
} satisfies PerFormat<unknown>;

async function liveTable(ctx: RunContext, header: Header) {
  const { LiveTable } = await import('../watch/live-table.js');
  const size = () => ctx.output.terminalSize() ?? { columns: 80, rows: 24 };
  const onResize = (redraw: () => void) => {
    ctx.io.stdout.on('resize', redraw);
    return () => void ctx.io.stdout.removeListener('resize', redraw);
  };
  return new LiveTable(ctx.output, size, header, onResize);
}

/** The line above the table: what runs, for how long, until what. */
function headerFor(ctx: RunContext, until: string | null) {
  const c = ctx.output.color;
  return (session: WatchSession) => {
    const now = ctx.now();
    const parts = [
      c.bold('balance-inspector watch'),
      `${session.states.length} account${session.states.length === 1 ? '' : 's'}`,
      `running ${formatDuration(now.getTime() - session.startedAt.getTime())}`,
      `updated ${now.toTimeString().slice(0, 8)}`,
      ...(until ? [`until ${until}`] : []),
      c.dim('Ctrl+C to stop'),
    ];
    return parts.join(c.dim(' · '));
  };
}

export const watchCommand = { parse: parseWatchFlags, run: runWatch, prints: VIEWS };
