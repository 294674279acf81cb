// `can-withdraw` output: one "yes" line for people, the full decision as JSON for scripts.
import type { Mode } from '../core/balance.js';
import type { BalanceError } from '../core/errors.js';
import { stringifyOutputJson } from '../core/json.js';
import { formatDecimal, type Decimal } from '../core/money.js';
import type { CandidateCheck, WithdrawalRequest } from '../core/withdrawal.js';
import { errorsJson } from './json.js';

function requestLabel(r: WithdrawalRequest): string {
  return `${formatDecimal(r.amount, r.amountDecimals)} ${r.input}${r.network && r.input.toUpperCase() === r.currency ? ` (${r.network})` : ''}`;
}

/** Every yes/no line names the money it is about. */
export function modeTag(mode: Mode | null): string {
  return mode === null ? '[mode unknown]' : `[${mode} mode]`;
}

export function yesLine(request: WithdrawalRequest, c: CandidateCheck): string {
  const fee = c.fee && !c.fee.isZero() ? ` + fee ${formatDecimal(c.fee)}` : '';
  const minimum = c.minimum.minimum ? `, minimum ${formatDecimal(c.minimum.minimum)}` : '';
  const available = c.available ? formatDecimal(c.available, c.scale) : '?';
  return `yes: '${c.account}' can withdraw ${requestLabel(request)}${fee} (available ${available}${minimum})`;
}

export interface WithdrawalDocument {
  decision: 'yes' | 'no' | 'unknown';
  mode: Mode | null;
  request: WithdrawalRequest;
  chosen: CandidateCheck | null;
  checks: Array<CandidateCheck & { eligible?: boolean }>;
  /** Why it is not a yes (empty for yes). */
  reasons: string[];
  errors: BalanceError[];
  generatedAt: Date;
}

export function withdrawalJson(doc: WithdrawalDocument): string {
  const amount = (value: Decimal | null, scale = 0) => (value === null ? null : formatDecimal(value, scale));
  return `${stringifyOutputJson({
    schemaVersion: 1,
    generatedAt: doc.generatedAt.toISOString(),
    decision: doc.decision,
    mode: doc.mode,
    request: {
      input: doc.request.input,
      currency: doc.request.currency,
      network: doc.request.network,
      amount: formatDecimal(doc.request.amount, doc.request.amountDecimals),
    },
    account: doc.chosen?.account ?? null,
    candidates: doc.checks.map((c) => ({
      account: c.account,
      provider: c.provider,
      mode: c.mode,
      currency: c.currency,
      network: c.network,
      providerCurrency: c.providerCurrency,
      available: amount(c.available, c.scale),
      fee: amount(c.fee),
      required: formatDecimal(c.required),
      minimum: amount(c.minimum.minimum),
      minimumSource: c.minimum.source,
      maximum: amount(c.minimum.maximum),
      reserve: amount(c.reserve),
      decimalsAllowed: c.decimalsAllowed,
      ok: c.ok,
      status: c.status,
      eligible: c.eligible ?? true,
      reasons: c.reasons,
      notes: c.notes,
    })),
    reasons: doc.reasons,
    errors: errorsJson(doc.errors),
  })}\n`;
}
