// The config's per-currency maps: `rates:`, and per account `minimums:`, `reserves:` and
// `decimals:`. Keys are currency codes; two keys that name one currency (`NGN` and `ngn`) are a
// problem, never "the last one wins" (core/duplicates.ts).
import { parseUserDecimal, type Decimal } from '../core/money.js';
import { codeIdentity, repeatedIdentities } from '../core/duplicates.js';
import { CURRENCY_CODE } from '../core/names.js';
import { didYouMean } from '../core/suggest.js';
import { checkField, describeValue, isPlainObject } from './fields.js';

export function decimalMap(value: unknown, path: string, problems: string[]): Map<string, Decimal> {
  const result = new Map<string, Decimal>();
  if (value === undefined) return result;
  if (!isPlainObject(value)) {
    problems.push(`${path}: expected a mapping of currency to decimal string, got ${describeValue(value)}`);
    return result;
  }
  const repeated = repeatedCodes(value, path, problems);
  for (const [currency, amount] of Object.entries(value)) {
    const itemPath = `${path}.${currency}`;
    if (repeated.has(currency)) continue;
    if (!CURRENCY_CODE.test(currency)) {
      problems.push(`${itemPath}: "${currency}" is not a currency code; expected e.g. USDT or NGN`);
      continue;
    }
    const before = problems.length;
    checkField({ kind: 'decimal', positive: true }, amount, itemPath, problems);
    const parsed = typeof amount === 'string' ? parseUserDecimal(amount) : null;
    if (problems.length === before && parsed) result.set(currency.toUpperCase(), parsed);
  }
  return result;
}

/** `minimums:` and `reserves:`: account → currency code → a quoted positive amount. */
export function amountsPerAccount(value: unknown, section: string, accountNames: string[], problems: string[]): Map<string, Map<string, Decimal>> {
  const result = new Map<string, Map<string, Decimal>>();
  if (value === undefined) return result;
  if (!isPlainObject(value)) {
    problems.push(`${section}: expected a mapping of account name to { CURRENCY: "amount" }, got ${describeValue(value)}`);
    return result;
  }
  for (const [account, perCurrency] of Object.entries(value)) {
    if (accountNames.length > 0 && !accountNames.includes(account)) {
      problems.push(`${section}.${account}: no account named '${account}'${didYouMean(account, accountNames)}`);
      continue;
    }
    result.set(account, decimalMap(perCurrency, `${section}.${account}`, problems));
  }
  return result;
}

/**
 * Keys of a currency map that name one currency twice (`NGN` and `ngn`, `USDT_TRC20` and
 * `usdttrc20`): each is a problem, since which value was meant is not known (core/duplicates.ts).
 */
function repeatedCodes(map: Record<string, unknown>, path: string, problems: string[]): Set<string> {
  const keys = Object.keys(map);
  const groups = repeatedIdentities(keys, codeIdentity);
  const seen = new Set<readonly number[]>();
  for (const group of groups.values()) {
    if (seen.has(group)) continue;
    seen.add(group);
    const names = group.map((i) => `${path}.${keys[i] ?? ''}`);
    problems.push(`${names.join(' and ')}: the same currency ${group.length === 2 ? 'twice' : `${group.length} times`}; keep one`);
  }
  return new Set([...groups.keys()].map((i) => keys[i] ?? ''));
}

/** Decimals are a count, not money, so a bare number is fine: a whole number 0–36 (or quoted). */
const DECIMALS = /^(0|[1-9][0-9]?)$/;

export function validateDecimals(value: unknown, accountNames: string[], problems: string[]): Map<string, Map<string, number>> {
  const result = new Map<string, Map<string, number>>();
  if (value === undefined) return result;
  if (!isPlainObject(value)) {
    problems.push(`decimals: expected a mapping of account name to { CURRENCY: decimals }, got ${describeValue(value)}`);
    return result;
  }
  for (const [account, perCurrency] of Object.entries(value)) {
    const path = `decimals.${account}`;
    if (accountNames.length > 0 && !accountNames.includes(account)) {
      problems.push(`${path}: no account named '${account}'${didYouMean(account, accountNames)}`);
      continue;
    }
    if (!isPlainObject(perCurrency)) {
      problems.push(`${path}: expected a mapping of currency code to decimals, e.g. { USDTPOLYGON: 6 }, got ${describeValue(perCurrency)}`);
      continue;
    }
    const map = new Map<string, number>();
    const repeated = repeatedCodes(perCurrency, path, problems);
    for (const [currency, count] of Object.entries(perCurrency)) {
      if (repeated.has(currency)) continue;
      if (!CURRENCY_CODE.test(currency)) {
        problems.push(`${path}.${currency}: "${currency}" is not a currency code; expected e.g. USDT or USDTPOLYGON`);
        continue;
      }
      const text = typeof count === 'number' ? String(count) : typeof count === 'string' ? count.trim() : null;
      if (text === null || !DECIMALS.test(text) || Number(text) > 36) {
        problems.push(
          `${path}.${currency}: expected a whole number of decimals from 0 to 36, got ${typeof count === 'string' ? `"${count}"` : describeValue(count)}`,
        );
        continue;
      }
      map.set(currency.toUpperCase(), Number(text));
    }
    result.set(account, map);
  }
  return result;
}
