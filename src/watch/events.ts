// The NDJSON event stream of `watch` (docs/commands/watch.md "Events"), schemaVersion 1. One JSON object
// per line; every event starts with `type`, `schemaVersion` and `at` (ISO time the event was
// made). Amounts are decimal strings exactly as in `balances --json`; null means unknown.
import { formatAmount, toBalanceJson, type Balance, type BalanceJson } from '../core/balance.js';
import type { BalanceError } from '../core/errors.js';
import { stringifyOutputJson } from '../core/json.js';
import { exactMinus } from '../core/money.js';
import { errorsJson, type ErrorJson } from '../format/json.js';
import type { Field, FieldChange } from './diff.js';

export const SCHEMA_VERSION = 1;

interface Base<T extends string> {
  type: T;
  schemaVersion: typeof SCHEMA_VERSION;
  at: string;
}

/** The first complete picture: every watched account has been polled once. */
export interface SnapshotEvent extends Base<'snapshot'> {
  complete: boolean;
  balances: BalanceJson[];
  errors: ErrorJson[];
}

type Identity = Pick<BalanceJson, 'account' | 'provider' | 'mode' | 'wallet' | 'walletName' | 'currency' | 'network' | 'providerCurrency'>;

/** One field of one balance changed between two polls of its account. */
export interface ChangeEvent extends Base<'change'>, Identity {
  field: Field;
  old: string | null;
  new: string | null;
  /** new − old; null when either side is unknown. */
  delta: string | null;
  /** new − the first value watch saw for this balance; null when either is unknown. */
  sinceStart: string | null;
  /** The whole record after the change; null when the provider no longer lists the balance. */
  balance: BalanceJson | null;
}

/** An account's poll started failing (or failed differently); not repeated while it keeps failing the same way. */
export interface ErrorEvent extends Base<'error'> {
  account: string;
  provider: string;
  code: string;
  message: string;
  exitCode: number;
  /** Failed polls in a row, this one included. */
  failures: number;
  lastSuccessAt: string | null;
}

/** An account's poll succeeded again after failing. */
export interface RecoveredEvent extends Base<'recovered'> {
  account: string;
  provider: string;
  failures: number;
  failingSince: string;
}

/** A --below/--above/alerts: level was crossed, or the amount came back. */
export interface ThresholdEvent extends Base<'threshold'> {
  state: 'crossed' | 'recovered';
  rule: string;
  kind: 'below' | 'above';
  account: string | null;
  currency: string;
  network: string | null;
  field: 'available';
  level: string;
  amount: string;
  previous: string | null;
}

export type WatchEvent = SnapshotEvent | ChangeEvent | ErrorEvent | RecoveredEvent | ThresholdEvent;

type Body<E extends WatchEvent> = Omit<E, 'type' | 'schemaVersion' | 'at'>;

function make<E extends WatchEvent>(type: E['type'], at: Date, body: Body<E>): E {
  return { type, schemaVersion: SCHEMA_VERSION, at: at.toISOString(), ...body } as E;
}

export function snapshotEvent(at: Date, balances: Balance[], errors: BalanceError[]): SnapshotEvent {
  return make<SnapshotEvent>('snapshot', at, { complete: errors.length === 0, balances: balances.map(toBalanceJson), errors: errorsJson(errors) });
}

export function changeEvent(at: Date, before: Balance | null, after: Balance | null, change: FieldChange, start: Balance['available']): ChangeEvent {
  const record = (after ?? before) as Balance;
  const scale = Math.max(before?.scale ?? 0, after?.scale ?? 0);
  const json = toBalanceJson(record);
  return make<ChangeEvent>('change', at, {
    account: json.account,
    provider: json.provider,
    mode: json.mode,
    wallet: json.wallet,
    walletName: json.walletName,
    currency: json.currency,
    network: json.network,
    providerCurrency: json.providerCurrency,
    field: change.field,
    old: formatAmount(change.old, before?.scale ?? scale),
    new: formatAmount(change.new, after?.scale ?? scale),
    delta: formatAmount(change.delta, scale),
    sinceStart: change.new === null || start === null ? null : formatAmount(exactMinus(change.new, start), scale),
    balance: after ? json : null,
  });
}

export function errorEvent(at: Date, error: BalanceError, failures: number, lastSuccessAt: Date | null): ErrorEvent {
  return make<ErrorEvent>('error', at, {
    account: error.account ?? '',
    provider: error.provider ?? '',
    code: error.code,
    message: error.message,
    exitCode: error.exitCode,
    failures,
    lastSuccessAt: lastSuccessAt?.toISOString() ?? null,
  });
}

export function recoveredEvent(at: Date, account: string, provider: string, failures: number, failingSince: Date): RecoveredEvent {
  return make<RecoveredEvent>('recovered', at, { account, provider, failures, failingSince: failingSince.toISOString() });
}

export function thresholdEvent(at: Date, body: Body<ThresholdEvent>): ThresholdEvent {
  return make<ThresholdEvent>('threshold', at, body);
}

/** "syncpay:USDT@tron available 50.00 (below 100)" for people. */
export function describeThreshold(event: ThresholdEvent): string {
  const where = `${event.account ? `${event.account}:` : ''}${event.currency}${event.network ? `@${event.network}` : ''}`;
  return `${where} available ${event.amount} (${event.kind} ${event.level})`;
}

/** One NDJSON line: compact, with the same escaping of bidi/line separators as every JSON output. */
export function ndjsonLine(event: WatchEvent): string {
  return `${stringifyOutputJson(event, 0)}\n`;
}
