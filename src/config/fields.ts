// A tiny declarative checker for config values. zod would cost ~50 ms of start-up on every
// `can-withdraw`; the config has a dozen keys, so a table of field specs does the job.
import { parseUserDecimal } from '../core/money.js';
import { UNSAFE_CHARACTER, forTerminal } from '../core/sanitize.js';
import { didYouMean } from '../core/suggest.js';
import { baseUrlProblem } from '../http/url-policy.js';
import type { FieldSpec } from '../providers/catalog.js';
import { segmentProblem } from '../providers/kit/path-segment.js';

export type { FieldSpec } from '../providers/catalog.js';

/**
 * Ids a provider puts in a request path (a field with pathSegments) pass the kit's path-segment
 * check, each `/`-separated part on its own (Swipelux's customerId/walletId): the same check the
 * paginator runs on ids a provider's list names. Other ids and codes (sent in a query or a body)
 * only may not be a path step or hold control or invisible characters.
 */
function idProblem(id: string, pathSegments: boolean): string | null {
  if (pathSegments)
    return (
      id
        .split('/')
        .map(segmentProblem)
        .find((problem) => problem !== null) ?? null
    );
  if (id === '.' || id === '..') return 'is a path step, not an id';
  if (new RegExp(UNSAFE_CHARACTER.source, 'u').test(id)) return 'contains control or invisible characters';
  return null;
}

/** Placeholders are allowed only where a secret belongs (see docs/security.md). */
export const PLACEHOLDER = /\$\{([^}]*)\}/g;
export const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export { checkKeys } from '../core/config-keys.js';

/** Check one value against its spec; push a problem line (path: what; expected …) when it fails. */
export function checkField(spec: FieldSpec, value: unknown, path: string, problems: string[]): void {
  // The string value, or null after recording why it is not one.
  const asString = (): string | null => {
    if (typeof value === 'string') return value;
    const hint = typeof value === 'number' ? ' (quote it, so no digits are lost)' : '';
    problems.push(`${path}: expected a string, got ${describeValue(value)}${hint}`);
    return null;
  };
  if (spec.kind !== 'secret' && typeof value === 'string' && /\$\{/.test(value)) {
    problems.push(`${path}: \${VAR} placeholders are only allowed in apiKey, apiKeyFile, clientId and clientSecret`);
    return;
  }
  const text = spec.kind === 'stringList' ? null : asString();
  if (text === null && spec.kind !== 'stringList') return;
  switch (spec.kind) {
    case 'string':
      if (spec.pattern && !spec.pattern.test(text ?? '')) {
        problems.push(`${path}: "${text}" is not valid; expected ${spec.patternHint ?? spec.pattern.source}`);
      }
      return;
    case 'secret':
      if ((text ?? '').trim() === '') problems.push(`${path}: is empty`);
      for (const match of (text ?? '').matchAll(PLACEHOLDER)) {
        if (!VAR_NAME.test(match[1] ?? '')) {
          problems.push(`${path}: "\${${match[1]}}" is not a valid variable name; expected \${NAME} with letters, digits and _`);
        }
      }
      return;
    case 'url': {
      // Where a key may be sent: https, or http to loopback only; no user info (url-policy.ts).
      const problem = baseUrlProblem(text ?? '');
      if (problem) problems.push(`${path}: ${problem}`);
      return;
    }
    case 'enum':
      if (!spec.values.includes(text ?? '')) {
        problems.push(`${path}: "${text}" is not one of ${spec.values.join(', ')}${didYouMean(text ?? '', spec.values)}`);
      }
      return;
    case 'stringList':
      if (!Array.isArray(value)) problems.push(`${path}: expected a list of strings, got ${describeValue(value)}`);
      else {
        value.forEach((item, i) => {
          if (typeof item !== 'string' || item.trim() === '') {
            problems.push(`${path}[${i}]: expected a non-empty string, got ${describeValue(item)}`);
          } else {
            const problem = idProblem(item.trim(), spec.pathSegments === true);
            if (problem) problems.push(`${path}[${i}]: "${forTerminal(item.trim(), 40)}" ${problem}`);
          }
        });
      }
      return;
    case 'decimal': {
      const parsed = parseUserDecimal(text ?? '');
      if (!parsed) problems.push(`${path}: "${text}" is not a decimal; expected e.g. "0.00065"`);
      else if (spec.positive && !(parsed.isPositive() && !parsed.isZero())) problems.push(`${path}: expected a positive decimal, got "${text}"`);
      return;
    }
  }
}
