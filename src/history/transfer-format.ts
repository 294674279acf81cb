// The line format of `history export` and `history import` (schema/history-export.v1.json): one
// JSON object per line, one account read per line, in time order per account:
//   {"at":"2026-11-02T09:00:00.000Z","account":"syncpay","provider":"syncpay","mode":"live",
//    "error":null,"balances":[…as balances --json shows them…],"gone":[{wallet,currency,…}]}
// It is the change log itself: `balances` lists what this read recorded (every balance on an
// account's first line, then those whose figures changed), a balance not listed kept its figures,
// and `gone` names those that disappeared. A line listing every balance (e.g. written from a
// `balances --json` cron file) imports the same: unchanged figures add nothing. The store keeps no
// wallet name, rate, source or update time, so those are null in an export.
import type { Mode } from '../core/balance.js';
import { stringifyOutputJson } from '../core/json.js';
import type { StoredBalance } from './figures.js';
import type { SeriesIdentity } from './store/series-key.js';

export interface TransferLine {
  at: number;
  account: string;
  provider: string;
  mode: Mode | null;
  error: string | null;
  balances: StoredBalance[];
  gone: SeriesIdentity[];
}

/** Printable ASCII without quotes or backslashes: JSON as it stands, and safe on any terminal. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * A JSON string (or null) written without JSON.stringify for the plain text that names and decimals
 * almost always are; anything else gets the full escaping of every document (core/json.ts).
 */
export function jsonText(value: string | null): string {
  if (value === null) return 'null';
  return PLAIN.test(value) ? `"${value}"` : stringifyOutputJson(value, 0);
}

function identityJson(s: SeriesIdentity): string {
  return `"wallet":${jsonText(s.wallet)},"currency":${jsonText(s.currency)},"network":${jsonText(s.network)},"providerCurrency":${jsonText(s.providerCurrency)}`;
}

/** One line, in the key order of the schema (balances as balances --json orders its keys). */
export function formatLine(line: TransferLine): string {
  const owner = `"account":${jsonText(line.account)},"provider":${jsonText(line.provider)},"mode":${jsonText(line.mode)}`;
  const balances = line.balances.map(
    ({ identity: s, figures: f }) =>
      `{${owner},"wallet":${jsonText(s.wallet)},"walletName":null,"currency":${jsonText(s.currency)},"network":${jsonText(s.network)},"providerCurrency":${jsonText(s.providerCurrency)},` +
      `"available":${jsonText(f.available)},"pending":${jsonText(f.pending)},"total":${jsonText(f.total)},"usdValue":${jsonText(f.usdValue)},"usdRate":null,"usdSource":null,"updatedAt":null}`,
  );
  const gone = line.gone.map((g) => `{${identityJson(g)}}`);
  return `{"at":"${new Date(line.at).toISOString()}",${owner},"error":${jsonText(line.error)},"balances":[${balances.join(',')}],"gone":[${gone.join(',')}]}\n`;
}
