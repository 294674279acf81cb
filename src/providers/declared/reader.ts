// Reading one mapping of a declaration: each getter checks one key and records a problem line
// (`providers.nimbus.balances.currency: expected a JSONPath, got "asset" (…)`) instead of
// throwing, so `config check` reports every problem of a declaration at once.
import { forTerminal } from '../../core/sanitize.js';
import { checkKeys } from '../../core/config-keys.js';
import { didYouMean } from '../../core/suggest.js';
import { compilePath, type JsonPath } from './jsonpath.js';

/** A query parameter name a declaration may use (auth, paging, static query). */
export const QUERY_NAME = /^[A-Za-z0-9_.~[\]-]{1,64}$/;

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${forTerminal(value, 60)}"`;
  return `a ${typeof value}`;
}

export class Reader {
  private constructor(
    readonly value: Record<string, unknown>,
    readonly path: string,
    readonly problems: string[],
  ) {}

  /** A reader over `value` when it is a mapping; else the problem is recorded and null returned. */
  static of(value: unknown, path: string, problems: string[], expected: string): Reader | null {
    if (isMapping(value)) return new Reader(value, path, problems);
    problems.push(`${path}: expected ${expected}, got ${describe(value)}`);
    return null;
  }

  problem(key: string | null, text: string): void {
    this.problems.push(`${key === null ? this.path : this.at(key)}: ${text}`);
  }

  at(key: string): string {
    return `${this.path}.${key}`;
  }

  /** Unknown keys are problems (with a suggestion), so a typo never silently drops a setting. */
  allowKeys(allowed: readonly string[]): void {
    checkKeys(this.value, allowed, `${this.path}.`, this.problems);
  }

  has(key: string): boolean {
    return this.value[key] !== undefined;
  }

  /** A mapping under `key`, or null (missing is a problem only when `required`). */
  child(key: string, expected: string, required = false): Reader | null {
    if (!this.has(key)) {
      if (required) this.problem(key, `missing; expected ${expected}`);
      return null;
    }
    return Reader.of(this.value[key], this.at(key), this.problems, expected);
  }

  /** A non-empty string without control characters, matching `pattern` when given. */
  string(key: string, options: { required?: string; pattern?: RegExp; expected?: string } = {}): string | null {
    const value = this.value[key];
    if (value === undefined) {
      if (options.required) this.problem(key, `missing; expected ${options.required}`);
      return null;
    }
    const expected = options.expected ?? 'a string';
    if (typeof value !== 'string' || value.trim() === '') return this.refuse(key, expected, value);
    if (/[\u0000-\u001f\u007f]/.test(value) || /\$\{/.test(value)) return this.refuse(key, `${expected} (without control characters or \${VAR})`, value);
    if (options.pattern && !options.pattern.test(value)) return this.refuse(key, expected, value);
    return value;
  }

  /** A compiled JSONPath; `required` names what it selects, for the "missing" line. */
  jsonPath(key: string, required?: string): JsonPath | null {
    const value = this.value[key];
    if (value === undefined) {
      if (required) this.problem(key, `missing; expected a JSONPath to ${required}`);
      return null;
    }
    if (typeof value !== 'string') return this.refuse(key, 'a JSONPath (a string such as $.data[*])', value);
    const compiled = compilePath(value);
    if (typeof compiled === 'string') {
      this.problem(key, `expected a JSONPath, got ${describe(value)} (${compiled})`);
      return null;
    }
    return compiled;
  }

  /** A whole number in [min, max]; YAML numbers and quoted digits are both fine (counts, not money). */
  int(key: string, min: number, max: number, what = 'a whole number'): number | null {
    const value = this.value[key];
    if (value === undefined) return null;
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
    const n = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
    if (!(n >= min && n <= max)) return this.refuse(key, `${what} from ${min} to ${max}`, value);
    return n;
  }

  oneOf<T extends string>(key: string, values: readonly T[], fallback: T | null): T | null {
    const value = this.value[key];
    if (value === undefined) {
      if (fallback === null) this.problem(key, `missing; expected one of ${values.join(', ')}`);
      return fallback;
    }
    const found = values.find((v) => v === value);
    if (found !== undefined) return found;
    const text = typeof value === 'string' ? value : '';
    this.problem(key, `${describe(value)} is not one of ${values.join(', ')}${didYouMean(text, values)}`);
    return null;
  }

  private refuse(key: string, expected: string, value: unknown): null {
    const hint = typeof value === 'number' && !Number.isInteger(value) ? ' (quote it, so no digits are lost)' : '';
    this.problem(key, `expected ${expected}, got ${describe(value)}${hint}`);
    return null;
  }
}
