// Body scenarios: what providers may send back, from broken JSON to hostile strings.
import { on, type Scenario, type ScenarioEnv } from './harness.js';
import { parseCsv } from '../helpers/csv-parse.js';

const syncpayBody = (balances: unknown[] | string) =>
  typeof balances === 'string' ? balances : JSON.stringify({ success: true, account_id: 'org_x', balances, total_balance_usd: '1.00' });
const row = (currency: string, available: string, pending = '0.00') => ({ currency, available_balance: available, pending_balance: pending });
const body =
  (text: string, times = 2) =>
  (env: ScenarioEnv) =>
    env.sandbox.faults.add({ provider: 'syncpay', kind: 'body', body: text, times });
const syncpay =
  (format = '--json') =>
  (env: ScenarioEnv) => ['balances', format, ...on(env, '--account', 'syncpay')];
const flowBody = (balanceJson: string) => (env: ScenarioEnv) =>
  env.sandbox.faults.add({
    provider: 'flow-payments',
    kind: 'body',
    times: 2,
    body: `{"data": [{"asset": {"symbol": "ETH", "chain": "ethereum", "decimals": 18}, "balance": ${balanceJson}, "usd_value": "1.00"}]}`,
  });
const flow = (env: ScenarioEnv) => ['balances', '--json', ...on(env, '--account', 'flow-main')];

function firstBalance(stdout: string): Record<string, string | null> {
  const doc = JSON.parse(stdout) as { balances: Array<Record<string, string | null>> };
  const first = doc.balances[0];
  if (!first) throw new Error('no balance printed');
  return first;
}

function expectField(field: string, value: string) {
  return (stdout: string) => {
    const actual = firstBalance(stdout)[field];
    if (actual !== value) throw new Error(`${field}: expected ${value}, got ${actual}`);
  };
}

const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

export const bodyScenarios: Scenario[] = [
  {
    id: 'B01',
    what: 'HTML error page with 200',
    exit: 6,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: (env) => env.sandbox.faults.add({ provider: 'syncpay', kind: 'html', times: 2 }),
    args: syncpay(),
    stderr: /SyncPay for account 'syncpay' sent an HTML page instead of JSON \(HTTP 200, text\/html\)/,
    attempts: { provider: 'syncpay', count: 1 },
  },
  {
    id: 'B02',
    what: 'empty body with 200',
    exit: 6,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: (env) => env.sandbox.faults.add({ provider: 'syncpay', kind: 'empty', times: 2 }),
    args: syncpay(),
    stderr: /SyncPay for account 'syncpay' sent an empty response \(HTTP 200\)/,
  },
  {
    id: 'B03',
    what: 'truncated JSON (complete HTTP message)',
    exit: 6,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: body('{"success": true, "balances": [{"currency": "USD", "available_balance": "12'),
    args: syncpay(),
    stderr: /SyncPay for account 'syncpay' sent invalid JSON at character \d+/,
  },
  {
    id: 'B04',
    what: 'wrong shape: balances is an object',
    exit: 6,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: body('{"success": true, "balances": {"USD": "1.00"}}'),
    args: syncpay(),
    stderr: /SyncPay sent a response for account 'syncpay' that does not match its documented shape: \$\.balances: expected an array, got a object/,
  },
  {
    id: 'B05',
    what: 'amount "NaN"',
    exit: 6,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: body(syncpayBody([row('USD', 'NaN')])),
    args: syncpay(),
    stderr: /\$\.balances\[0\]\.available_balance: expected a decimal amount, got "NaN" is not a plain decimal amount/,
  },
  {
    id: 'B06',
    what: 'amount 1e400 (JSON number)',
    exit: 6,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: flowBody('1e400'),
    args: flow,
    stderr: /\$\.data\[0\]\.balance: expected a decimal amount, got "1e400" is out of range for an amount/,
  },
  {
    id: 'B07',
    what: 'amount -0 (JSON number) prints as zero',
    exit: 0,
    stdout: expectField('total', '0'),
    maxMs: 6_000,
    setup: flowBody('-0'),
    args: flow,
    stderr: /^$/,
  },
  {
    id: 'B08',
    what: '40-digit integer amount',
    exit: 0,
    maxMs: 6_000,
    stderr: /^$/,
    setup: body(syncpayBody([row('USD', '1234567890123456789012345678901234567890')])),
    args: syncpay(),
    stdout: expectField('available', '1234567890123456789012345678901234567890.00'),
  },
  {
    id: 'B09',
    what: '30-decimal fraction',
    exit: 0,
    maxMs: 6_000,
    stderr: /^$/,
    setup: body(syncpayBody([row('USD', '0.123456789012345678901234567890', '0')])),
    args: syncpay(),
    stdout: expectField('total', '0.123456789012345678901234567890'),
  },
  {
    id: 'B10',
    what: 'duplicate keys with different values',
    exit: 6,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: body('{"success": true, "balances": [{"currency": "USD", "available_balance": "1.00", "available_balance": "1000000.00", "pending_balance": "0"}]}'),
    args: syncpay(),
    stderr: /sent the key 'available_balance' twice at character \d+; refusing to guess which value counts/,
  },
  {
    id: 'B11',
    what: 'a 200 body that echoes the key in a string field',
    exit: 0,
    maxMs: 6_000,
    stderr: /^$/,
    setup: (env) => body(syncpayBody([row(env.canaries.syncpay, '1.00')]))(env),
    args: syncpay(),
    stdout: (stdout) => {
      if (!stdout.includes('«redacted»')) throw new Error('expected the echoed key to be redacted');
    },
  },
  {
    id: 'B12',
    what: 'a 401 body that echoes the key',
    exit: 4,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: (env) =>
      env.sandbox.faults.add({
        provider: 'syncpay',
        kind: 'status',
        status: 401,
        times: 2,
        body: JSON.stringify({ error: { code: 'UNAUTHORIZED', message: `Invalid API key ${env.canaries.syncpay}` } }),
      }),
    args: syncpay(),
    stderr: /rejected the API key for account 'syncpay' \(401 UNAUTHORIZED: Invalid API key «redacted»\)/,
  },
  {
    id: 'B13',
    what: 'ANSI and OSC escapes in a currency code (table)',
    exit: 0,
    maxMs: 6_000,
    stderr: /^$/,
    setup: body(syncpayBody([row('USD\u001b[2J\u001b]0;pwned\u0007', '1.00')])),
    args: syncpay('--output=table'),
    stdout: (stdout) => {
      if (RAW_CONTROL.test(stdout) || !stdout.includes('\\e[2J')) throw new Error(`raw escape on the terminal: ${JSON.stringify(stdout)}`);
    },
  },
  {
    id: 'B14',
    what: 'bidi override and CR/LF in a wallet name (table)',
    exit: 0,
    maxMs: 6_000,
    stderr: /^$/,
    setup: (env) =>
      env.sandbox.faults.add({
        provider: 'cryptofuse',
        path: '/wallets/balances',
        kind: 'body',
        times: 2,
        body: JSON.stringify({ result: { id: 'w1', name: 'Safe\u202eevil\r\nFAKE ROW', balances: [{ currency: 'btc', amount: '1', pendingAmount: '0' }] } }),
      }),
    args: (env) => ['balances', ...on(env, '--account', 'casino-v1')],
    stdout: (stdout) => {
      if (RAW_CONTROL.test(stdout) || stdout.trimEnd().split('\n').length !== 2) throw new Error(`unsafe table: ${JSON.stringify(stdout)}`);
    },
  },
  {
    // The negative amount is also inconsistent (issue 11): said on stderr, the CSV row still defused.
    id: 'B15',
    what: 'spreadsheet formulas in provider strings (CSV)',
    exit: 0,
    maxMs: 6_000,
    stderr:
      /^warning: inconsistent balance from SyncPay for account 'syncpay', =HYPERLINK\("http:\/\/x\.invalid","pay"\): available_balance -5\.00: negative; excluded from totals, never a yes\n$/,
    setup: body(syncpayBody([row('=HYPERLINK("http://x.invalid","pay")', '-5.00'), row('@SUM(A1)', '1.00'), row('+1', '2.00')])),
    args: syncpay('--csv'),
    stdout: (stdout) => {
      const rows = parseCsv(stdout).slice(1);
      const live = rows.flatMap((r) => [r[5], r[7]]).filter((cell) => /^[=+\-@\t\r\n]/.test(cell ?? ''));
      if (live.length > 0 || rows[0]?.[8] !== '-5.00') throw new Error(`live formula cells: ${JSON.stringify(live)}`);
    },
  },
  {
    id: 'B16',
    what: 'SyncPay success: false with 200',
    exit: 6,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: body('{"success": false, "error": {"code": "INTERNAL", "message": "try later"}}'),
    args: syncpay(),
    stderr: /SyncPay for account 'syncpay' answered success: false \(INTERNAL try later\)/,
  },
  {
    // The one body answers both configured wallets as "w1": the same wallet twice is inconsistent (issue 11).
    id: 'B17',
    what: 'Cryptofuse v2 JSON numbers with 18 decimals come through exactly',
    exit: 0,
    maxMs: 6_000,
    stderr:
      /^warning: inconsistent balance from Cryptofuse for account 'casino-v2' wallet w1, eth: currency eth: listed 2 times in one read \(1\.123456789012345678, 1\.123456789012345678\); excluded from totals, never a yes\n(warning: inconsistent[^\n]*\n)?$/,
    setup: (env) =>
      env.sandbox.faults.add({
        provider: 'cryptofuse',
        path: '/wallets/balance',
        kind: 'body',
        times: 4,
        body: '{"wallet_id": "w1", "wallet_name": "W", "balances": {"eth": {"available": 1.123456789012345678, "pending": 0.000000000000000001, "total": 1.123456789012345679, "usd_value": 3500.25, "blockchain": "ETH"}}, "total_usd_value": 3500.25}',
      }),
    args: (env) => ['balances', '--json', ...on(env, '--account', 'casino-v2')],
    stdout: (stdout) => {
      const first = firstBalance(stdout);
      if (first.available !== '1.123456789012345678' || first.total !== '1.123456789012345679') throw new Error(JSON.stringify(first));
    },
  },
  {
    id: 'B18',
    what: 'Swipelux legacy {"balance": 48.5}',
    exit: 6,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: (env) => env.sandbox.faults.add({ provider: 'swipelux', kind: 'body', body: '{"balance": 48.5}', times: 6 }),
    args: (env) => ['balances', '--json', ...on(env, '--account', 'swipelux')],
    stderr: /48\.5 USD/,
  },
  {
    id: 'B19',
    what: 'JSON output larger than 64 KiB arrives whole through a pipe',
    exit: 0,
    maxMs: 6_000,
    stderr: /^$/,
    setup: body(syncpayBody(Array.from({ length: 1500 }, (_, i) => row(`C${String(i).padStart(5, '0')}`, `${i}.${String(i).padStart(18, '0')}`)))),
    args: syncpay(),
    stdout: (stdout) => {
      const doc = JSON.parse(stdout) as { balances: unknown[] };
      if (stdout.length < 64 * 1024 || doc.balances.length !== 1500) throw new Error(`got ${stdout.length} bytes, ${doc.balances.length} balances`);
    },
  },
];
