// Real size (issue 22): one Cryptofuse account whose wallet list carries 5,000 wallets with their
// balances embedded (the newer `{accounts: [… balances], total}` pages, 100 wallets a page), two
// balances each: 10,000 rows. `balances --json` and the `balances` table (stdout a pipe) run
// alternately. Figures: the 5,000-wallet read (3.7 s when issue 22 was filed: it must stay so) and
// the table against the JSON output (budget ≤ 1.5×: the table renderer must be linear).
import { alternate, timeProcess } from '../lib/measure.mjs';
import { cliEnv } from '../lib/target.mjs';

export async function bigRead(target, { rounds = 3, wallets = 5_000 } = {}) {
  const SANDBOX_KEYS = await target.sandboxKeys();
  const sandbox = await target.sandbox({ rateLimits: { cryptofuse: null } });
  const state = sandbox.state.cryptofuse;
  state.listShape = 'accounts';
  state.wallets = [];
  state.v3 = {};
  for (let i = 0; i < wallets; i++) {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    state.wallets.push({ id, name: `Player ${i}`, created_at: '2025-03-15T10:20:30.456Z' });
    state.v3[id] = {
      account: { id, name: `Player ${i}`, external_id: `player-${i}`, wallet_id: `w_${i}` },
      balances: [
        { currency: 'USDTTRC20', amount: `${1000 + (i % 997)}.25`, pending_amount: '10.00', available_balance: `${990 + (i % 997)}.25` },
        { currency: 'BTC', amount: `0.${String(i).padStart(8, '0')}`, pending_amount: '0.00', available_balance: `0.${String(i).padStart(8, '0')}` },
      ],
    };
  }
  const config = target.config('big-read', {
    casino: { provider: 'cryptofuse', apiVersion: 'v3', baseUrl: sandbox.baseUrl('cryptofuse'), apiKey: SANDBOX_KEYS.cryptofuse },
  });
  const rows = wallets * 2;
  const json = { name: 'balances --json', argv: target.cli('--config', config, '--json', 'balances'), timeoutMs: 300_000 };
  const table = { name: 'balances (table)', argv: target.cli('--config', config, 'balances'), timeoutMs: 300_000 };
  // A read that comes back short would look fast: check it once (it also warms the disk cache).
  const check = await timeProcess(json.argv, { env: cliEnv(), timeoutMs: json.timeoutMs });
  if (check.code !== 0) throw new Error(`big read exited ${check.code}: ${check.stderr.slice(0, 400)}`);
  const read = JSON.parse(check.stdout).balances.length;
  if (read !== rows) throw new Error(`big read returned ${read} balances, expected ${rows}`);
  const timings = await alternate([json, table], { rounds, warmup: 0, env: cliEnv() });
  return {
    wallets,
    rows,
    timings,
    figures: [
      {
        figure: `read of ${wallets} Cryptofuse wallets (balances --json)`,
        value: timings[json.name].median,
        unit: 'ms',
        ...(wallets === 5_000 ? { target: 3_700, better: 'lower' } : {}),
      },
      { figure: `table vs --json, ${rows} rows`, value: timings[table.name].median / timings[json.name].median, unit: '×', target: 1.5, better: 'lower' },
    ],
  };
}
