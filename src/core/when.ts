// Moments and spans as history commands take them: `--since 30d` (a duration back from now, in
// the one duration grammar of core/duration.ts: 90m, 1d12h, 2w) or an ISO date/time (`2026-11-01`,
// `2026-11-01T09:00Z`, `2026-11-01t09:00`, `2026-11-01 09:00:30+02:00`); `--older-than 400d`. A
// date without a zone is UTC, whatever the letter case, so a cron host's time zone never changes
// which snapshots a query covers. Every text gives a moment or a usage error naming the flag.
import { UsageError } from '../core/errors.js';
import { checkDuration, readDuration } from './duration.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const EXAMPLES = 'expected e.g. 30d, 12h, 1d12h, 2w, 2026-11-01 or 2026-11-01T09:00Z';

/** A moment given as a span back from `now` or as an ISO date; a usage error naming the flag otherwise. */
export function parseMoment(flag: string, text: string, now: Date): Date {
  const span = readDuration(text);
  if (span === 'too-long') throw new UsageError(`${flag} "${text}" ${checkDuration(text)}`, EXAMPLES);
  if (span !== 'syntax') return new Date(now.getTime() - span);
  const date = isoMoment(text.trim().toUpperCase());
  if (date) return date;
  throw new UsageError(`${flag} "${text}" is neither a duration nor a date; ${EXAMPLES}`);
}

/** An ISO date or date-time (upper-cased), UTC unless it names a zone; null when it is none or does not exist. */
function isoMoment(text: string): Date | null {
  const match = ISO.exec(text);
  if (!match) return null;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
  // 2026-02-30 and 25:00 must be refused, not rolled over; 00:00 of a year before 1 too.
  const numbers = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const [y, mo, d, h, mi, s] = numbers;
  const calendar = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1 || calendar.getUTCFullYear() !== y || calendar.getUTCMonth() !== mo - 1 || calendar.getUTCDate() !== d) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59)) return null;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A positive span for --older-than; a usage error naming the flag otherwise. */
export function parsePositiveSpan(flag: string, text: string): number {
  const ms = checkDuration(text, { examples: '400d, 52w, 36h' });
  if (typeof ms === 'string') throw new UsageError(`${flag} "${text}" ${ms}`);
  return ms;
}

/**
 * `--since` and `--until` of `history` and `changes`: the same default (30 days back), the same
 * grammar, and --since never after --until.
 */
export function parseRange(sinceText: string | undefined, untilText: string | undefined, now: Date): { since: Date; until: Date } {
  const since = parseMoment('--since', sinceText ?? DEFAULT_SINCE, now);
  const until = untilText === undefined ? now : parseMoment('--until', untilText, now);
  if (since.getTime() > until.getTime()) throw new UsageError(`--since (${since.toISOString()}) is after --until (${until.toISOString()})`);
  return { since, until };
}

/** How far back `history` and `changes` look when --since is not given. */
export const DEFAULT_SINCE = '30d';
