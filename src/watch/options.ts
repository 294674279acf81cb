// `watch` flags → validated options. Every mistake is a usage error (exit 2) naming the flag, the
// value and what was expected, before any config is read or request sent.
import { parseCondition, parseLevel, type Condition, type ThresholdRule } from '../core/conditions.js';
import { parseDuration } from '../core/duration.js';
import { UsageError } from '../core/errors.js';
import { parseCurrencyFilters } from '../core/currency-filter.js';
import type { Selector } from '../core/conditions.js';
import { parseMetricsAddress, type MetricsAddress } from './metrics.js';

/** Shorter intervals would only make a busy loop; real providers have floors far above this. */
export const MIN_INTERVAL_MS = 50;
export const DEFAULT_INTERVAL_MS = 60_000;

export interface WatchOptions {
  intervalMs: number;
  count: number | null;
  currencies: string[];
  /** --currency parsed (validated before any request). */
  currencySelectors: Selector[];
  hideZero: boolean;
  rules: ThresholdRule[];
  until: Condition | null;
  exec: string | null;
  metrics: MetricsAddress | null;
  /** --timeout: the deadline of the whole watch (the --until wait); null = none. */
  timeoutMs: number | null;
}

export function parseWatchOptions(opts: Record<string, unknown>, globals: { timeoutMs: number | undefined }): WatchOptions {
  const intervalText = typeof opts.interval === 'string' ? opts.interval : undefined;
  const intervalMs = intervalText === undefined ? DEFAULT_INTERVAL_MS : parseDuration(intervalText);
  if (intervalMs === null) throw new UsageError(`--interval "${intervalText}" is not a duration; expected e.g. 30s, 2m, 500ms`);
  if (intervalMs < MIN_INTERVAL_MS) throw new UsageError(`--interval ${intervalText} is too short; the shortest is ${MIN_INTERVAL_MS}ms`);

  let count: number | null = null;
  if (opts.count !== undefined) {
    const text = String(opts.count);
    if (!/^[1-9][0-9]{0,8}$/.test(text)) throw new UsageError(`--count "${text}" is not a positive whole number`);
    count = Number(text);
  }

  const rules: ThresholdRule[] = [];
  for (const kind of ['below', 'above'] as const) {
    for (const text of (opts[kind] as string[] | undefined) ?? []) {
      const level = parseLevel(text);
      if ('error' in level) throw new UsageError(`--${kind} "${text}": ${level.error}`, 'e.g. --below USDT=100, --below syncpay:USDT@tron=50');
      rules.push({ name: `--${kind} ${text}`, kind, selector: level.selector, level: level.amount, levelText: text.slice(text.lastIndexOf('=') + 1).trim() });
    }
  }

  let until: Condition | null = null;
  if (opts.until !== undefined) {
    const parsed = parseCondition(String(opts.until));
    if ('error' in parsed) throw new UsageError(`--until "${String(opts.until)}": ${parsed.error}`, "e.g. --until 'USDT>=500' or --until 'syncpay:USDT@tron>=500'");
    until = parsed;
  }

  let exec: string | null = null;
  if (opts.exec !== undefined) {
    exec = String(opts.exec);
    if (exec.trim() === '') throw new UsageError('--exec needs a command, e.g. --exec \'curl -sS --data-binary @- https://hooks.example/alert\'');
  }

  let metrics: MetricsAddress | null = null;
  if (opts.metrics !== undefined) {
    metrics = parseMetricsAddress(String(opts.metrics));
    if (metrics === null) throw new UsageError(`--metrics "${String(opts.metrics)}" is not [host:]port; expected e.g. 9188 or 0.0.0.0:9188`);
  }

  return {
    intervalMs,
    count,
    currencies: (opts.currency as string[] | undefined) ?? [],
    currencySelectors: parseCurrencyFilters((opts.currency as string[] | undefined) ?? []),
    hideZero: Boolean(opts.hideZero),
    rules,
    until,
    exec,
    metrics,
    timeoutMs: globals.timeoutMs ?? null,
  };
}
