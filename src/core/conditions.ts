// Balance conditions users write: which balances (a selector) and a level to compare with.
// Used by `watch --below/--above/--until` and the config's `alerts:` section (docs/commands/watch.md).
//
//   selector  := [account ":"] code ["@" network]     e.g. USDT, syncpay:USDT, USDT@tron, USDT_TRC20
//   level     := selector "=" amount                  (--below, --above)
//   condition := selector op amount                   (--until), op: >= > <= < =
//   amount    := plain decimal: digits, optional fraction, optional leading minus; no exponent
//
// A code is a canonical symbol (USDT) or a provider code (USDT_TRC20, usdttrc20, which pins the
// network the way `--currency` does). What is compared is always the `available` amount, summed
// over every matching balance (all wallets and networks, and all watched accounts unless the
// selector names one). Unknown is never zero: if any matching balance has no available figure,
// or nothing matches, the sum is unknown (null) and a condition on it neither holds nor fails.
import { canonicalCurrency, canonicalNetwork, knownNetworkNames } from './currencies.js';
import { didYouMean } from './suggest.js';
import { ACCOUNT_NAME, CURRENCY_CODE, NETWORK_NAME } from './names.js';
import { Decimal, exactPlus, formatDecimal, parseUserDecimal } from './money.js';

export interface Selector {
  /** Only this account; null = every watched account. */
  account: string | null;
  /** The code as typed, upper-cased (USDT, USDT_TRC20). */
  code: string;
  /** Canonical symbol the code stands for (USDT). */
  currency: string;
  /** Network the selector pins (from `@network` or the code's suffix), else null = any network. */
  network: string | null;
}

export type Comparator = '>=' | '>' | '<=' | '<' | '=';

export interface Condition {
  selector: Selector;
  op: Comparator;
  amount: Decimal;
  /** Normalized text for messages: "syncpay:USDT@tron >= 500". */
  text: string;
}

/** The balance fields a selector looks at (a structural subset of Balance). */
export interface Matchable {
  account: string;
  currency: string;
  network: string | null;
  providerCurrency: string;
  available: Decimal | null;
  scale: number;
  /** Set by the sanity boundary: such a figure is unknown to every condition (never fires --until). */
  inconsistent?: readonly unknown[] | undefined;
}

const OPERATOR = /^(.*?)\s*(>=|<=|>|<|=)\s*(.*)$/;

/** Parse a selector; returns an error text (what is wrong, what was expected) on failure. */
export function parseSelector(text: string): Selector | { error: string } {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  const account = colon === -1 ? null : trimmed.slice(0, colon);
  const rest = colon === -1 ? trimmed : trimmed.slice(colon + 1);
  if (account !== null && !ACCOUNT_NAME.test(account)) return { error: `"${account}" is not an account name` };
  const at = rest.indexOf('@');
  const code = at === -1 ? rest : rest.slice(0, at);
  const networkText = at === -1 ? null : rest.slice(at + 1);
  if (!CURRENCY_CODE.test(code)) return { error: `"${code}" is not a currency code; expected e.g. USDT or USDT_TRC20` };
  if (networkText !== null && !NETWORK_NAME.test(networkText)) return { error: `"${networkText}" is not a network name; expected e.g. tron` };
  return selectorOf(account, code, networkText);
}

/** A selector for a currency code alone (what `--currency` takes); never fails. */
export function codeSelector(code: string, account: string | null = null): Selector {
  const upper = code.trim().toUpperCase();
  const canonical = canonicalCurrency(upper);
  // A provider code with a network suffix (USDT_TRC20) pins the network; a symbol (USDT, BTC) does not.
  return { account, code: upper, currency: canonical.currency, network: upper !== canonical.currency ? canonical.network : null };
}

/**
 * A network name we do not know passes (a provider may name a chain we have not listed), unless it
 * is a near miss of one we know: `tronn` is a typo for `tron`, not a chain that no one has.
 */
export function networkTypo(text: string): string | null {
  const names = knownNetworkNames();
  if (names.includes(text.trim().toLowerCase())) return null;
  const hint = didYouMean(text, names);
  return hint === '' ? null : `"${text}" is not a network we know${hint}`;
}

/** Build a selector from parts (the config's alerts use separate keys). */
export function selectorOf(account: string | null, code: string, networkText: string | null): Selector | { error: string } {
  const typo = networkText === null ? null : networkTypo(networkText);
  if (typo !== null) return { error: typo };
  const selector = codeSelector(code, account);
  const stated = canonicalNetwork(networkText);
  if (stated !== null && selector.network !== null && stated !== selector.network) {
    return { error: `${selector.code} is on ${selector.network}, not ${stated}; give the symbol (${selector.currency}@${stated}) or drop @${networkText}` };
  }
  return { ...selector, network: stated ?? selector.network };
}

/** `[account:]CODE[@network]=AMOUNT` (the --below/--above form). */
export function parseLevel(text: string): { selector: Selector; amount: Decimal } | { error: string } {
  const eq = text.lastIndexOf('=');
  if (eq === -1) return { error: 'expected [account:]CURRENCY[@network]=AMOUNT, e.g. USDT=100' };
  const selector = parseSelector(text.slice(0, eq));
  if ('error' in selector) return selector;
  const amount = parseAmountText(text.slice(eq + 1));
  return 'error' in amount ? amount : { selector, amount: amount.value };
}

/** `[account:]CODE[@network] OP AMOUNT` (the --until form). */
export function parseCondition(text: string): Condition | { error: string } {
  const match = OPERATOR.exec(text.trim());
  if (!match) return { error: 'expected [account:]CURRENCY[@network]>=AMOUNT (or >, <=, <, =), e.g. USDT>=500' };
  const [, left = '', op = '=', right = ''] = match;
  if (/[<>=]/.test(right)) return { error: `more than one comparison in "${text}"` };
  const selector = parseSelector(left);
  if ('error' in selector) return selector;
  const amount = parseAmountText(right);
  if ('error' in amount) return amount;
  const comparator = op as Comparator;
  return { selector, op: comparator, amount: amount.value, text: `${describeSelector(selector)} ${comparator} ${right.trim()}` };
}

function parseAmountText(text: string): { value: Decimal } | { error: string } {
  const value = parseUserDecimal(text);
  if (value === null) return { error: `"${text.trim()}" is not a plain decimal amount; expected e.g. 100 or 0.5 (no exponent, sign or separators)` };
  return { value };
}

export function describeSelector(s: Selector): string {
  return `${s.account === null ? '' : `${s.account}:`}${s.code}${s.network !== null && s.code === s.currency ? `@${s.network}` : ''}`;
}

/** Does this balance belong to the selector? Same rules as `--currency` (docs/commands/balances.md). */
export function selectorMatches(s: Selector, b: Matchable): boolean {
  if (s.account !== null && b.account !== s.account) return false;
  return matchesCode(s, b);
}

/** The currency part of a selector alone (`--currency` filters use it too). */
export function matchesCode(s: Pick<Selector, 'code' | 'currency' | 'network'>, b: Omit<Matchable, 'account' | 'available' | 'scale'>): boolean {
  const networkOk = s.network === null || b.network === s.network;
  // A provider's own code names the balance exactly, unless the code is a bare symbol (USDT) that
  // an explicit @network narrows: then Flow's "USDT" on ethereum is not USDT@tron.
  if (b.providerCurrency.toUpperCase() === s.code && (s.code !== s.currency || networkOk)) return true;
  return b.currency === s.currency && networkOk;
}

export interface Aggregate {
  /** The sum of `available` over matching balances; null when unknown. */
  amount: Decimal | null;
  /** Decimals to print the sum with (the widest of its parts). */
  scale: number;
  matched: number;
}

export function sumAvailable(s: Selector, balances: Iterable<Matchable>): Aggregate {
  let amount: Decimal | null = new Decimal(0);
  let scale = 0;
  let matched = 0;
  for (const b of balances) {
    if (!selectorMatches(s, b)) continue;
    matched++;
    scale = Math.max(scale, b.scale);
    amount = amount === null || b.available === null || b.inconsistent ? null : exactPlus(amount, b.available);
  }
  return { amount: matched === 0 ? null : amount, scale, matched };
}

export function compare(value: Decimal, op: Comparator, level: Decimal): boolean {
  const c = value.comparedTo(level);
  switch (op) {
    case '>=':
      return c >= 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '<':
      return c < 0;
    case '=':
      return c === 0;
  }
}

export function formatAggregate(a: Aggregate): string | null {
  return a.amount === null ? null : formatDecimal(a.amount, a.scale);
}

/** An alert level: fires when the available sum goes below (or above) `level`, again on recovery. */
export interface ThresholdRule {
  /** The config's alert name, or the flag as typed ("--below USDT=100"). */
  name: string;
  kind: 'below' | 'above';
  selector: Selector;
  level: Decimal;
  /** The level as written, for events ("100.00" stays "100.00"). */
  levelText: string;
}

/** Is the amount on the alerting side of the rule's level? (Equal to the level is not.) */
export function breaches(rule: Pick<ThresholdRule, 'kind' | 'level'>, amount: Decimal): boolean {
  return compare(amount, rule.kind === 'below' ? '<' : '>', rule.level);
}
