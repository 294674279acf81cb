// Exact money. Amounts are decimal.js values inside the tool and plain decimal strings outside it;
// no amount ever passes through a JS number. A private Decimal clone with 100 significant digits
// keeps products like 18-decimal balances × 8-decimal rates exact, and never prints exponents.
import { Decimal as DecimalLib } from 'decimal.js';
import { isLosslessNumber } from 'lossless-json';

export const Decimal = DecimalLib.clone({
  precision: 100,
  rounding: DecimalLib.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Decimal = InstanceType<typeof Decimal>;

/**
 * For exact + − × of any size. decimal.js rounds every result to its precision (100 digits above),
 * so a 150-digit amount would be summed with silent rounding; addition and multiplication cost the
 * same whatever the precision (only division and roots grow with it), so these three run with the
 * largest precision decimal.js allows and hand back an ordinary Decimal. Never divide with `Wide`.
 */
const Wide = DecimalLib.clone({ precision: 1e9, rounding: DecimalLib.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });
type Operand = Decimal | string | number;

export function exactPlus(a: Decimal, b: Operand): Decimal {
  return new Decimal(new Wide(a).plus(b));
}

export function exactMinus(a: Decimal, b: Operand): Decimal {
  return new Decimal(new Wide(a).minus(b));
}

export function exactTimes(a: Decimal, b: Operand): Decimal {
  return new Decimal(new Wide(a).times(b));
}

/** A plain decimal string: optional minus, digits, optional fraction. No exponent, no plus, no spaces. */
const PLAIN_DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
/** JSON number text, which may carry an exponent (Python services send 1e-08). */
const JSON_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
/** Exponents beyond this are not money; `1e400` is rejected rather than silently accepted. */
const MAX_EXPONENT = 60;

export interface ParsedAmount {
  value: Decimal;
  /** Fraction digits as written by the provider, so "1250.50" prints back as "1250.50". */
  scale: number;
}

/**
 * Parse an amount the way a provider sent it: a decimal string or a lossless JSON number.
 * Returns null with a reason when the value is not an exact finite decimal.
 */
export function parseAmount(input: unknown): ParsedAmount | { error: string } {
  let text: string;
  let allowExponent = false;
  if (typeof input === 'string') {
    text = input.trim();
  } else if (isLosslessNumber(input)) {
    text = input.value;
    allowExponent = true;
  } else if (typeof input === 'number') {
    // Only reachable from non-lossless callers (tests, library users): refuse rather than guess.
    return { error: 'a JS number (precision may already be lost); pass a decimal string' };
  } else {
    return { error: `${describeType(input)} instead of a decimal amount` };
  }
  if (text === '') return { error: 'an empty string instead of a decimal amount' };
  const pattern = allowExponent ? JSON_NUMBER : PLAIN_DECIMAL;
  if (!pattern.test(text)) return { error: `"${truncate(text)}" is not a plain decimal amount` };
  const exponentMatch = /[eE]([+-]?[0-9]+)$/.exec(text);
  if (exponentMatch && Math.abs(Number(exponentMatch[1])) > MAX_EXPONENT) {
    return { error: `"${truncate(text)}" is out of range for an amount` };
  }
  let value = new Decimal(text);
  if (value.isZero()) value = new Decimal(0); // "-0" is zero; never print a negative zero.
  return { value, scale: exponentMatch ? value.decimalPlaces() : fractionDigits(text) };
}

/** Parse a decimal the user typed (CLI argument or config value): plain decimal strings only. */
export function parseUserDecimal(text: string): Decimal | null {
  const trimmed = text.trim();
  if (!PLAIN_DECIMAL.test(trimmed)) return null;
  const value = new Decimal(trimmed);
  return value.isZero() ? new Decimal(0) : value;
}

/** Fraction digits of a plain decimal string as written ("10.50" → 2). */
export function fractionDigits(text: string): number {
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/** Format without exponent and without losing digits, padding to at least `minScale` decimals. */
export function formatDecimal(value: Decimal, minScale = 0): string {
  const scale = Math.max(minScale, value.decimalPlaces());
  const text = value.toFixed(scale);
  return text === '-0' || /^-0\.0*$/.test(text) ? text.slice(1) : text;
}

/** USD for people: cents, half-up; tiny non-zero values show as "<0.01" instead of a false zero. */
export function formatUsdForPeople(value: Decimal): string {
  const rounded = value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  if (rounded.isZero() && !value.isZero()) return value.isNegative() ? '>-0.01' : '<0.01';
  return formatDecimal(rounded, 2);
}

/** Group the integer part of a plain decimal string with commas, for tables only. */
export function groupThousands(text: string): string {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const intPart = dot === -1 ? body : body.slice(0, dot);
  const rest = dot === -1 ? '' : body.slice(dot);
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + rest;
}

/** The exact sum, whatever the size of the values (see `Wide`). */
export function sumDecimals(values: Decimal[]): Decimal {
  return new Decimal(values.reduce((acc, v) => acc.plus(v), new Wide(0)));
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
