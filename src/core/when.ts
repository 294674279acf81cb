// Moments and spans as history commands take them: `--since 30d` (a duration back from now) or an
// ISO date/time (`2026-11-01`, `2026-11-01T09:00Z`); `--older-than 400d`. Units go up to days and
// weeks here (the global --timeout stops at hours). A date without a zone is UTC, so a cron host's
// time zone never changes which snapshots a query covers.
import { UsageError } from '../core/errors.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const SPAN = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*$/i;
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** A span in ms (`30d`, `12h`, `2w`), or null. */
export function parseSpan(text: string): number | null {
  const match = SPAN.exec(text);
  if (!match) return null;
  const ms = Number(match[1]) * (UNITS[(match[2] ?? '').toLowerCase()] ?? Number.NaN);
  return Number.isFinite(ms) ? Math.round(ms) : null;
}

/** A moment given as a span back from `now` or as an ISO date; a usage error naming the flag otherwise. */
export function parseMoment(flag: string, text: string, now: Date): Date {
  const span = parseSpan(text);
  if (span !== null) return new Date(now.getTime() - span);
  const trimmed = text.trim();
  if (ISO.test(trimmed) && validCalendarDate(trimmed)) {
    const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(trimmed) || !/[T ]/.test(trimmed) ? trimmed : `${trimmed}Z`;
    const date = new Date(zoned.replace(' ', 'T'));
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new UsageError(`${flag} "${text}" is neither a duration nor a date; expected e.g. 30d, 12h, 2w, 2026-11-01 or 2026-11-01T09:00Z`);
}

/** `2026-02-30` must be refused, not rolled over to March 2. */
function validCalendarDate(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A positive span for --older-than / retain; a usage error otherwise. */
export function parsePositiveSpan(flag: string, text: string): number {
  const span = parseSpan(text);
  if (span === null || span <= 0) throw new UsageError(`${flag} "${text}" is not a duration; expected e.g. 400d, 12w, 36h`);
  return span;
}
