// One parser for "what payout is asked": the currency selector, the amount and the network, as
// single `can-withdraw` takes them from its arguments and `--batch` from each row of a file. Both
// say the same things about the same mistakes; only the name of where the network or the account
// should have been written differs (`--network` / the `network` column).
import { networkTypo, parseSelector } from './conditions.js';
import { canonicalNetwork } from './currencies.js';
import { SELECTOR_HINT } from './currency-filter.js';
import { UsageError } from './errors.js';
import { fractionDigits, parseUserDecimal } from './money.js';
import type { WithdrawalRequest } from './withdrawal.js';

export interface RequestText {
  currency: string;
  amount: string;
  network?: string | undefined;
}

/** Where the request was written: the command line, a row of a `--batch` file, or a library call. */
export type RequestSource = 'arguments' | 'batch' | 'library';

const WORDING = {
  arguments: { network: '--network', account: 'can-withdraw takes the account from --account' },
  batch: { network: 'network', account: 'put the account in the account column, not in the currency' },
  library: { network: 'network', account: 'canWithdraw takes the account from the accounts option' },
} as const;

/** Validate a request; malformed amounts and codes are UsageErrors (exit 2). */
export function parseWithdrawalRequest(query: RequestText, source: RequestSource = 'arguments'): WithdrawalRequest {
  const { currency, network: networkArg } = query;
  const words = WORDING[source];
  const amountText = query.amount.trim();
  const amount = amountText.startsWith('-') ? null : parseUserDecimal(amountText);
  if (amount === null) {
    throw new UsageError(`amount "${query.amount}" is not a plain decimal; write it like 250 or 0.015 (no exponent, sign, spaces or thousands separators)`);
  }
  // The selector grammar of --currency and watch (one rule for typed codes), without the account:
  // can-withdraw takes accounts from --account (a batch row: from its account column).
  const selector = parseSelector(currency);
  if ('error' in selector) throw new UsageError(`currency "${currency}": ${selector.error}`, source === 'arguments' ? SELECTOR_HINT : undefined);
  if (selector.account !== null) {
    const hint =
      source === 'arguments'
        ? `e.g. can-withdraw ${currency.slice(currency.indexOf(':') + 1)} ${amountText} --account ${selector.account}`
        : `e.g. { accounts: ['${selector.account}'] }`;
    throw new UsageError(`currency "${currency}": ${words.account}`, source === 'batch' ? undefined : hint);
  }
  if (amount.isZero()) throw new UsageError('amount must be greater than 0');
  let network = selector.network;
  if (networkArg !== undefined) {
    const typo = networkTypo(networkArg);
    if (typo !== null) throw new UsageError(`${words.network} ${typo}`);
    const stated = canonicalNetwork(networkArg);
    if (network !== null && stated !== network) throw new UsageError(`${words.network} ${networkArg} contradicts ${currency}, which is on ${network}`);
    network = stated;
  }
  const input = currency.split('@')[0]?.trim() ?? currency;
  return { input, currency: selector.currency, network, amount, amountDecimals: fractionDigits(amountText) };
}
