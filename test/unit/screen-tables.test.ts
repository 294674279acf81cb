// Every table for people, at 60, 80 and 120 columns, with wide characters (CJK, emoji, combining
// marks) in every text it shows: no line is wider than the terminal (so no row wraps), every
// amount is shown whole, and the USD column values a figure that is on screen (or says which).
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { AccountCheck, DoctorReport } from '../../src/api/doctor.js';
import type { Balance } from '../../src/core/balance.js';
import { Decimal, groupThousands } from '../../src/core/money.js';
import { computeTotals } from '../../src/core/totals.js';
import { cellWidth, wrapToWidth } from '../../src/format/cells.js';
import { doctorText } from '../../src/format/doctor-table.js';
import { renderChart, seriesChartInput, usdTotalChartInput } from '../../src/format/history-chart.js';
import { changesTable, historyTable } from '../../src/format/history-table.js';
import { balancesTable } from '../../src/format/table.js';
import { reconciliationFigures, totalsTable } from '../../src/format/totals-table.js';
import type { Change } from '../../src/history/changes.js';
import type { Point } from '../../src/history/points.js';
import type { SeriesInfo } from '../../src/history/select.js';
import { SeriesSummary } from '../../src/history/summary.js';
import { initialStates } from '../../src/watch/accounts.js';
import { ProviderRegistry } from '../../src/providers/registry.js';
import { BalanceTracker } from '../../src/watch/diff.js';
import { renderFrame } from '../../src/watch/frame.js';
import { balance } from '../helpers/balances.js';

function summaryOf(points: Point[]) {
  const summary = new SeriesSummary();
  summary.add(points);
  return summary.result();
}

const plain = new Chalk({ level: 0 });
const WIDTHS = [60, 80, 120] as const;
/** Names a terminal shows two cells wide per character, or with marks that take none. */
const WIDE = ['交易钱包 Trading', '💰 Savings 🏦', 'Cafe\u0301 Société', '자금 지갑', 'Ünïcödé wallet'] as const;

const lines = (text: string) => text.replace(/\n+$/, '').split('\n');

function expectFits(text: string, width: number): void {
  for (const line of lines(text)) expect(cellWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(width);
}

/** The USD column values a figure on screen: TOTAL beside it, or a header that names TOTAL. */
function expectHonestUsd(head: string): void {
  const columns = head.trim().split(/\s{2,}/);
  if (columns.includes('USD')) expect(columns).toContain('TOTAL');
  else expect(columns).toContain('TOTAL USD');
}

function balances(): Balance[] {
  const named = (b: Balance, walletName: string): Balance => ({ ...b, walletName });
  return [
    named(
      balance({
        account: 'casino-v2',
        mode: 'test',
        wallet: 'w1',
        currency: 'ETH',
        network: 'ethereum',
        available: '1.234567890123456789',
        pending: '0.000000000000000000',
        total: '1.234567890123456789',
        usdValue: '2895.92',
      }),
      WIDE[0],
    ),
    balance({ account: 'syncpay', mode: 'test', currency: 'NGN', available: '450000.00', pending: '75000.00', total: '525000.00', usdValue: '341.25' }),
    named(
      balance({
        account: 'casino-v3',
        mode: 'live',
        wallet: 'w2',
        currency: 'USDC',
        network: 'ethereum',
        available: '750.000000',
        pending: '250.000000',
        total: '1000.000000',
        usdValue: '1000.00',
      }),
      WIDE[1],
    ),
    named(
      balance({ account: 'swipelux', wallet: 'w3', currency: 'USDT', network: 'polygon', available: '1250.50', total: '1250.50', usdValue: '1250.50' }),
      WIDE[2],
    ),
    named(balance({ account: 'bachs', wallet: 'w4', currency: 'GHS', available: '5600.00', pending: '0.00', total: '5600.00', usdValue: null }), WIDE[3]),
    named(
      balance({
        account: 'flow-main',
        wallet: 'w5',
        currency: 'BTC',
        network: 'bitcoin',
        available: '0.00012345',
        pending: '0.1',
        total: '0.10012345',
        usdValue: '9312.45',
      }),
      WIDE[4],
    ),
  ];
}

/** Every amount the balances hold, as the table groups it. */
const amountsOf = (list: Balance[]) => list.flatMap((b) => [b.available].map((v) => (v === null ? [] : [groupThousands(v.toFixed(b.scale))])).flat());

describe.each(WIDTHS)('at %i columns', (width) => {
  const style = { color: plain, width };

  it('balances: fits, shows every AVAILABLE whole, and USD values a figure on screen', () => {
    const text = balancesTable(balances(), style);
    expectFits(text, width);
    // Wide names are cut to fit, by whole characters, never spilling into the next column.
    if (width === 80) expect(text).toMatch(/^casino-v2 \(test\) {2}交易钱包… {2}ETH {7}ethereum {2}1\.234567890123456789/m);
    if (width === 120) expect(text).toMatch(/^casino-v2 \(test\) {2}交易钱包 Trading {2}ETH /m);
    for (const amount of amountsOf(balances())) expect(text).toContain(amount);
    expectHonestUsd(lines(text)[0] ?? '');
  });

  it('total (by currency, account, provider) and its reconciliation', () => {
    for (const by of ['currency', 'account', 'provider'] as const) {
      const reported = [
        {
          account: 'casino-v2',
          provider: 'cryptofuse',
          scope: 'wallet' as const,
          scopeId: `${WIDE[0]} 550e8400-e29b-41d4-a716-446655440000`,
          currency: 'USD' as const,
          amount: new Decimal('2895.915'),
          wallets: ['w1'],
        },
      ];
      const totals = computeTotals(balances(), reported, { by, tolerancePercent: new Decimal(1) });
      const text = totalsTable(totals, style);
      expectFits(text, width);
      expect(text).toContain('14,800.12'); // the grand total, whole
      if (by === 'currency') expect(text).toContain('1.234567890123456789');
      // The reconciliation's figures differ, so they are shown apart.
      expect(text).toMatch(/2,895\.915\s+2,895\.920\s+0\.005/);
    }
  });

  it('watch: the live frame, with stale and fresh rows and a notice naming accounts', () => {
    const tracker = new BalanceTracker();
    const at = new Date('2026-11-21T10:00:05Z');
    tracker.update('casino-v2', balances().slice(0, 3), at);
    tracker.update('swipelux', balances().slice(3), at);
    const states = initialStates(
      ['casino-v2', 'swipelux'].map((name) => ({
        name,
        provider: 'syncpay' as const,
        baseUrl: null,
        mode: null,
        secrets: {},
        settings: {},
        credentials: { apiKey: 'k' },
      })),
      1_000,
      new ProviderRegistry(),
    );
    for (const s of states) Object.assign(s, { polls: 1, lastSuccessAt: at, raw: [] });
    const notice = `${'交易 '.repeat(12)}: polling accounts 'casino-v2', 'swipelux' every 2s instead of 1s`;
    const frame = renderFrame({
      tracked: tracker.all(),
      states,
      hideZero: false,
      header: 'watch',
      notices: [notice],
      color: plain,
      size: { columns: width, rows: 40 },
    });
    expectFits(frame, width);
    for (const amount of amountsOf(balances())) expect(frame).toContain(amount);
    expectHonestUsd(lines(frame)[2] ?? '');
    // The notice wraps; the account names at its end are on screen.
    expect(frame).toContain("'swipelux'");
  });

  it('history and changes', () => {
    const series: Array<{ info: SeriesInfo; points: Point[] }> = balances().map((b, i) => ({
      info: {
        id: i,
        accountId: i,
        account: b.account,
        provider: b.provider,
        mode: null,
        wallet: b.walletName,
        currency: b.currency,
        network: b.network,
        providerCurrency: b.providerCurrency,
      },
      points: [
        {
          at: new Date('2026-11-01T00:00:00Z'),
          available: null,
          pending: null,
          total: b.total === null ? null : b.total.toFixed(b.scale),
          usdValue: null,
          error: null,
        },
        {
          at: new Date('2026-11-02T00:00:00Z'),
          available: null,
          pending: null,
          total: b.total === null ? null : b.total.plus(1).toFixed(b.scale),
          usdValue: null,
          error: null,
        },
      ],
    }));
    const history = historyTable(
      series.map(({ info, points }) => ({ info, summary: summaryOf(points) })),
      style,
    );
    expectFits(history, width);
    expect(history).toContain('525,001.00');
    // Names that tell the rows apart are never cut: at 60 columns CHANGE goes before they would.
    expect(history).toMatch(/^casino-v2 {2}/m);
    if (width >= 80)
      expect(history).toContain('+1.000000000000000000'); // CHANGE with the decimals of FIRST and LAST
    else expect(lines(history)[0]).toMatch(/^ACCOUNT\s+CURRENCY\s+LAST$/);
    const changes: Change[] = series.map((s) => ({
      series: s.info,
      field: 'total',
      from: s.points[0]?.total ?? null,
      to: s.points[1]?.total ?? null,
      delta: '1',
    }));
    const text = changesTable(changes, style);
    expectFits(text, width);
    expect(text).toContain('+1.000000000000000000');
    expect(text).toContain('+1.00');
    // At 60 columns TO goes (what moved stays); from 80 the new value is shown too.
    if (width >= 80) expect(text).toContain('2.234567890123456789');
    else expect(lines(text).at(-1)).toMatch(/^hidden to fit: FROM, WALLET, NETWORK, TO/);
  });

  it('config check', () => {
    const account = (name: string, ok: boolean): AccountCheck => ({
      account: name,
      provider: 'cryptofuse',
      mode: 'live',
      called: true,
      reachable: true,
      authOk: ok,
      latencyMs: 123,
      balances: 4,
      currencies: ['USDT'],
      exitCode: ok ? 0 : 4,
      credentials: [
        {
          field: 'apiKeyFile',
          source: 'file',
          variable: null,
          path: `/home/ops/${WIDE[0]}/secrets/${WIDE[1]}/cryptofuse-key`,
          status: ok ? 'readable, mode 0600' : `unreadable: ${WIDE[2]} permission denied`,
          ok,
        },
      ],
      errors: ok
        ? []
        : [
            {
              code: 'AUTH_FAILED',
              message: `Cryptofuse rejected the client id for account '${name}' (401) ${WIDE.join(' ')}`,
              problems: [],
              hint: 'check the key file',
              exitCode: 4,
            },
          ],
    });
    const report: DoctorReport = {
      config: { path: `/home/ops/${WIDE[3]}/.balancerc.yaml`, origin: null, reason: 'found in the working directory', mode: '0600', accounts: 2, error: null },
      accounts: [account('casino-main-treasury-account', true), account('casino-v3', false)],
      exitCode: 4,
    };
    const text = doctorText(report, style);
    expectFits(text, width);
    // Wrapped, not cut: the message and the whole config path are there.
    const running = text.replace(/\n */g, ' ');
    expect(running).toContain("Cryptofuse rejected the client id for account 'casino-v3' (401)");
    expect(text.replace(/\n */g, '')).toContain(`/home/ops/${WIDE[3]}/.balancerc.yaml`);
  });

  it('history --chart: labels and plot together fit', () => {
    const info: SeriesInfo = {
      id: 1,
      accountId: 1,
      account: 'syncpay',
      provider: 'syncpay',
      mode: null,
      wallet: null,
      currency: 'USD',
      network: null,
      providerCurrency: 'USD',
    };
    const points = Array.from({ length: 500 }, (_, i): Point => ({
      at: new Date(Date.UTC(2026, 10, 1) + i * 60_000),
      available: null,
      pending: null,
      total: `${1_234_567 + i}.25`,
      usdValue: `${1_234_567 + i}.25`,
      error: null,
    }));
    const walletSeries: SeriesInfo = { ...info, account: 'casino-v3', wallet: '550e8400-e29b-41d4-a716-446655440000', network: 'ethereum' };
    for (const input of [seriesChartInput(info, points), usdTotalChartInput([{ points }]), seriesChartInput(walletSeries, points)]) {
      const chart = renderChart(input, width, wrapToWidth) ?? '';
      expectFits(chart, width);
    }
  });
});

describe('numbers look the same everywhere', () => {
  it("chart labels are grouped with the figures' decimals, not rounded to integers", () => {
    const info: SeriesInfo = {
      id: 1,
      accountId: 1,
      account: 'syncpay',
      provider: 'syncpay',
      mode: null,
      wallet: null,
      currency: 'USD',
      network: null,
      providerCurrency: 'USD',
    };
    const points = [1_234_567_890.25, 1_234_567_990.75].map((v, i): Point => ({
      at: new Date(Date.UTC(2026, 10, 1 + i)),
      available: null,
      pending: null,
      total: v.toFixed(2),
      usdValue: null,
      error: null,
    }));
    const labels = lines(renderChart(seriesChartInput(info, points), 80, wrapToWidth) ?? '')
      .slice(1)
      .map((l) => l.split(/ [┤┼]/)[0]?.trim());
    expect(labels[0]).toBe('1,234,567,990.75');
    expect(labels.at(-1)).toBe('1,234,567,890.25');
    for (const label of labels) expect(label).toMatch(/^\d{1,3}(,\d{3})*\.\d\d$/);
  });

  it('a chart over a range smaller than a cent per row labels its rows apart', () => {
    const points = ['96716.85', '96716.86'].map((usd, i): Point => ({
      at: new Date(Date.UTC(2026, 10, 1 + i)),
      available: null,
      pending: null,
      total: null,
      usdValue: usd,
      error: null,
    }));
    const labels = lines(renderChart(usdTotalChartInput([{ points }]), 80, wrapToWidth) ?? '')
      .slice(1)
      .map((l) => l.split(/ [┤┼]/)[0]?.trim());
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('a reconciliation difference is never shown beside two figures that look equal', () => {
    const row = (reported: string, computed: string) => {
      const [r, c] = [new Decimal(reported), new Decimal(computed)];
      return reconciliationFigures({ reported: r, computed: c, difference: c.minus(r) });
    };
    expect(row('96716.855', '96716.86')).toEqual(['96716.855', '96716.860', '0.005']);
    expect(row('1.004', '1.006')).toEqual(['1.004', '1.006', '0.002']);
    expect(row('10', '10.000000000000000001')).toEqual(['10.000000000000000000', '10.000000000000000001', '0.000000000000000001']);
    expect(row('2847.25', '2266.75')).toEqual(['2847.25', '2266.75', '-580.50']);
    expect(row('2.5', '2.5')).toEqual(['2.50', '2.50', '0.00']);
    for (const [reported, computed] of [
      ['0.014', '0.016'],
      ['99.995', '100.004'],
      ['5', '5.0001'],
    ] as const) {
      const [r, c, d] = row(reported, computed);
      expect(r).not.toBe(c);
      expect(new Decimal(d).isZero()).toBe(false);
    }
  });
});
