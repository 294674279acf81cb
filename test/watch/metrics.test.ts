// The metric families of `watch --metrics`, served by the real server on 127.0.0.1:0: one series
// per distinct balance, Prometheus naming, help texts, unknown as absent, poll error codes,
// provider-reported totals and the reconciliation difference.
import { afterEach, describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/money.js';
import { startMetrics, type Metrics } from '../../src/watch/metrics.js';
import { accountReconciliation } from '../../src/watch/metric-families.js';
import { BadResponseError, UnavailableError } from '../../src/core/errors.js';
import { balance } from '../helpers/balances.js';
import { parseExposition, type Sample } from '../helpers/prometheus.js';
import { Redactor } from '../../src/core/secrets.js';

let metrics: Metrics | null = null;
afterEach(async () => {
  await metrics?.close();
  metrics = null;
});

async function serve(): Promise<Metrics> {
  metrics = await startMetrics(
    { host: '127.0.0.1', port: 0 },
    [
      { name: 'flow-main', provider: 'flow-payments' },
      { name: 'syncpay', provider: 'syncpay' },
    ],
    { version: '9.8.7' },
    new Redactor().redact,
  );
  return metrics;
}

async function scrape(m: Metrics): Promise<{ text: string; samples: Sample[] }> {
  const text = await (await fetch(m.url)).text();
  return { text, samples: parseExposition(text) };
}

const of = (samples: Sample[], name: string) => samples.filter((s) => s.name === name);

// Flow reports USDC twice on ethereum, under two codes of its own.
const usdc = balance({
  account: 'flow-main',
  provider: 'flow-payments',
  mode: 'live',
  currency: 'USDC',
  network: 'ethereum',
  providerCurrency: 'USDC',
  available: '100',
  total: '100',
  usdValue: '100.00',
});
const usdcErc20 = balance({
  account: 'flow-main',
  provider: 'flow-payments',
  mode: 'live',
  currency: 'USDC',
  network: 'ethereum',
  providerCurrency: 'USDC_ERC20',
  available: '250.5',
  total: '250.5',
  usdValue: '250.50',
});

describe('balance series', () => {
  it('two balances that differ only by provider currency are two series, and sum by (currency) is their total', async () => {
    const m = await serve();
    m.setBalances('flow-main', [usdc, usdcErc20]);
    const { samples } = await scrape(m);
    const available = of(samples, 'balance_inspector_available_balance');
    expect(available.map((s) => [s.labels.provider_currency, s.value])).toEqual([
      ['USDC', 100],
      ['USDC_ERC20', 250.5],
    ]);
    expect(available[0]?.labels).toEqual({
      account: 'flow-main',
      provider: 'flow-payments',
      mode: 'live',
      wallet: '',
      currency: 'USDC',
      network: 'ethereum',
      provider_currency: 'USDC',
    });
    const usd = of(samples, 'balance_inspector_total_value_usd');
    expect(usd.reduce((sum, s) => sum + s.value, 0)).toBe(350.5);
  });

  it('an unknown figure has no series (not 0); a balance no longer listed loses its series', async () => {
    const m = await serve();
    const unpriced = balance({ account: 'syncpay', currency: 'GHS', providerCurrency: 'GHS', available: '5', pending: null, total: '5', usdValue: null });
    m.setBalances('syncpay', [unpriced]);
    let { samples } = await scrape(m);
    expect(of(samples, 'balance_inspector_available_balance').map((s) => s.value)).toEqual([5]);
    expect(of(samples, 'balance_inspector_pending_balance')).toEqual([]);
    expect(of(samples, 'balance_inspector_total_value_usd')).toEqual([]);
    m.setBalances('syncpay', []);
    ({ samples } = await scrape(m));
    expect(of(samples, 'balance_inspector_available_balance')).toEqual([]);
  });

  it('help texts say what a series means, with its unit', async () => {
    const m = await serve();
    const { text } = await scrape(m);
    expect(text).toContain(
      '# HELP balance_inspector_pending_balance Pending (not yet available) balance, in units of the currency label. Absent, not 0, when the provider reports no pending figure',
    );
    expect(text).toContain('# HELP balance_inspector_total_value_usd USD value of the total balance');
    expect(text).toMatch(/# HELP balance_inspector_account_up 1 when the account's latest poll succeeded, 0 when it failed/);
    // Old, unit-less name is gone.
    expect(text).not.toContain('balance_inspector_usd_value');
  });
});

describe('process and poll series', () => {
  it('build_info names the version; polls_total starts at 0 for every account', async () => {
    const m = await serve();
    const { samples } = await scrape(m);
    expect(of(samples, 'balance_inspector_build_info')).toEqual([
      { name: 'balance_inspector_build_info', labels: { version: '9.8.7', nodejs: process.versions.node }, value: 1 },
    ]);
    expect(of(samples, 'balance_inspector_polls_total').map((s) => [s.labels.account, s.value])).toEqual([
      ['flow-main', 0],
      ['syncpay', 0],
    ]);
  });

  it('a failed poll counts under the code that decides its exit code; up goes 0 and back to 1', async () => {
    const m = await serve();
    const at = new Date('2026-11-21T10:00:00Z');
    m.pollDone('syncpay', 'syncpay', 0.2, [], at);
    m.pollDone('syncpay', 'syncpay', 0.2, [new BadResponseError('bad'), new UnavailableError('down', { code: 'TIMEOUT' })], at);
    m.pollDone('syncpay', 'syncpay', 0.2, [new UnavailableError('down', { code: 'TIMEOUT' })], at);
    let { samples } = await scrape(m);
    expect(of(samples, 'balance_inspector_poll_errors_total').map((s) => [s.labels, s.value])).toEqual([
      [{ account: 'syncpay', provider: 'syncpay', code: 'TIMEOUT' }, 2],
    ]);
    expect(of(samples, 'balance_inspector_polls_total').find((s) => s.labels.account === 'syncpay')?.value).toBe(3);
    expect(of(samples, 'balance_inspector_account_up').find((s) => s.labels.account === 'syncpay')?.value).toBe(0);
    expect(of(samples, 'balance_inspector_last_success_timestamp_seconds').find((s) => s.labels.account === 'syncpay')?.value).toBe(at.getTime() / 1000);
    m.pollDone('syncpay', 'syncpay', 0.2, [], at);
    ({ samples } = await scrape(m));
    expect(of(samples, 'balance_inspector_account_up').find((s) => s.labels.account === 'syncpay')?.value).toBe(1);
  });
});

describe('provider-reported totals', () => {
  const reported = (amount: string) => [
    { account: 'syncpay', provider: 'syncpay', scope: 'account' as const, scopeId: null, currency: 'USD' as const, amount: new Decimal(amount), wallets: null },
  ];

  it('exports the reported total and our difference from it', async () => {
    const m = await serve();
    const usd = balance({ account: 'syncpay', currency: 'USD', available: '100.00', total: '100.00', usdValue: '100.00' });
    m.setReported('syncpay', accountReconciliation([usd], reported('103.85')));
    const { samples } = await scrape(m);
    const labels = { account: 'syncpay', provider: 'syncpay', scope: 'account', scope_id: '' };
    expect(of(samples, 'balance_inspector_reported_total_usd')).toEqual([{ name: 'balance_inspector_reported_total_usd', labels, value: 103.85 }]);
    expect(of(samples, 'balance_inspector_reconciliation_difference_usd').map((s) => s.value.toFixed(2))).toEqual(['-3.85']);
  });

  it('with an unpriced balance in scope the difference is absent (unknown), the reported total stays', async () => {
    const m = await serve();
    const usd = balance({ account: 'syncpay', currency: 'USD', available: '100.00', total: '100.00', usdValue: '100.00' });
    m.setReported('syncpay', accountReconciliation([usd], reported('100.00')));
    const ghs = balance({ account: 'syncpay', currency: 'GHS', available: '5', total: '5', usdValue: null });
    m.setReported('syncpay', accountReconciliation([usd, ghs], reported('120.00')));
    const { samples } = await scrape(m);
    expect(of(samples, 'balance_inspector_reported_total_usd').map((s) => s.value)).toEqual([120]);
    expect(of(samples, 'balance_inspector_reconciliation_difference_usd')).toEqual([]);
  });
});
