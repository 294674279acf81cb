// `watch`: poll the selected accounts continuously. A live table on a terminal; NDJSON events on
// stdout otherwise (or with --json); threshold alerts (--below/--above, config `alerts:`) with an
// optional --exec hook; --until to wait for funds; --metrics for Prometheus. Heavy modules
// (adapters, undici, prom-client, the table renderer) load inside the run.
import type { Command } from 'commander';
import type { Config, ResolvedAccount } from '../config/types.js';
import { ConfigError, ExitCode, combinedExitCode } from '../core/errors.js';
import type { Condition } from '../core/conditions.js';
import type { WatchSession } from '../watch/session.js';
import type { WatchOptions } from '../watch/options.js';
import { collect, examples, type GlobalOptions, CURRENCY_OPTION } from './shared/options.js';
import { STORE_OPTION } from './shared/store.js';
import type { RunContext, Runner } from './shared/context.js';
import { booleanOption, listOption, stringOption, type RawOptions } from './shared/raw-options.js';

const WATCH_HELP = `
Conditions (--below, --above, --until) compare the AVAILABLE amount, summed
over every matching balance: all wallets and networks, and all watched
accounts unless an account is named.
  selector          [account:]CURRENCY[@network]: USDT, syncpay:USDT,
                    USDT@tron, USDT_TRC20
  --below, --above  selector=AMOUNT: USDT=100 (fires when crossed, again on
                    recovery)
  --until           selector OP AMOUNT: USDT>=500; OP is >=, >, <=, < or =
AMOUNT is a plain decimal (100, 0.5); exponents, signs like + and separators
are refused.

In watch, --timeout is how long to watch at most (with --until: how long to
wait; exit 1 when it passes first). Each poll's own budget is its interval, at
most 30s.

Exit codes: 0 --until held, or --count/--timeout reached with every account
answering and no threshold in alert; 1 --until did not hold in time, or a
threshold is in alert at the end; 3 an account's \${VAR} or key file cannot be
used; 4/5/6 the last poll of an account failed (lowest code wins); 130/143
interrupted.
`;

export function registerWatch(program: Command, run: Runner): void {
  program
    .command('watch')
    .description('watch balances change: a live table on a terminal, NDJSON events otherwise; alerts, wait-for-funds and Prometheus metrics')
    .option('--interval <duration>', "time between polls of each account (default 60s; raised to each provider's floor)")
    .option('--count <n>', 'stop after every account has been polled n times')
    .option(...CURRENCY_OPTION)
    .option('--hide-zero', 'leave zero balances out of the table and the snapshot (changes are still reported)')
    .option('--below <level>', 'alert when available goes below: [account:]CURRENCY[@network]=AMOUNT (repeatable)', collect)
    .option('--above <level>', 'alert when available goes above: [account:]CURRENCY[@network]=AMOUNT (repeatable)', collect)
    .option('--until <condition>', "exit 0 as soon as it holds, e.g. 'USDT>=500' or 'syncpay:USDT@tron>=500'")
    .option('--exec <command>', 'run this shell command for each threshold event, with the event JSON on stdin (at most 10s each)')
    .option('--metrics <[host:]port>', 'serve Prometheus metrics at http://host:port/metrics (host default 127.0.0.1)')
    .option('--record', 'record every poll in the history store (only what changed; see `history`)')
    .option(...STORE_OPTION)
    .addHelpText(
      'after',
      WATCH_HELP +
        examples([
          'balance-inspector watch --interval 30s',
          "balance-inspector watch --json --below USDT=100 --exec 'curl -sS --data-binary @- https://hooks.example/alerts'",
          "balance-inspector watch --account syncpay --until 'USDT>=500' --timeout 10m && pay-out.sh",
          'balance-inspector watch --metrics 0.0.0.0:9188 --interval 2m > /dev/null',
        ]),
    )
    .action(run(parseWatchFlags, runWatch, { formats: ['table', 'json'], formatHint: 'watch streams NDJSON events with --json', longRunning: true }));
}

/** Reads watch's flags from commander; their values are checked in src/watch/options.ts (loaded lazily). */
export async function parseWatchFlags(opts: RawOptions, _args: readonly string[], globals: Pick<GlobalOptions, 'timeoutMs'>): Promise<WatchOptions> {
  const { parseWatchOptions } = await import('../watch/options.js');
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
  // Loaded here, not at the top: the conditions reach decimal.js, which `--help` must not load.
  const [{ loadAccounts }, { checkSelectorAccount }, { describeSelector }, { formatDuration }] = await Promise.all([
    import('./shared/fetch.js'),
    import('./shared/selectors.js'),
    import('../core/conditions.js'),
    import('../core/duration.js'),
  ]);
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
  if (options.exec && rules.length === 0) ctx.output.warn('--exec runs only for threshold events, and there are none: add --below, --above or an alerts: section');

  const [{ WatchSession }, { ndjsonView }] = await Promise.all([import('../watch/session.js'), import('../watch/ndjson-view.js')]);
  const recorder = options.record ? await startRecorder(ctx, options.store, config, accounts) : null;
  const metrics = options.metrics ? await startMetricsFor(ctx, options.metrics, accounts) : null;
  // A terminal that cannot move its cursor (TERM=dumb) gets the table once and a line per change.
  const people = ctx.output.format === 'table' && ctx.output.stdoutIsTTY;
  const dumb = people && ctx.env.TERM === 'dumb';
  const header = headerFor(ctx, options.until?.text ?? null, formatDuration);
  const live = people && !dumb ? await liveTable(ctx, header) : null;
  const view = live ?? (dumb ? (await import('../watch/plain-view.js')).plainView(ctx.output, header) : ndjsonView(ctx.output));
  const { AlertExec } = await import('../watch/exec.js');
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
      config, accounts, unresolved, rules, view, metrics, exec, runtime: ctx.runtime, now: ctx.now,
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
  const [{ targetFor, openTarget, refuseSandboxInDefaultStore }, { PollRecorder }] = await Promise.all([import('./shared/store.js'), import('../history/recorder.js')]);
  await refuseSandboxInDefaultStore(storeFlag, config, accounts);
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
  throw new ConfigError(`${first.message}${others}; --until '${until.text}' covers ${blocking.length > 1 ? 'those accounts' : 'that account'}, so it could never hold`, {
    code: first.code,
    problems: blocking.flatMap((e) => e.problems),
    ...(first.hint ? { hint: first.hint } : {}),
  });
}

async function startMetricsFor(ctx: RunContext, address: { host: string; port: number }, accounts: ResolvedAccount[]) {
  const [{ startMetrics }, { isLoopbackHost }, { VERSION }] = await Promise.all([import('../watch/metrics.js'), import('../http/url-policy.js'), import('../version.js')]);
  const metrics = await startMetrics(address, accounts.map((a) => ({ name: a.name, provider: a.provider })), { version: VERSION }, ctx.runtime.redactor.redact);
  ctx.output.info(`Prometheus metrics at ${metrics.url}`);
  if (!isLoopbackHost(address.host)) ctx.output.warn(`metrics are served beyond this machine (${address.host}); anyone who can reach the port sees your balances`);
  return metrics;
}

async function liveTable(ctx: RunContext, header: (session: WatchSession) => string) {
  const { LiveTable } = await import('../watch/live-table.js');
  const size = () => ctx.output.terminalSize() ?? { columns: 80, rows: 24 };
  const onResize = (redraw: () => void) => {
    ctx.io.stdout.on('resize', redraw);
    return () => void ctx.io.stdout.removeListener('resize', redraw);
  };
  return new LiveTable(ctx.output, size, header, onResize);
}

/** The line above the table: what runs, for how long, until what. */
function headerFor(ctx: RunContext, until: string | null, formatDuration: (ms: number) => string) {
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
