// can-withdraw and watch --until fail closed (issue 11 §1): a check that cannot be made is
// "unknown" with the config key that fixes it, the provider's maximum counts, test and live money
// never mix, an incomplete wallet list decides nothing, and an early end of --until is never 0.
import { SAVINGS_WALLET, TRADING_WALLET } from '../../src/providers/cryptofuse/emulator/data.js';
import { expect } from 'vitest';
import { writeConfig } from '../helpers/fixtures.js';
import { on, type Scenario, type ScenarioEnv } from './harness.js';
import { patchAccount } from './scenarios-network.js';

const withdraw =
  (account: string, currency: string, amount: string, ...rest: string[]) =>
  (env: ScenarioEnv) => ['can-withdraw', currency, amount, ...on(env, '--account', account), ...rest];
/** Rewrite the scenario's config with top-level sections added (minimums:, decimals:). */
const withConfig = (extra: Record<string, unknown>) => (env: ScenarioEnv) => {
  env.config = { ...env.config, ...extra };
  env.configPath = writeConfig(env.dir, env.config, 'patched.json');
};
const both =
  (...steps: Array<(env: ScenarioEnv) => void>) =>
  (env: ScenarioEnv) =>
    steps.forEach((step) => step(env));
/** A Cryptofuse v1 wallet holding a coin no table knows the decimals of, listed as withdrawable. */
const unknownCoin = (env: ScenarioEnv) => {
  env.sandbox.faults.add({
    provider: 'cryptofuse',
    path: '/wallets/balances',
    kind: 'body',
    times: 1,
    body: JSON.stringify({ result: { id: TRADING_WALLET, name: 'T', balances: [{ currency: 'xyz', amount: '100', pendingAmount: '0' }] } }),
  });
  // Once: the --debug rerun sets up again, and a list naming XYZ twice would leave its limits unknown.
  const currencies = env.sandbox.state.cryptofuse.withdrawalCurrencies;
  if (!currencies.some((c) => c.currency === 'XYZ'))
    currencies.push({ currency: 'XYZ', blockchain: 'XYZ', token: 'XYZ', balance: '100', min_withdrawal: '1', max_withdrawal: '100' });
};
const rulesRefused = (env: ScenarioEnv) =>
  env.sandbox.faults.add({
    provider: 'cryptofuse',
    path: '/withdrawal/available-currencies/',
    kind: 'status',
    status: 403,
    times: 1,
    body: '{"detail": "OAuth only"}',
  });
const flowLive = (env: ScenarioEnv) => patchAccount(env, 'flow-main', { mode: 'live' });

function decision(expected: Record<string, unknown>, candidate?: Record<string, unknown>) {
  return (stdout: string) => {
    const doc = JSON.parse(stdout) as Record<string, unknown> & { candidates: Array<Record<string, unknown>> };
    for (const [key, value] of Object.entries(expected)) if (doc[key] !== value) throw new Error(`${key}: expected ${String(value)}, got ${String(doc[key])}`);
    for (const [key, value] of Object.entries(candidate ?? {}))
      if (doc.candidates[0]?.[key] !== value) throw new Error(`candidate ${key}: expected ${String(value)}, got ${String(doc.candidates[0]?.[key])}`);
  };
}

const limits: Scenario[] = [
  {
    id: 'K01',
    what: 'Cryptofuse max_withdrawal is compared: above it is a known no',
    exit: 1,
    maxMs: 15_000,
    stdout: 'empty',
    setup: (env) => {
      env.sandbox.state.cryptofuse.withdrawalCurrencies[0]!.max_withdrawal = '100.00';
    },
    args: withdraw('casino-v3', 'USDTTRC20', '200'),
    stderr: /^no: above maximum: 200 > 100 USDTTRC20 for Cryptofuse account 'casino-v3' \[mode unknown\]\n$/,
  },
  {
    id: 'K02',
    what: 'at the maximum is a yes (equal is allowed)',
    exit: 0,
    maxMs: 15_000,
    stderr: /^$/,
    setup: (env) => {
      env.sandbox.state.cryptofuse.withdrawalCurrencies[0]!.max_withdrawal = '100.00';
    },
    args: (env) => [...withdraw('casino-v3', 'USDTTRC20', '100')(env), '--quiet'],
    stdout: /^yes: 'casino-v3' can withdraw 100 USDTTRC20 .* \[mode unknown\]\n$/,
  },
  {
    id: 'K03',
    what: 'unknown decimals: unknown (exit 6) with the decimals: hint',
    exit: 6,
    maxMs: 15_000,
    stdout: 'empty',
    setup: unknownCoin,
    args: withdraw('casino-v1', 'xyz', '5'),
    stderr: /so far: unknown decimals: the decimals XYZ allows are not known; set decimals\.casino-v1\.xyz in the config/,
  },
  {
    id: 'K04',
    what: 'a decimals: override in the config decides (yes)',
    exit: 0,
    maxMs: 15_000,
    stderr: /^$/,
    setup: both(unknownCoin, withConfig({ decimals: { 'casino-v1': { xyz: 2 } } })),
    args: (env) => [...withdraw('casino-v1', 'xyz', '5.25')(env), '--quiet'],
    stdout: /^yes: 'casino-v1' can withdraw 5\.25 xyz/,
  },
  {
    id: 'K05',
    what: 'the decimals: override also refuses too many decimals (no)',
    exit: 1,
    maxMs: 15_000,
    stdout: 'empty',
    setup: both(unknownCoin, withConfig({ decimals: { 'casino-v1': { XYZ: '2' } } })),
    args: withdraw('casino-v1', 'xyz', '5.125'),
    stderr: /no: too many decimals: 5\.125 has 3, XYZ allows 2/,
  },
  {
    id: 'K06',
    what: 'a decimals: value that is not a whole number 0-36 is a config error',
    exit: 3,
    maxMs: 15_000,
    stdout: 'empty',
    setup: withConfig({ decimals: { 'casino-v1': { XYZ: 2.5 }, nope: { USD: 2 } } }),
    args: withdraw('casino-v1', 'xyz', '5'),
    stderr: /decimals\.casino-v1\.XYZ: expected a whole number of decimals from 0 to 36, got a number\n[\s\S]*decimals\.nope: no account named 'nope'/,
  },
  {
    id: 'K07',
    what: 'unreadable Cryptofuse limits: unknown (exit 6) with the minimums: hint',
    exit: 6,
    maxMs: 15_000,
    stdout: 'empty',
    setup: rulesRefused,
    args: withdraw('casino-v1', 'usdterc20', '100'),
    stderr: /so far: unknown minimum: Cryptofuse withdrawal limits could not be read; set minimums\.casino-v1\.usdterc20 in the config/,
  },
  {
    id: 'K08',
    what: 'unreadable limits with a configured minimum: yes, noting the unchecked maximum',
    exit: 0,
    maxMs: 15_000,
    setup: both(rulesRefused, withConfig({ minimums: { 'casino-v1': { usdterc20: '20' } } })),
    args: withdraw('casino-v1', 'usdterc20', '100'),
    stdout: /^yes: 'casino-v1' can withdraw 100 usdterc20 \(available 400\.75, minimum 20\)/,
    stderr: /note: Cryptofuse withdrawal limits could not be read; maximum not checked/,
  },
  {
    id: 'K09',
    what: 'a SyncPay currency without a documented minimum is unknown, not no',
    exit: 6,
    maxMs: 15_000,
    stdout: 'empty',
    setup: (env) =>
      env.sandbox.faults.add({
        provider: 'syncpay',
        kind: 'body',
        body: JSON.stringify({ success: true, balances: [{ currency: 'ZAR', available_balance: '900.00', pending_balance: '0.00' }] }),
      }),
    args: withdraw('syncpay', 'ZAR', '20'),
    stderr: /so far: unknown minimum: SyncPay publishes no minimum for ZAR; set minimums\.syncpay\.ZAR in the config/,
  },
  {
    id: 'K10',
    what: 'negative min_withdrawal from the provider decides nothing',
    exit: 6,
    maxMs: 15_000,
    stdout: 'empty',
    setup: (env) => {
      env.sandbox.state.cryptofuse.withdrawalCurrencies[1]!.min_withdrawal = '-5';
    },
    args: withdraw('casino-v1', 'usdterc20', '100'),
    stderr: /so far: inconsistent limits: Cryptofuse reported min_withdrawal -5: negative for usdterc20 in 'casino-v1'/,
  },
];

const modes: Scenario[] = [
  {
    id: 'K11',
    what: 'a live account selected: test money never answers yes',
    exit: 1,
    maxMs: 15_000,
    stdout: 'empty',
    setup: flowLive,
    args: withdraw('syncpay,flow-main', 'USDT_TRC20', '10'),
    stderr:
      /^no: other mode: 'syncpay' holds test money and live accounts are selected; only live money answers \(--mode test to ask about test money\) \[test mode\]\n$/,
  },
  {
    id: 'K12',
    what: '--mode test lets test money answer, and the line says so',
    exit: 0,
    maxMs: 15_000,
    stderr: /^note: SyncPay reports no withdrawal fee/,
    setup: flowLive,
    args: (env) => [...withdraw('syncpay,flow-main', 'USDT_TRC20', '10')(env), '--mode', 'test'],
    stdout: /^yes: 'syncpay' can withdraw 10 USDT_TRC20 \(available 500\.00, minimum 10\) \[test mode\]\n$/,
  },
  {
    id: 'K13',
    what: 'JSON names the decision mode and each candidate mode',
    exit: 1,
    maxMs: 15_000,
    stderr: /other mode/,
    setup: flowLive,
    args: (env) => [...withdraw('syncpay,flow-main', 'USDT_TRC20', '10')(env), '--json'],
    stdout: decision({ decision: 'no', mode: 'live', account: null }, { account: 'syncpay', mode: 'test', eligible: false, ok: false }),
  },
  {
    id: 'K14',
    what: 'every selected account test: test money answers',
    exit: 0,
    maxMs: 15_000,
    stderr: /^note: SyncPay reports no withdrawal fee/,
    args: (env) => [...withdraw('syncpay,flow-main', 'USDT_TRC20', '10')(env), '--json'],
    stdout: decision({ decision: 'yes', mode: 'test', account: 'syncpay' }, { status: 'ok' }),
  },
  {
    id: 'K15',
    what: '--mode live with only test accounts: a no naming the mode',
    exit: 1,
    maxMs: 15_000,
    stdout: 'empty',
    args: (env) => [...withdraw('syncpay', 'USDT_TRC20', '10')(env), '--mode', 'live'],
    stderr: /^no: other mode: 'syncpay' holds test money; --mode live decides on live money only \[test mode\]\n$/,
  },
  {
    id: 'K16',
    what: '--mode with another value is a usage error before any request',
    exit: 2,
    maxMs: 15_000,
    stdout: 'empty',
    args: (env) => [...withdraw('syncpay', 'USDT_TRC20', '10')(env), '--mode', 'prod'],
    stderr: /error: --mode "prod" is not a mode; expected live or test/,
    attempts: { provider: 'syncpay', count: 0 },
  },
  {
    id: 'K17',
    what: 'the "none reports" line names the mode too',
    exit: 1,
    maxMs: 15_000,
    stdout: 'empty',
    args: withdraw('syncpay', 'DOGE', '10'),
    stderr: /^no: none of the selected accounts reports DOGE.* \[test mode\]\n$/,
  },
];

const incomplete: Scenario[] = [
  {
    id: 'K18',
    what: 'a Cryptofuse wallet list ending before its total is undecided, not a no',
    exit: 6,
    maxMs: 15_000,
    stdout: 'empty',
    setup: (env) => {
      const page = (wallets: unknown[], offset: number) => JSON.stringify({ result: { wallets, total: 5, limit: 100, offset } });
      env.sandbox.faults.add({
        provider: 'cryptofuse',
        path: '/wallets/',
        kind: 'body',
        times: 1,
        body: page(
          [
            { id: TRADING_WALLET, name: 'T' },
            { id: SAVINGS_WALLET, name: 'S' },
          ],
          0,
        ),
      });
      env.sandbox.faults.add({ provider: 'cryptofuse', path: '/wallets/', kind: 'body', times: 1, body: page([], 2) });
    },
    args: withdraw('casino-v3', 'USDTTRC20', '450'),
    stderr:
      /error: Cryptofuse for account 'casino-v3': the wallet list ended after 2 entries, before its own total of 5[\s\S]*could not decide: an account that might hold the funds could not be read/,
  },
  {
    id: 'K19',
    what: 'watch --until | head -1: a closed stdout before the condition held exits 1, not 0',
    exit: 1,
    maxMs: 15_000,
    cli: { closeStdoutEarly: true },
    setup: (env) => {
      env.sandbox.faults.add({ provider: 'flow-payments', kind: 'delay', ms: 1, times: 1 });
      env.sandbox.faults.add({
        provider: 'flow-payments',
        kind: 'body',
        times: 20,
        body: '{"data": [{"asset": {"symbol": "ETH", "chain": "ethereum", "decimals": 18}, "balance": "0.5"}]}',
      });
    },
    args: (env) => ['watch', '--json', '--interval', '3s', ...on(env, '--account', 'flow-main'), '--until', 'ETH>=1000', '--timeout', '10s'],
    // Whatever a loaded machine adds on stderr (a slow poll), it never claims the condition held.
    stdout: /"type":"snapshot"/,
    stderr: /^(?![\s\S]*\bholds:)/,
  },
  {
    id: 'K20',
    what: 'watch --until that holds at once still exits 0 with stdout closed',
    exit: 0,
    maxMs: 15_000,
    cli: { closeStdoutEarly: true },
    args: (env) => ['watch', '--json', '--interval', '2s', ...on(env, '--account', 'flow-main'), '--until', 'ETH>=0.00001', '--timeout', '6s'],
    stdout: /"type":"snapshot"/,
    stderr: /ETH >= 0\.00001 holds/,
  },
];

/** The Swipelux demo account reading every customer (no ids), one entry per list page. */
const swipeluxEnumerating = (version: 'v1' | 'v3', style: 'hasMore-as-string' | 'total-short') => (env: ScenarioEnv) => {
  patchAccount(env, 'swipelux', { apiVersion: version, wallets: undefined, customers: undefined });
  Object.assign(env.sandbox.state.swipelux, { maxPageSize: 1, pagingStyle: style });
};
const cfWallet = (amount: string) => ({
  id: TRADING_WALLET,
  name: 'T',
  balances: [{ currency: 'USDTTRC20', amount, pending_amount: '0', available_balance: amount }],
});

// Issue 21 class 2: a list is complete only when it says so unambiguously (one paginator for all).
const lists: Scenario[] = [
  {
    id: 'K21',
    what: 'Swipelux v3 hasMore "true" with a next cursor: unknown where page 2 might hold the funds, not no',
    exit: 6,
    maxMs: 15_000,
    stdout: 'empty',
    setup: swipeluxEnumerating('v3', 'hasMore-as-string'),
    args: withdraw('swipelux', 'USDC', '500'),
    stderr: /the account list of customer cus_abc123 says \$\.hasMore: "true" \(a string\), not true or false[\s\S]*could not decide/,
  },
  {
    id: 'K22',
    what: 'a Swipelux v1 customer list ending before its own totalCount: unknown, not no',
    exit: 6,
    maxMs: 15_000,
    stdout: 'empty',
    setup: swipeluxEnumerating('v1', 'total-short'),
    args: withdraw('swipelux', 'USDC', '5000'),
    stderr: /the customer list ended after 2 entries, before its own total of 3[\s\S]*could not decide/,
  },
  {
    id: 'K23',
    what: 'a Cryptofuse wallet list naming a wallet twice (5,000 and 10 USDT) decides nothing: unknown, not yes',
    exit: 6,
    maxMs: 15_000,
    stdout: 'empty',
    setup: (env) => {
      env.sandbox.state.cryptofuse.withdrawalCurrencies[0]!.max_withdrawal = '100000.00';
      env.sandbox.faults.add({
        provider: 'cryptofuse',
        path: '/wallets/',
        kind: 'body',
        body: JSON.stringify({ accounts: [cfWallet('5000'), cfWallet('10')], total: 2 }),
      });
    },
    args: withdraw('casino-v3', 'USDTTRC20', '1000'),
    stderr: new RegExp(`the wallet list names "${TRADING_WALLET.slice(0, 30)}.*" more than once[\\s\\S]*could not decide`),
  },
  ...['..', '%2F..%2Fwallets', 'cus?x=1'].map((id, i): Scenario => ({
    id: `K2${4 + i}`,
    what: `an enumerated customer id ${JSON.stringify(id)} is never requested; the others are read`,
    exit: 6,
    maxMs: 15_000,
    stdout: 'json-partial',
    setup: (env) => {
      patchAccount(env, 'swipelux', { wallets: undefined, customers: undefined });
      env.sandbox.faults.add({
        provider: 'swipelux',
        path: '/v1/customers',
        kind: 'body',
        body: JSON.stringify({ customers: [{ id }, { id: 'cus_abc123' }], totalCount: 2, hasMore: false }),
      });
    },
    args: (env) => ['balances', '--json', ...on(env, '--account', 'swipelux')],
    stderr: /the customer list names an entry that cannot be read safely/,
    check: (_, env) => {
      const paths = env.sandbox.requests.filter((r) => r.provider === 'swipelux').map((r) => r.path.split('?')[0]);
      expect(new Set(paths)).toEqual(new Set(['/v1/customers', '/v1/customers/cus_abc123/wallets']));
    },
  })),
];

export const withdrawScenarios: Scenario[] = [...limits, ...modes, ...incomplete, ...lists];
