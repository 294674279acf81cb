// A year of history at the size of the teams we serve (issue 22): 5-minute snapshots of 200
// balances in 40 accounts, 20 of the balances (10 %) changing at every snapshot, written as the
// lines `history export` writes and taken into a store by the CLI's own `history import` — so the
// bench measures the store a real import builds, and the import itself.
import { spawn } from 'node:child_process';

export const YEAR = { accounts: 40, perAccount: 5, changing: 20, intervalMs: 300_000, days: 365 };
const CURRENCIES = [
  ['USD', null],
  ['USDT', 'tron'],
  ['BTC', 'bitcoin'],
  ['ETH', 'ethereum'],
  ['EUR', null],
];

const accountName = (a) => `acct-${String(a + 1).padStart(2, '0')}`;

function balance(account, [currency, network], amount) {
  return {
    account,
    provider: 'syncpay',
    mode: 'live',
    wallet: null,
    walletName: null,
    currency,
    network,
    providerCurrency: currency,
    available: amount,
    pending: '0.00',
    total: amount,
    usdValue: '12.34',
    usdRate: null,
    usdSource: null,
    updatedAt: null,
  };
}

/** The lines, account by account (as export writes them), each account's year in time order. */
export function* yearLines(end, { accounts, perAccount, changing, intervalMs, days } = YEAR) {
  const snapshots = Math.floor((days * 86_400_000) / intervalMs);
  const start = end - snapshots * intervalMs;
  for (let a = 0; a < accounts; a++) {
    const account = accountName(a);
    const changes = Math.max(0, Math.min(perAccount, changing - a * perAccount));
    const head = `{"at":"`;
    const tail = `","account":"${account}","provider":"syncpay","mode":"live","error":null,"balances":`;
    let lines = '';
    for (let n = 0; n <= snapshots; n++) {
      const at = new Date(start + n * intervalMs).toISOString();
      const value = (i) => `${1000 + ((n + i) % 97)}.${String((n + i) % 100).padStart(2, '0')}`;
      const balances =
        n === 0
          ? CURRENCIES.slice(0, perAccount).map((c, i) => balance(account, c, `${1000 + i}.00`))
          : CURRENCIES.slice(0, changes).map((c, i) => balance(account, c, value(i)));
      lines += `${head}${at}${tail}${JSON.stringify(balances)},"gone":[]}\n`;
      if (lines.length > 1 << 20) {
        yield lines;
        lines = '';
      }
    }
    if (lines) yield lines;
  }
}

/** Pipe the year into `history import --store <store>` of the target CLI; resolves with its time and output. */
export function importYear(argv, end, env, shape = YEAR) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(argv[0], argv.slice(1), { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code === 0) resolve({ ms, stderr });
      else reject(new Error(`history import exited ${code}: ${stderr.slice(0, 400)}`));
    });
    const lines = yearLines(end, shape);
    const pump = () => {
      for (let next = lines.next(); !next.done; next = lines.next()) {
        if (!child.stdin.write(next.value)) return void child.stdin.once('drain', pump);
      }
      child.stdin.end();
    };
    child.stdin.on('error', () => undefined); // a failed import says why on stderr
    pump();
  });
}
