// Step "tables", run in its own process (node --expose-gc): the balances table for people against
// the JSON document for the same balances, at 1,000 and 10,000 rows, alternating, with a full GC
// before each sample. Rendering only (the read is the same for both), so the ratio is the table's
// own cost. Prints the medians as JSON.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, roundsArg] = process.argv.slice(2);
const load = (path) => import(pathToFileURL(join(root, 'dist', path)).href);
const [{ makeBalance }, { Decimal }, { balancesTable }, { balancesJson }, { Chalk }] = await Promise.all([
  load('core/balance.js'),
  load('core/money.js'),
  load('format/table.js'),
  load('format/json.js'),
  import(pathToFileURL(join(root, 'node_modules', 'chalk', 'source', 'index.js')).href),
]);
const rounds = Number(roundsArg ?? 5);
const color = new Chalk({ level: 1 });

/** Balances like a treasury's: 50 accounts, wallet names (some wide), 2- to 18-decimal amounts, some unknowns. */
function balances(n) {
  const names = ['Trading Wallet', 'Savings', '交易钱包', 'Player 12345', '💰 Payouts'];
  return Array.from({ length: n }, (_, i) => {
    const scale = [2, 6, 8, 18][i % 4];
    const amount = (whole) => new Decimal(`${whole}.${String(i).padStart(scale, '7').slice(0, scale)}`);
    return makeBalance({
      account: `account-${i % 50}`,
      provider: 'cryptofuse',
      mode: i % 7 === 0 ? 'test' : 'live',
      currency: ['USDT', 'BTC', 'ETH', 'USDC'][i % 4],
      network: i % 5 === 0 ? null : 'tron',
      providerCurrency: 'usdttrc20',
      wallet: `w${i}`,
      walletName: `${names[i % names.length]} ${i}`,
      available: amount(i * 13),
      pending: i % 3 === 0 ? null : amount(1),
      usdValue: i % 11 === 0 ? null : new Decimal(`${i * 13}.25`),
      usdRate: null,
      usdSource: 'peg',
      scale,
      raw: {},
    });
  });
}

const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const result = {};
for (const n of [1_000, 10_000]) {
  const list = balances(n);
  const contenders = {
    json: () => balancesJson(list, [], new Date()),
    table: () => balancesTable(list, { color }),
    fitted: () => balancesTable(list, { color, width: 80 }),
  };
  // A quadratic renderer (an older build, --root) would take minutes at 10,000 rows: one sample says so.
  const probe = performance.now();
  contenders.table();
  if (n > 1_000 && performance.now() - probe > 10_000) {
    result[n] = { skipped: `one 10,000-row table took ${Math.round(performance.now() - probe)} ms` };
    continue;
  }
  const samples = { json: [], table: [], fitted: [] };
  for (let r = 0; r < rounds; r++) {
    const order = Object.keys(contenders);
    for (const name of r % 2 === 0 ? order : order.reverse()) {
      globalThis.gc?.();
      const t = performance.now();
      contenders[name]();
      samples[name].push(performance.now() - t);
    }
  }
  result[n] = Object.fromEntries(Object.entries(samples).map(([k, v]) => [`${k}Ms`, median(v)]));
}
process.stdout.write(JSON.stringify(result));
