// Money scenarios (issue 11 §1 and §5): every provider figure passes the sanity boundary; an
// inconsistent one is shown, marked, left out of totals and never makes a yes (exit 6, not 0 or 1).
import { TRADING_WALLET } from '../../src/providers/cryptofuse/emulator/data.js';
import { on, type Scenario, type ScenarioEnv } from './harness.js';

type Fault = Parameters<ScenarioEnv['sandbox']['faults']['add']>[0];
const faults =
  (...list: Fault[]) =>
  (env: ScenarioEnv) =>
    list.forEach((f) => env.sandbox.faults.add(f));
const syncpayBody = (rows: Array<[string, string, string]>) => ({
  provider: 'syncpay',
  kind: 'body' as const,
  times: 1,
  body: JSON.stringify({
    success: true,
    account_id: 'org_x',
    balances: rows.map(([currency, available, pending]) => ({ currency, available_balance: available, pending_balance: pending })),
  }),
});
const flowBody = (rows: string) => ({ provider: 'flow-payments', kind: 'body' as const, times: 1, body: `{"data": [${rows}]}` });
const eth = (balance: string, fee = '0') =>
  `{"asset": {"symbol": "ETH", "chain": "ethereum", "decimals": 18, "network_fee": "${fee}"}, "balance": "${balance}"}`;
const cfV1 = (rows: unknown[]) => ({
  provider: 'cryptofuse',
  path: '/wallets/balances',
  kind: 'body' as const,
  times: 1,
  body: JSON.stringify({ result: { id: TRADING_WALLET, name: 'T', balances: rows } }),
});
// casino-v2 and casino-v3 read two wallets: the same body for both makes a duplicate on top.
const cfV2 = (balances: Record<string, unknown>) => ({
  provider: 'cryptofuse',
  path: '/wallets/balance',
  kind: 'body' as const,
  times: 2,
  body: JSON.stringify({ wallet_id: TRADING_WALLET, wallet_name: 'T', balances }),
});
const cfV3 = (rows: unknown[]) => ({
  provider: 'cryptofuse',
  path: '/wallets/balances/',
  kind: 'body' as const,
  times: 2,
  body: JSON.stringify({ account: { id: TRADING_WALLET, name: 'T' }, balances: rows }),
});
const withdraw =
  (account: string, currency: string, amount: string, ...rest: string[]) =>
  (env: ScenarioEnv) => ['can-withdraw', currency, amount, ...on(env, '--account', account), ...rest];
const UNKNOWN_EXIT = /could not decide: a figure the answer rests on is inconsistent or could not be checked/;

function json(check: (doc: Record<string, unknown>) => boolean, what: string) {
  return (stdout: string) => {
    const doc = JSON.parse(stdout) as Record<string, unknown>;
    if (!check(doc)) throw new Error(`${what}: ${stdout.slice(0, 600)}`);
  };
}
type Row = Record<string, unknown> & { inconsistent?: Array<Record<string, string>> };
const rows = (doc: Record<string, unknown>) => doc.balances as Row[];

/** can-withdraw on an inconsistent figure: unknown, exit 6, the notice naming field and value. */
function unknownOn(id: string, what: string, setup: (env: ScenarioEnv) => void, args: (env: ScenarioEnv) => string[], notice: RegExp): Scenario {
  return {
    id,
    what,
    exit: 6,
    maxMs: 15_000,
    setup,
    args,
    stdout: 'empty',
    stderr: new RegExp(`${notice.source}[^\\n]*excluded from totals, never a yes\\n(.|\\n)*so far: inconsistent: (.|\\n)*${UNKNOWN_EXIT.source}`),
  };
}

const inconsistent: Scenario[] = [
  unknownOn(
    'M01',
    'Flow network_fee "-100" is never a yes',
    faults(flowBody(eth('1.0', '-100'))),
    withdraw('flow-main', 'ETH', '0.5'),
    /warning: inconsistent balance from Flow Payments for account 'flow-main', ETH: network_fee -100: negative/,
  ),
  unknownOn(
    'M02',
    'Cryptofuse v1 pendingAmount "-900" does not make available 1000 from 100',
    faults(cfV1([{ currency: 'usdterc20', amount: '100', pendingAmount: '-900' }])),
    withdraw('casino-v1', 'usdterc20', '300'),
    new RegExp(`Cryptofuse for account 'casino-v1' wallet ${TRADING_WALLET}, usdterc20: pendingAmount -900: negative`),
  ),
  unknownOn(
    'M03',
    'Cryptofuse v3 available_balance 1000 above amount 100',
    faults(cfV3([{ currency: 'USDTTRC20', amount: '100', available_balance: '1000' }])),
    withdraw('casino-v3', 'USDTTRC20', '300'),
    /USDTTRC20: available_balance 1000: above amount 100/,
  ),
  unknownOn(
    'M04',
    'Cryptofuse v2 available + pending ≠ total',
    faults(cfV2({ usdt: { available: 1000, pending: 0, total: 100, blockchain: 'ETH' } })),
    withdraw('casino-v2', 'usdt', '300'),
    /usdt: total 100: differs from available 1000 \+ pending 0/,
  ),
  unknownOn(
    'M05',
    'SyncPay listing USDT_TRC20 twice (10.00, 1000.00): neither is picked',
    faults(
      syncpayBody([
        ['USDT_TRC20', '10.00', '0.00'],
        ['USDT_TRC20', '1000.00', '0.00'],
      ]),
    ),
    withdraw('syncpay', 'USDT_TRC20', '100'),
    /SyncPay for account 'syncpay', USDT_TRC20: currency USDT_TRC20: listed 2 times in one read \(10\.00, 1000\.00\)/,
  ),
  unknownOn(
    'M06',
    'usdterc20 stated on TRX is not an ethereum balance',
    faults(cfV1([{ currency: 'usdterc20', amount: '500', pendingAmount: '0', network: 'TRX' }])),
    withdraw('casino-v1', 'usdterc20', '100'),
    /usdterc20: network tron: usdterc20 pins ethereum/,
  ),
  unknownOn(
    'M07',
    'Swipelux negative amount is unknown, not a known no',
    faults({
      provider: 'swipelux',
      path: '/v1/wallets/wal_abc123/balance',
      kind: 'body',
      times: 1,
      body: JSON.stringify({ walletId: 'wal_abc123', network: 'polygon', balances: [{ currency: 'USDC', amount: '-5.00', decimals: 6 }] }),
    }),
    withdraw('swipelux', 'USDC', '1300'),
    /Swipelux for account 'swipelux' wallet wal_abc123, USDC: amount -5\.00: negative/,
  ),
  unknownOn(
    'M08',
    'SyncPay negative pending is inconsistent',
    faults(syncpayBody([['USD', '50.00', '-20.00']])),
    withdraw('syncpay', 'USD', '20'),
    /USD: pending_balance -20\.00: negative/,
  ),
  {
    id: 'M09',
    what: 'balances --json marks the inconsistent record with field and value, keeps the others plain',
    exit: 0,
    maxMs: 15_000,
    setup: faults(
      syncpayBody([
        ['USD', '50.00', '0.00'],
        ['USDT_TRC20', '10.00', '0.00'],
        ['usdt_trc20', '1000.00', '0.00'],
      ]),
    ),
    args: (env) => ['balances', '--json', ...on(env, '--account', 'syncpay')],
    stderr: /listed 2 times in one read \(10\.00, 1000\.00\)/,
    stdout: json((doc) => {
      const [usd, a, b] = rows(doc);
      return (
        usd?.inconsistent === undefined && a?.inconsistent?.[0]?.field === 'currency' && b?.inconsistent?.[0]?.value === 'usdt_trc20' && doc.complete === true
      );
    }, 'expected both duplicates marked and USD plain'),
  },
  {
    id: 'M10',
    what: 'the balances table marks the row and explains the marker',
    exit: 0,
    maxMs: 15_000,
    setup: faults(flowBody(`${eth('-1.5')}`)),
    args: (env) => ['balances', ...on(env, '--account', 'flow-main')],
    stderr: /ETH: balance -1\.5: negative/,
    stdout: /ETH !\s+ethereum[\s\S]*\n! inconsistent: the provider's figures break an invariant/,
  },
  {
    id: 'M11',
    what: 'total leaves the inconsistent balance out, lists it, and says so',
    exit: 0,
    maxMs: 15_000,
    setup: faults(
      syncpayBody([
        ['USD', '50.00', '0.00'],
        ['USD', '5000.00', '0.00'],
        ['KES', '100.00', '-1.00'],
      ]),
    ),
    args: (env) => ['total', '--json', ...on(env, '--account', 'syncpay')],
    stderr: /inconsistent balance/,
    stdout: json(
      (doc) => doc.grandTotal === null && (doc.inconsistent as unknown[]).length === 3 && (doc.unpriced as unknown[]).length === 0,
      'expected nothing summed, three listed',
    ),
  },
  {
    id: 'M12',
    what: 'total table: the note names the excluded balance; --strict exits 6',
    exit: 6,
    maxMs: 15_000,
    setup: faults(
      syncpayBody([
        ['USD', '50.00', '0.00'],
        ['NGN', '-100.00', '0.00'],
      ]),
    ),
    args: (env) => ['total', '--strict', ...on(env, '--account', 'syncpay')],
    stderr: /NGN: available_balance -100\.00: negative[\s\S]*error: --strict: 1 balance\(s\) are inconsistent/,
    stdout: /TOTAL\s+50\.00[\s\S]*Excludes 1 inconsistent balance: NGN in 'syncpay'/,
  },
  {
    id: 'M13',
    what: 'watch --until never fires on duplicates that would sum past the level',
    exit: 1,
    maxMs: 15_000,
    setup: faults({
      ...syncpayBody([
        ['USDT_TRC20', '10.00', '0.00'],
        ['USDT_TRC20', '1000.00', '0.00'],
      ]),
      times: 5,
    }),
    args: (env) => ['watch', '--json', '--interval', '1s', ...on(env, '--account', 'syncpay'), '--until', 'USDT>=100', '--timeout', '4s'],
    stdout: /"type":"snapshot"/,
    stderr: /warning: USDT >= 100 did not hold within --timeout 4s \(its amount is unknown\)/,
  },
  {
    id: 'M14',
    what: 'watch --until never fires on a v1 negative pending',
    exit: 1,
    maxMs: 15_000,
    setup: faults({ ...cfV1([{ currency: 'usdterc20', amount: '100', pendingAmount: '-900' }]), times: 20 }),
    args: (env) => ['watch', '--json', '--interval', '1s', ...on(env, '--account', 'casino-v1'), '--until', 'USDT@ethereum>=500', '--timeout', '4s'],
    stdout: /"type":"snapshot"/,
    stderr: /did not hold within --timeout 4s \(its amount is unknown\)/,
  },
];

const HUGE = `1${'0'.repeat(149)}`;
const exact: Scenario[] = [
  {
    id: 'M15',
    what: '150-digit amounts are derived, valued and summed exactly',
    exit: 0,
    maxMs: 15_000,
    stderr: /^$/,
    setup: faults(
      syncpayBody([
        ['USD', `${HUGE}.01`, `${HUGE}.02`],
        ['NGN', '1000.00', '0.00'],
      ]),
    ),
    args: (env) => ['total', '--json', ...on(env, '--account', 'syncpay')],
    stdout: json((doc) => doc.grandTotal === `2${'0'.repeat(149)}.68`, `expected 2${'0'.repeat(149)}.68`),
  },
  {
    id: 'M16',
    what: '150-digit available + pending gives the exact total in balances --json',
    exit: 0,
    maxMs: 15_000,
    stderr: /^$/,
    setup: faults(syncpayBody([['USD', `${'9'.repeat(150)}.98`, '0.01']])),
    args: (env) => ['balances', '--json', ...on(env, '--account', 'syncpay')],
    stdout: json((doc) => rows(doc)[0]?.total === `${'9'.repeat(150)}.99`, 'expected the exact 152-digit total'),
  },
];

export const moneyScenarios: Scenario[] = [...inconsistent, ...exact];
