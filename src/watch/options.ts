// `watch` flags → validated options. Every mistake is a usage error (exit 2) naming the flag, the
// value and what was expected, before any config is read or request sent. The flags arrive as
// typed text (src/commands/watch.ts reads them from commander); here their values are checked.
import { parseCondition, parseLevel, type Condition, type ThresholdRule } from '../core/conditions.js';
import { durationFlag, LONGEST_TIMER_MS } from '../core/duration.js';
import { UsageError } from '../core/errors.js';
import { parseCurrencyFilters } from '../core/currency-filter.js';
import type { Selector } from '../core/conditions.js';
import { parseMetricsAddress, type MetricsAddress } from './metrics.js';

/** Shorter intervals would only make a busy loop; real providers have floors far above this. */
export const MIN_INTERVAL_MS = 50;
export const DEFAULT_INTERVAL_MS = 60_000;

/** watch's own flags as typed (undefined: not given; lists: [] when not given). */
export interface WatchFlags {
  interval?: string | undefined;
  count?: string | undefined;
  currency: string[];
  hideZero: boolean;
  below: string[];
  above: string[];
  until?: string | undefined;
  exec?: string | undefined;
  metrics?: string | undefined;
  record: boolean;
  store?: string | undefined;
}

export interface WatchOptions {
  /** --interval between polls of each account (default 60s, at least 50ms; raised to a provider's floor when polling). */
  intervalMs: number;
  /** --count: stop after every account has been polled this many times; null = until stopped. */
  count: number | null;
  /** --currency, as typed; [] = every currency. */
  currencies: string[];
  /** --currency parsed (validated before any request). */
  currencySelectors: Selector[];
  /** --hide-zero: zero balances leave the table and the snapshot; their changes are still events. */
  hideZero: boolean;
  /** --below and --above, in the order typed (the config's alerts are added later). */
  rules: ThresholdRule[];
  /** --until: exit 0 as soon as it holds (on the available sums of every account it covers). */
  until: Condition | null;
  /** --exec: a shell command run for each threshold event (event JSON on stdin). */
  exec: string | null;
  /** --metrics: where to serve Prometheus metrics; null = not served. */
  metrics: MetricsAddress | null;
  /** --timeout: the deadline of the whole watch (the --until wait); null = none. */
  timeoutMs: number | null;
  /** --record: write every poll to the history store. */
  record: boolean;
  /** --store as typed (only with --record); undefined = the config's, else the default store. */
  store: string | undefined;
}

export function parseWatchOptions(opts: WatchFlags, globals: { timeoutMs: number | undefined }): WatchOptions {
  // The wait between polls is a timer: at most 24 days.
  const intervalMs =
    durationFlag('--interval', opts.interval, { min: MIN_INTERVAL_MS, max: LONGEST_TIMER_MS, examples: '30s, 1m30s, 500ms, 1h' }) ?? DEFAULT_INTERVAL_MS;

  let count: number | null = null;
  if (opts.count !== undefined) {
    const text = opts.count;
    if (!/^[1-9][0-9]{0,8}$/.test(text)) throw new UsageError(`--count "${text}" is not a positive whole number`);
    count = Number(text);
  }

  const rules: ThresholdRule[] = [];
  for (const kind of ['below', 'above'] as const) {
    for (const text of opts[kind]) {
      const level = parseLevel(text);
      if ('error' in level) throw new UsageError(`--${kind} "${text}": ${level.error}`, 'e.g. --below USDT=100, --below syncpay:USDT@tron=50');
      rules.push({ name: `--${kind} ${text}`, kind, selector: level.selector, level: level.amount, levelText: text.slice(text.lastIndexOf('=') + 1).trim() });
    }
  }

  let until: Condition | null = null;
  if (opts.until !== undefined) {
    const parsed = parseCondition(opts.until);
    if ('error' in parsed) throw new UsageError(`--until "${opts.until}": ${parsed.error}`, "e.g. --until 'USDT>=500' or --until 'syncpay:USDT@tron>=500'");
    until = parsed;
  }

  let exec: string | null = null;
  if (opts.exec !== undefined) {
    exec = opts.exec;
    if (exec.trim() === '') throw new UsageError("--exec needs a command, e.g. --exec 'curl -sS --data-binary @- https://hooks.example/alert'");
  }

  let metrics: MetricsAddress | null = null;
  if (opts.metrics !== undefined) {
    metrics = parseMetricsAddress(opts.metrics);
    if (metrics === null) throw new UsageError(`--metrics "${opts.metrics}" is not [host:]port; expected e.g. 9188 or 0.0.0.0:9188`);
  }

  const currencySelectors = parseCurrencyFilters(opts.currency);
  // A conflict of flags is a usage error too, before the config is read.
  if (opts.store !== undefined && !opts.record) throw new UsageError('--store is for --record: add --record to record the polls in the history store');
  return {
    intervalMs,
    count,
    currencies: opts.currency,
    currencySelectors,
    hideZero: opts.hideZero,
    rules,
    until,
    exec,
    metrics,
    timeoutMs: globals.timeoutMs ?? null,
    record: opts.record,
    store: opts.store,
  };
}
