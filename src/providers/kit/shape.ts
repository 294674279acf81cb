// Small readers for provider responses. Each names the JSON path it was reading, so a changed
// API yields "data[1].balance: expected a decimal amount, got null" instead of a crash.
import { parseAmount, type ParsedAmount } from '../../core/money.js';
import { isLosslessNumber } from '../../core/json.js';
import { BadResponseError } from '../../core/errors.js';

export class ShapeError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (isLosslessNumber(value)) return `the number ${value.value.slice(0, 40)}`;
  if (typeof value === 'string') return `"${value.slice(0, 40)}${value.length > 40 ? '…' : ''}"`;
  return `a ${typeof value}`;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isLosslessNumber(value);
}

export function obj(value: unknown, path: string): Record<string, unknown> {
  if (!isObject(value)) throw new ShapeError(path, `expected an object, got ${describe(value)}`);
  return value;
}

export function arr(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(path, `expected an array, got ${describe(value)}`);
  return value;
}

export function str(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') throw new ShapeError(path, `expected a non-empty string, got ${describe(value)}`);
  return value;
}

export function optStr(value: unknown, path: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new ShapeError(path, `expected a string, got ${describe(value)}`);
  return value;
}

export function amount(value: unknown, path: string): ParsedAmount {
  const parsed = parseAmount(value);
  if ('error' in parsed) throw new ShapeError(path, `expected a decimal amount, got ${parsed.error}`);
  return parsed;
}

export function optAmount(value: unknown, path: string): ParsedAmount | null {
  return value === undefined || value === null ? null : amount(value, path);
}

/** Non-money whole numbers (asset decimals, list totals, token lifetimes), null when absent. */
export function optInt(value: unknown, path: string, maxDigits = 3): number | null {
  if (value === undefined || value === null) return null;
  const text = isLosslessNumber(value) ? value.value : typeof value === 'string' ? value : null;
  if (text === null || !new RegExp(`^\\d{1,${maxDigits}}$`).test(text)) throw new ShapeError(path, `expected a whole number, got ${describe(value)}`);
  return Number(text);
}

/** A provider's free-text field for messages: a non-blank string, else undefined. */
export function optText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** ISO timestamps, kept as the provider wrote them when they parse as a date. */
export function optTimestamp(value: unknown, path: string): string | null {
  const text = optStr(value, path);
  if (text === null) return null;
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw new ShapeError(path, `expected an ISO timestamp, got ${describe(text)}`);
  return new Date(time).toISOString();
}

/** The largest scale among parsed amounts, so a record prints all its amounts consistently. */
export function scaleOf(...amounts: Array<ParsedAmount | null>): number {
  return Math.max(0, ...amounts.map((a) => a?.scale ?? 0));
}

/**
 * The user-facing error for a body that does not match the provider's documented shape, naming
 * the provider, what was read (a wallet, a customer) when it is not the whole account, the
 * account, and the JSON path that failed.
 */
export function badShapeError(provider: string, account: string, error: ShapeError, resource?: string, hint?: string): BadResponseError {
  const subject = resource ? `${resource} of account '${account}'` : `account '${account}'`;
  return new BadResponseError(`${provider} sent a response for ${subject} that does not match its documented shape: ${error.message}`, {
    code: 'BAD_SHAPE',
    hint: hint ?? 'the provider may have changed its API; --debug shows the request',
  });
}

/** A list setting of the account config (already validated, trimmed and de-duplicated there). */
export function listSetting(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
