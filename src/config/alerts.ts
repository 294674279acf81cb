// The config's `alerts:` section: named threshold rules `watch` evaluates next to --below/--above.
//
//   alerts:
//     low-usdt:   { currency: USDT, below: "100" }                  # all watched accounts together
//     sync-tron:  { account: syncpay, currency: USDT, network: tron, below: "50", above: "10000" }
//
// Amounts are quoted plain decimals, like every amount in the config. There is deliberately no
// `exec` here: a config is data and never runs anything; `--exec` exists only on the command line.
import { selectorOf, type ThresholdRule } from '../core/conditions.js';
import { parseUserDecimal } from '../core/money.js';
import { ACCOUNT_NAME, ACCOUNT_NAME_RULE, CURRENCY_CODE, NETWORK_NAME } from '../core/names.js';
import { didYouMean } from '../core/suggest.js';
import { checkField, checkKeys, describeValue, isPlainObject } from './fields.js';

const RULE_KEYS = ['currency', 'network', 'account', 'below', 'above'];

/** Validate `alerts:` (pushing path-named problems) and return its rules. */
export function validateAlerts(value: unknown, accountNames: string[], problems: string[]): ThresholdRule[] {
  const rules: ThresholdRule[] = [];
  if (value === undefined) return rules;
  if (!isPlainObject(value)) {
    problems.push(`alerts: expected a mapping of alert names to { currency, below and/or above }, got ${describeValue(value)}`);
    return rules;
  }
  for (const [name, raw] of Object.entries(value)) {
    const path = `alerts.${name}`;
    if (!ACCOUNT_NAME.test(name)) {
      problems.push(`${path}: alert names may use ${ACCOUNT_NAME_RULE}`);
      continue;
    }
    if (!isPlainObject(raw)) {
      problems.push(`${path}: expected a mapping like { currency: USDT, below: "100" }, got ${describeValue(raw)}`);
      continue;
    }
    rules.push(...validateRule(name, raw, accountNames, problems));
  }
  return rules;
}

function validateRule(name: string, raw: Record<string, unknown>, accountNames: string[], problems: string[]): ThresholdRule[] {
  const path = `alerts.${name}`;
  const before = problems.length;
  checkKeys(raw, RULE_KEYS, `${path}.`, problems);
  if (raw.currency === undefined) problems.push(`${path}.currency: missing; expected a symbol like USDT or a provider code like USDT_TRC20`);
  else
    checkField(
      { kind: 'string', pattern: CURRENCY_CODE, patternHint: 'a symbol like USDT or a provider code like USDT_TRC20' },
      raw.currency,
      `${path}.currency`,
      problems,
    );
  if (raw.network !== undefined)
    checkField({ kind: 'string', pattern: NETWORK_NAME, patternHint: 'a network name like tron' }, raw.network, `${path}.network`, problems);
  if (raw.account !== undefined) {
    checkField({ kind: 'string' }, raw.account, `${path}.account`, problems);
    if (typeof raw.account === 'string' && accountNames.length > 0 && !accountNames.includes(raw.account)) {
      problems.push(`${path}.account: no account named '${raw.account}'${didYouMean(raw.account, accountNames)}`);
    }
  }
  if (raw.below === undefined && raw.above === undefined) problems.push(`${path}: expected below: "<amount>" and/or above: "<amount>"`);
  const levels: Array<['below' | 'above', string]> = [];
  for (const kind of ['below', 'above'] as const) {
    const level = raw[kind];
    if (level === undefined) continue;
    const count = problems.length;
    checkField({ kind: 'decimal' }, level, `${path}.${kind}`, problems);
    if (problems.length === count && typeof level === 'string') levels.push([kind, level.trim()]);
  }
  if (problems.length > before) return [];

  const selector = selectorOf(
    typeof raw.account === 'string' ? raw.account : null,
    raw.currency as string,
    typeof raw.network === 'string' ? raw.network : null,
  );
  if ('error' in selector) {
    problems.push(`${path}.network: ${selector.error}`);
    return [];
  }
  const rules = levels.map(([kind, text]): ThresholdRule => ({ name, kind, selector, level: parseUserDecimal(text)!, levelText: text }));
  const below = rules.find((r) => r.kind === 'below');
  const above = rules.find((r) => r.kind === 'above');
  if (below && above && !below.level.lessThan(above.level)) {
    // below 100 + above 50 would be "always alerting": almost certainly swapped.
    problems.push(`${path}: below (${below.levelText}) must be lower than above (${above.levelText})`);
    return [];
  }
  return rules;
}
