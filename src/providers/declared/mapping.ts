// From the records of a declared provider's pages to normalized balances: each path of the
// declaration evaluated on a record (wallet, rows) or a row (the figures), every amount read
// without a float (a decimal string or a lossless JSON number, scaled exactly for minor units), and
// anything that is not what the declaration promises a ShapeError naming where it was.
import { makeBalance, type Balance, type Figure, type Mode } from '../../core/balance.js';
import { canonicalCurrency } from '../../core/currencies.js';
import { isLosslessNumber } from '../../core/json.js';
import { Decimal, type ParsedAmount } from '../../core/money.js';
import type { AdapterContext } from '../kit/adapter.js';
import { amount, optAmount, optInt, optStr, optTimestamp, scaleOf, ShapeError, str } from '../kit/shape.js';
import type { DeclaredProvider, FieldName } from './declaration.js';
import { locationText, selectList, selectOne, type JsonPath } from './jsonpath.js';

/** A record of the list (a wallet, or a balance row) and its JSON path in its page. */
export interface RecordNode {
  value: unknown;
  at: string;
}

/** The account's mode: its config `mode`, else what the declared key prefixes say of its key. */
export function modeOf(d: DeclaredProvider, ctx: AdapterContext): Mode | null {
  if (ctx.account.mode) return ctx.account.mode;
  const key = ctx.account.credentials.apiKey ?? ctx.account.credentials.clientId ?? '';
  const { live, test } = d.keyPrefixes;
  if (test !== null && key.startsWith(test)) return 'test';
  if (live !== null && key.startsWith(live)) return 'live';
  return null;
}

/** A name or id as text: a string, or a JSON number's digits (ids are often numbers); else as it was. */
export function idText(value: unknown): unknown {
  return isLosslessNumber(value) ? value.value : value;
}

/** A record's wallet (when declared) and its balance rows (the record itself when there are no rows). */
export function recordRows(d: DeclaredProvider, record: RecordNode): { wallet: string | null; walletName: string | null; rows: RecordNode[] } {
  const { wallet, rows } = d.balances;
  const walletId = wallet ? str(idText(selectOne(wallet.id, record.value, record.at)), where(record.at, wallet.id)) : null;
  const walletName = wallet?.name ? optStr(idText(selectOne(wallet.name, record.value, record.at)), where(record.at, wallet.name)) : null;
  const rowNodes = rows ? selectList(rows, record.value, record.at).map((n) => ({ value: n.value, at: `${record.at}${locationText(n.location)}` })) : [record];
  return { wallet: walletId, walletName, rows: rowNodes };
}

export function mapRecord(d: DeclaredProvider, ctx: AdapterContext, record: RecordNode, mode: Mode | null): Balance[] {
  const { wallet, walletName, rows } = recordRows(d, record);
  return rows.map((row) => mapRow(d, ctx, row, mode, wallet, walletName));
}

/** What a row's paths read as; a field that could not be read is null here and in `problems`. */
export interface RowReading {
  code: string | null;
  network: string | null;
  scale: number | null;
  available: ParsedAmount | null;
  pending: ParsedAmount | null;
  total: ParsedAmount | null;
  networkFee: ParsedAmount | null;
  usdValue: ParsedAmount | null;
  usdRate: ParsedAmount | null;
  decimals: number | null;
  updatedAt: string | null;
  /** Every field that could not be read, in declaration order (`config check --explain` shows each). */
  problems: Array<[FieldName | 'scale', ShapeError]>;
}

/** Read every declared field of a row, collecting each problem instead of stopping at the first. */
export function readRow(d: DeclaredProvider, row: RecordNode): RowReading {
  const { fields } = d.balances;
  const problems: RowReading['problems'] = [];
  const attempt = <T>(name: FieldName | 'scale', read: () => T): T | null => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      problems.push([name, error]);
      return null;
    }
  };
  const at = (name: FieldName) => {
    const path = fields[name];
    return path ? where(row.at, path) : row.at;
  };
  const value = (name: FieldName): unknown => {
    const path = fields[name];
    return path ? selectOne(path, row.value, row.at) : undefined;
  };
  const scale = attempt('scale', () => minorUnitScale(d, row));
  const figure = (name: 'available' | 'pending' | 'total' | 'networkFee') =>
    attempt(name, () => {
      const raw = value(name);
      if (raw === undefined || raw === null) {
        if (name === 'available') throw new ShapeError(at(name), 'expected an amount, got nothing');
        return null;
      }
      return scale === null ? amount(raw, at(name)) : minorUnits(raw, scale, at(name));
    });
  const decimal = (name: 'usdValue' | 'usdRate') => attempt(name, () => optAmount(value(name), at(name)));
  return {
    code: attempt('currency', () => str(value('currency'), at('currency'))),
    network: attempt('network', () => optStr(value('network'), at('network'))),
    scale,
    available: figure('available'),
    pending: figure('pending'),
    total: figure('total'),
    networkFee: figure('networkFee'),
    usdValue: decimal('usdValue'),
    usdRate: decimal('usdRate'),
    decimals: attempt('decimals', () => optInt(idText(value('decimals')), at('decimals'))),
    updatedAt: attempt('updatedAt', () => optTimestamp(value('updatedAt'), at('updatedAt'))),
    problems,
  };
}

export function mapRow(
  d: DeclaredProvider,
  ctx: AdapterContext,
  row: RecordNode,
  mode: Mode | null,
  wallet: string | null,
  walletName: string | null,
): Balance {
  const r = readRow(d, row);
  const [first] = r.problems;
  if (first) throw first[1];
  const code = r.code as string;
  const available = r.available as ParsedAmount;
  return makeBalance({
    account: ctx.account.name,
    provider: d.id,
    mode,
    wallet,
    walletName,
    ...canonicalCurrency(code, r.network),
    providerCurrency: code,
    available: available.value,
    pending: r.pending?.value ?? null,
    total: r.total?.value ?? null,
    usdValue: r.usdValue?.value ?? null,
    usdRate: r.usdRate?.value ?? null,
    networkFee: r.networkFee?.value ?? null,
    // A provider that counts in minor units cannot send less than one: its scale bounds a withdrawal too.
    assetDecimals: r.decimals ?? d.withdrawals.decimals[code.toUpperCase()] ?? r.scale,
    updatedAt: r.updatedAt,
    fields: fieldNames(d),
    scale: r.scale ?? scaleOf(available, r.pending, r.total),
    raw: row.value,
  });
}

/** The decimals of the row's amounts when they are minor units (scale), else null. */
function minorUnitScale(d: DeclaredProvider, row: RecordNode): number | null {
  const { scale } = d.balances;
  if (scale === null || typeof scale === 'number') return scale;
  const at = where(row.at, scale);
  const value = optInt(idText(selectOne(scale, row.value, row.at)), at, 2);
  if (value === null) throw new ShapeError(at, 'expected the number of decimals of the amounts, got nothing');
  if (value > 36) throw new ShapeError(at, `expected at most 36 decimals, got ${value}`);
  return value;
}

/** A whole number of minor units, scaled exactly: 1500000 with 6 decimals is 1.500000. */
function minorUnits(value: unknown, scale: number, at: string): ParsedAmount {
  const { value: units } = amount(value, at);
  if (!units.isInteger()) throw new ShapeError(at, `expected a whole number of minor units, got ${units.toFixed()}`);
  return { value: new Decimal(`${units.toFixed()}e-${scale}`), scale };
}

/** `$.data[1]` + `$.balances[0].available` → `$.data[1].balances[0].available`. */
export function where(at: string, path: JsonPath): string {
  return `${at}${path.text.slice(1)}`;
}

/** The provider's own name of each figure (the last name in its path), so notices name it. */
function fieldNames(d: DeclaredProvider): Partial<Record<Figure, string>> {
  const names: Partial<Record<Figure, string>> = {};
  for (const figure of ['available', 'pending', 'total', 'networkFee'] as const) {
    const path = d.balances.fields[figure];
    if (path) names[figure] = /([A-Za-z_][A-Za-z0-9_]*)['"\]]*\s*$/.exec(path.text)?.[1] ?? path.text;
  }
  return names;
}
