// What each row of a payout list says, checked before any provider is asked: a unique id, a
// currency in the selector grammar of `can-withdraw`, a plain positive amount, an optional network
// and account. The first problem is the error (exit 2) naming where it is; how many more rows have
// problems is said in its hint. Amounts never pass through a float: a JSON number is taken by its
// source text (lossless), a JS number from a library caller is refused.
import { BalanceError, UsageError } from './errors.js';
import { isLosslessNumber } from './json.js';
import { jsonKind, type RawRow, type RowField } from './payout-file.js';
import type { WithdrawalRequest } from './withdrawal.js';
import { parseWithdrawalRequest } from './withdrawal-request.js';

export interface Payout {
  id: string;
  /** 1-based line it starts on (CSV, NDJSON) or 1-based item (JSON array, library list). */
  line: number;
  /** Where it is, for messages: `line 4`, `item 3 (line 7)`. */
  where: string;
  /** The currency as written (`USDT@tron`, `usdttrc20`). */
  currencyText: string;
  request: WithdrawalRequest;
  /** Only this configured account may pay it; null: any selected account. */
  account: string | null;
  /** Where the account was written, for messages about it. */
  accountWhere: string | null;
}

class RowProblem extends Error {}

/** Every row as a payout, or a UsageError naming the first row with a problem. */
export function payoutsFromRows(rows: readonly RawRow[], source: string): Payout[] {
  const payouts: Payout[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const row of rows) {
    try {
      const payout = payoutFromRow(row);
      const earlier = seen.get(payout.id);
      if (earlier !== undefined)
        throw new RowProblem(`${row.field('id')?.where ?? row.where}: id "${payout.id}" is already used at ${earlier}; ids must be unique`);
      seen.set(payout.id, row.where);
      payouts.push(payout);
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      problems.push(error.message);
    }
  }
  const [first, ...more] = problems;
  if (first !== undefined) {
    const hint = more.length === 0 ? undefined : `${more.length} more row${more.length === 1 ? ' has' : 's have'} problems too, e.g. ${more[0]}`;
    throw new UsageError(`${source} ${first}`, hint);
  }
  return payouts;
}

function payoutFromRow(row: RawRow): Payout {
  const id = text(row, 'id', true, 'id');
  if (id.value === '') throw new RowProblem(`${id.where}: the id is empty; every payout needs a unique id`);
  const currency = text(row, 'currency', true, 'string');
  const amount = text(row, 'amount', true, 'amount');
  const network = text(row, 'network', false, 'string');
  const account = text(row, 'account', false, 'string');
  let request: WithdrawalRequest;
  try {
    request = parseWithdrawalRequest({ currency: currency.value, amount: amount.value, network: network.value === '' ? undefined : network.value }, 'batch');
  } catch (error) {
    if (!(error instanceof BalanceError)) throw error;
    // Name the field the problem is in: the amount's, the network's, else the currency's.
    const field = /^amount\b/.test(error.message) ? amount : /^network\b/.test(error.message) ? network : currency;
    throw new RowProblem(`${field.where}: ${error.message}`);
  }
  return {
    id: id.value,
    line: row.line,
    where: row.where,
    currencyText: currency.value,
    request,
    account: account.value === '' ? null : account.value,
    accountWhere: account.value === '' ? null : account.where,
  };
}

type Kind = 'id' | 'amount' | 'string';

/**
 * A field as text (trimmed): strings as written; a JSON number by its exact source text where a
 * number makes sense (id, amount); a missing or null optional field is ''.
 */
function text(row: RawRow, name: string, required: boolean, kind: Kind): { value: string; where: string } {
  const field: RowField | undefined = row.field(name);
  const value = field?.value;
  if (field === undefined || value === null || value === undefined) {
    if (!required) return { value: '', where: field?.where ?? row.where };
    throw new RowProblem(`${row.where}: no ${name}; every payout needs id, currency and amount`);
  }
  if (typeof value === 'string') return { value: value.trim(), where: field.where };
  if (isLosslessNumber(value) && kind !== 'string') return { value: value.value, where: field.where };
  if (typeof value === 'number' && kind === 'id' && Number.isSafeInteger(value)) return { value: String(value), where: field.where };
  if (typeof value === 'number' && kind === 'amount') {
    throw new RowProblem(`${field.where}: amount is a JS number (its digits may already be lost); pass it as a decimal string such as "25.10"`);
  }
  throw new RowProblem(`${field.where}: expected ${kind === 'string' ? 'a string' : 'a string or a number'}, got ${jsonKind(value)}`);
}
