// Fail closed by construction (issue 21 classes 1, 3, 8, 9, 10): repeated identities in provider
// lists and in the config, credentials in URLs and short tokens, time inputs at and past their
// bounds in the one duration grammar, broken pipes on either channel, and a failed account's mode.
import { join } from 'node:path';
import { TRADING_WALLET } from '../../src/providers/cryptofuse/emulator/data.js';
import { writeConfig } from '../helpers/fixtures.js';
import { on, type Scenario, type ScenarioEnv } from './harness.js';

const body =
  (provider: string, path: string, doc: unknown, times = 1) =>
  (env: ScenarioEnv) =>
    env.sandbox.faults.add({ provider, path, kind: 'body', body: JSON.stringify(doc), times });
const withConfig = (extra: Record<string, unknown>) => (env: ScenarioEnv) => {
  env.config = { ...env.config, ...extra };
  env.configPath = writeConfig(env.dir, env.config, 'patched.json');
};
const v3Row = (currency: string, available: string) => ({ currency, amount: available, pending_amount: '0.00', available_balance: available });
const limit = (currency: string, max: string) => ({
  currency,
  name: currency,
  blockchain: 'TRX',
  token: 'USDT',
  balance: '400.00',
  min_withdrawal: '10.00',
  max_withdrawal: max,
});
const store = (env: ScenarioEnv) => join(env.dir, 'history.db');
const PG_PASSWORD = 'pg-s3cret-password-42';
const SHORT_TOKEN = 'tk9Q';

const duplicates: Scenario[] = [
  {
    id: 'FC01',
    what: 'a Cryptofuse wallet list naming one wallet twice (5,000 and 10 USDT) is unknown, not a yes',
    exit: 6,
    maxMs: 15_000,
    stdout: 'empty',
    setup: body(
      'cryptofuse',
      '/wallets/',
      { accounts: [5000, 10].map((n) => ({ id: TRADING_WALLET, name: 'T', balances: [v3Row('USDTTRC20', `${n}.00`)] })), total: 2 },
      2,
    ),
    args: (env) => ['can-withdraw', 'USDTTRC20', '100', ...on(env, '--account', 'casino-v3')],
    stderr: /the wallet list names "550e8400-e29b-41d4-a716-446655440000" more than once \(page 1\); the list is not stable, so neither entry is used/,
  },
  {
    id: 'FC15',
    what: 'the same wallet under two spellings of its id (5,000 and 10 USDT) is inconsistent, not a yes',
    exit: 6,
    maxMs: 15_000,
    stdout: 'empty',
    setup: body(
      'cryptofuse',
      '/wallets/',
      {
        accounts: [
          [TRADING_WALLET, 5000],
          [TRADING_WALLET.toUpperCase(), 10],
        ].map(([id, n]) => ({ id, name: 'T', balances: [v3Row('USDTTRC20', `${n}.00`)] })),
        total: 2,
      },
      2,
    ),
    args: (env) => ['can-withdraw', 'USDTTRC20', '100', ...on(env, '--account', 'casino-v3')],
    stderr: /inconsistent: Cryptofuse reported USDT \(tron\) in 'casino-v3' with currency USDTTRC20: listed 2 times in one read \(5000\.00, 10\.00\)/,
  },
  {
    id: 'FC02',
    what: 'a limits list naming one currency twice (max 100,000 and max 50, two spellings) is unknown',
    exit: 6,
    maxMs: 15_000,
    stdout: 'empty',
    setup: body('cryptofuse', '/withdrawal/available-currencies/', { currencies: [limit('USDTTRC20', '100000'), limit('usdt_trc20', '50')], total: 2 }, 2),
    args: (env) => ['can-withdraw', 'USDTTRC20', '200', ...on(env, '--account', 'casino-v3')],
    stderr: /inconsistent limits: Cryptofuse reported .*one currency listed 2 times for USDTTRC20/, // usdt_trc20 is another spelling: the list takes it, the boundary does not
  },
  {
    id: 'FC03',
    what: 'a SyncPay answer naming USDT_TRC20 and usdttrc20 is unknown',
    exit: 6,
    maxMs: 15_000,
    stdout: 'empty',
    setup: body(
      'syncpay',
      '/accounts/balances',
      {
        success: true,
        balances: [
          { currency: 'USDT_TRC20', available_balance: '5000.00', pending_balance: '0.00' },
          { currency: 'usdttrc20', available_balance: '10.00', pending_balance: '0.00' },
        ],
      },
      2,
    ),
    args: (env) => ['can-withdraw', 'USDT', '100', ...on(env, '--account', 'syncpay')],
    stderr: /listed 2 times in one read \(5000\.00, 10\.00\)/,
  },
  {
    id: 'FC04',
    what: 'a config naming one currency twice in rates (NGN and ngn) is a config error',
    exit: 3,
    maxMs: 10_000,
    stdout: 'empty',
    setup: withConfig({ rates: { NGN: '0.00065', ngn: '0.5' } }),
    args: (env) => ['balances', ...on(env)],
    stderr: /rates\.NGN and rates\.ngn: the same currency twice; keep one/,
  },
];

const secrets: Scenario[] = [
  {
    id: 'FC05',
    what: 'a store URL with ?password= is named without it in a connection error',
    exit: 3,
    maxMs: 10_000,
    stdout: 'empty',
    args: (env) => ['history', ...on(env, '--store', `postgresql://127.0.0.1:1/ledger?sslmode=disable&password=${PG_PASSWORD}`)],
    stderr: /^error: cannot connect to history store postgresql:\/\/127\.0\.0\.1:1\/ledger\?sslmode=disable&password=«redacted»: /,
    check: (result) => {
      if ((result.stdout + result.stderr).includes(PG_PASSWORD)) throw new Error('the store password was printed');
    },
  },
  {
    id: 'FC06',
    what: 'a 4-character OAuth token echoed in a refusal is redacted',
    exit: 4,
    maxMs: 15_000,
    stdout: 'empty',
    setup: (env) => {
      body('cryptofuse', '/o/token/', { access_token: SHORT_TOKEN, token_type: 'Bearer', expires_in: 3600 })(env);
      env.sandbox.faults.add({
        provider: 'cryptofuse',
        path: '/wallets/balance',
        kind: 'status',
        status: 403,
        times: 4,
        body: JSON.stringify({ detail: `token ${SHORT_TOKEN} is not allowed here` }),
      });
    },
    args: (env) => ['balances', ...on(env, '--account', 'casino-v2')],
    stderr: /token «redacted» is not allowed here/,
    check: (result) => {
      if (new RegExp(`\\b${SHORT_TOKEN}\\b`).test(result.stdout + result.stderr)) throw new Error('the short token was printed');
    },
  },
];

const times: Scenario[] = [
  {
    id: 'FC07',
    what: 'history --since 300000000d is a usage error naming the flag, not exit 70',
    exit: 2,
    maxMs: 10_000,
    stdout: 'empty',
    args: (env) => ['history', ...on(env, '--since', '300000000d', '--store', store(env))],
    stderr: /^error: --since "300000000d" is too long; the longest is 36500d\n  hint: expected e\.g\. 30d/,
  },
  {
    id: 'FC08',
    what: 'history prune --older-than 99999999999w is a usage error',
    exit: 2,
    maxMs: 10_000,
    stdout: 'empty',
    args: (env) => ['history', 'prune', ...on(env, '--older-than', '99999999999w', '--store', store(env))],
    stderr: /^error: --older-than "99999999999w" is too long/,
  },
  {
    id: 'FC09',
    what: '--timeout 1d and --max-age 1h30m are read in the one grammar',
    exit: 0,
    maxMs: 15_000,
    stdout: 'json-complete',
    stderr: /^$/,
    args: (env) => ['balances', '--json', ...on(env, '--account', 'syncpay', '--timeout', '1d', '--max-age', '1h30m')],
  },
  {
    id: 'FC10',
    what: 'watch --interval 1m30s --count 1 polls once and ends 0',
    exit: 0,
    maxMs: 15_000,
    stdout: /USDT/,
    stderr: /^$/,
    args: (env) => ['watch', '--quiet', ...on(env, '--account', 'syncpay', '--interval', '1m30s', '--count', '1')],
  },
  {
    id: 'FC11',
    what: "--timeout 30d is past a timer's reach: a usage error",
    exit: 2,
    maxMs: 10_000,
    stdout: 'empty',
    args: (env) => ['balances', ...on(env, '--timeout', '30d')],
    stderr: /^error: --timeout "30d" is too long; the longest is 24d\n$/,
  },
];

const pipes: Scenario[] = [
  {
    id: 'FC12',
    what: 'can-withdraw yes under 2>&1 | head -1 stays 0 (its note hits the closed pipe)',
    exit: 0,
    maxMs: 15_000,
    cli: { stderrToStdout: true, closeStdoutEarly: true },
    args: (env) => ['can-withdraw', 'USDT', '100', ...on(env, '--account', 'syncpay')],
    stdout: /^yes: 'syncpay' can withdraw 100 USDT/,
    stderr: /^$/,
  },
  {
    id: 'FC13',
    what: 'can-withdraw no with stderr closed early stays 1',
    exit: 1,
    maxMs: 15_000,
    cli: { closeStderrEarly: true },
    stdout: 'empty',
    args: (env) => ['can-withdraw', 'USDT', '100000', ...on(env, '--account', 'syncpay')],
    stderr: /^no: /,
  },
];

const modes: Scenario[] = [
  {
    id: 'FC14',
    what: 'a test account that is down keeps its mode: its test sibling answers yes',
    exit: 0,
    maxMs: 15_000,
    stderr: /^(?![\s\S]*other mode)/,
    setup: (env) => env.sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 401, times: 4 }),
    args: (env) => ['can-withdraw', 'USDC', '100', ...on(env, '--account', 'syncpay,swipelux')],
    stdout: /^yes: 'swipelux' can withdraw 100 USDC .*\[test mode\]/,
  },
];

export const failClosedScenarios: Scenario[] = [...duplicates, ...secrets, ...times, ...pipes, ...modes];
