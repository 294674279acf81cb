// Durations as users write them, one grammar for every flag and config value (--timeout,
// --max-age, --interval, --latency, --since, --until, --older-than, cache.maxAge, history.retain,
// the sandbox's settle:<duration>): a number and a unit, or several of them from the largest unit
// down — `500ms`, `10s`, `2m`, `1m30s`, `1h30m`, `1.5h`, `1d`, `2w`, `1d12h`. Units: ms, s, m, h,
// d, w, in any case. A bare number is refused, so `--timeout 5` is never silently read as 5 ms or
// 5 minutes. Each flag then has its own bounds (DurationRule), and a value outside them is refused
// with a message naming the flag: parsing never throws anything else, for any text.
//
// Light on purpose: options.ts imports this for every command, and --help compiles no decimal.js,
// so the arithmetic is BigInt (exact, no float, no overflow), not Decimal.

import { UsageError } from './errors.js';

const UNIT_MS: Record<string, bigint> = { w: 604_800_000n, d: 86_400_000n, h: 3_600_000n, m: 60_000n, s: 1000n, ms: 1n };
const ORDER = ['w', 'd', 'h', 'm', 's', 'ms'];
/** One part: digits (with an optional fraction) and a unit; `ms` before `m` so it wins. */
const PART = String.raw`\s*([0-9]+)(?:\.([0-9]+))?\s*(ms|[wdhms])\s*`;
/** More digits than this before the point is far beyond LONGEST_MS in any unit. */
const MOST_DIGITS = 20;

export const DAY_MS = 86_400_000;
/** The longest wait one setTimeout can make; a longer one fires at once (TimeoutOverflowWarning). */
export const MAX_TIMER_MS = 2 ** 31 - 1;
/** The longest wait a timer can make (setTimeout's 2^31−1 ms), in whole days: 24d. */
export const LONGEST_TIMER_MS = 24 * DAY_MS;
/** The longest duration anything accepts (100 years of 365 days): dates stay valid around it. */
export const LONGEST_MS = 36_500 * DAY_MS;

/** Milliseconds (rounded to the nearest), 'syntax' when the text is not a duration, 'too-long' past LONGEST_MS. */
export function readDuration(text: string): number | 'syntax' | 'too-long' {
  const part = new RegExp(PART, 'iy');
  let total = 0n;
  let at = 0;
  let lastUnit = -1;
  let tooLong = false;
  while (at < text.length) {
    part.lastIndex = at;
    const match = part.exec(text);
    if (!match) return 'syntax';
    const [whole, allDigits = '', allFraction = '', unitText = ''] = match;
    const digits = allDigits.replace(/^0+(?=.)/, '');
    // Beyond a millionth of a millisecond a fraction changes nothing; the length stays bounded.
    const fraction = allFraction.slice(0, MOST_DIGITS);
    const unit = unitText.toLowerCase();
    const rank = ORDER.indexOf(unit);
    // 30s1m, 1h1h: a typo, not a duration.
    if (rank <= lastUnit) return 'syntax';
    lastUnit = rank;
    at += whole.length;
    // Read on to the end: "99…9d nonsense" is not a duration rather than too long.
    if (tooLong || digits.length > MOST_DIGITS) {
      tooLong = true;
      continue;
    }
    const scale = 10n ** BigInt(fraction.length);
    const unitMs = UNIT_MS[unit] ?? 0n;
    // Round half up to whole milliseconds, exactly.
    total += (BigInt(`${digits}${fraction}`) * unitMs * 2n + scale) / (2n * scale);
    tooLong = total > BigInt(LONGEST_MS);
  }
  if (lastUnit === -1) return 'syntax';
  return tooLong ? 'too-long' : Number(total);
}

/** Milliseconds, or null when the text is not a duration (or is longer than LONGEST_MS). */
export function parseDuration(text: string): number | null {
  const ms = readDuration(text);
  return typeof ms === 'number' ? ms : null;
}

/** What one flag or setting accepts. */
export interface DurationRule {
  /** Is 0 a meaningful value (--max-age 0: never reuse)? Default: no. */
  zero?: boolean;
  /** The shortest value above 0 (--interval: 50ms). */
  min?: number;
  /** The longest value (a timer: LONGEST_TIMER_MS); default LONGEST_MS. */
  max?: number;
  /** Examples for the message, e.g. "30s, 1m30s, 2h". */
  examples?: string;
}

/** The milliseconds, or why the text is refused ("is not a duration; expected e.g. …"). */
export function checkDuration(text: string, rule: DurationRule = {}): number | string {
  const ms = readDuration(text);
  const max = Math.min(rule.max ?? LONGEST_MS, LONGEST_MS);
  if (ms === 'syntax') return `is not a duration; expected e.g. ${rule.examples ?? '500ms, 10s, 1m30s, 2h, 1d'}`;
  if (ms === 'too-long' || ms > max) return `is too long; the longest is ${formatBound(max)}`;
  if (ms === 0) return rule.zero ? 0 : 'must be more than 0';
  if (rule.min !== undefined && ms < rule.min) return `is too short; the shortest is ${formatBound(rule.min)}`;
  return ms;
}

/** A duration flag within its bounds; a usage error naming the flag and the value otherwise. */
export function durationFlag(flag: string, text: string | undefined, rule: DurationRule = {}): number | undefined {
  if (text === undefined) return undefined;
  const ms = checkDuration(text, rule);
  if (typeof ms === 'string') throw new UsageError(`${flag} "${text}" ${ms}`);
  return ms;
}

/** For people: `500ms`, `1.5s`, `2m`, `1.5h`, `720h`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))}s`;
  if (ms < 3_600_000) return `${Number((ms / 60_000).toFixed(1))}m`;
  return `${Number((ms / 3_600_000).toFixed(1))}h`;
}

/** A bound as users would type it: whole days in days (`24d`, `36500d`), anything else as formatDuration. */
function formatBound(ms: number): string {
  return ms >= DAY_MS && ms % DAY_MS === 0 ? `${ms / DAY_MS}d` : formatDuration(ms);
}
