// Step 5, run in its own process (node --expose-gc) so the heap is clean: a ~10 MB provider-like
// body parsed alternately by JSON.parse and the target's parseLosslessJson, with a full GC before
// each sample so neither pays for the other's garbage. Prints the medians as JSON.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [root, roundsArg] = process.argv.slice(2);
const { parseLosslessJson, isLosslessNumber } = await import(pathToFileURL(join(root, 'dist', 'core', 'json.js')).href);
const rounds = Number(roundsArg ?? 15);

// Wallet rows as providers send them: ids, nested asset, amounts as strings and as JSON numbers
// (18 decimals, exponents, huge integers), timestamps, escapes.
const rows = [];
let size = 0;
for (let i = 0; size < 10 * 1024 * 1024; i++) {
  const row =
    `{"walletId":"wal_${String(i).padStart(8, '0')}","asset":{"symbol":"USDT","network":"tron","name":"Tether \\u00e9"},` +
    `"amount":"${i}.123456789012345678","available":${i}.123456789012345678,"pending":0,"fee":1.5e-8,"decimals":18,` +
    `"raw":123456789012345678901234567890,"lastUpdated":"2024-01-15T10:30:00Z","tags":["hot","tron"],"active":true,"memo":null}`;
  rows.push(row);
  size += row.length + 1;
}
const text = `{"wallets":[${rows.join(',')}],"count":${rows.length}}`;

const check = parseLosslessJson(text);
const first = check.wallets[0].available;
if (!isLosslessNumber(first) || first.value !== '0.123456789012345678') throw new Error('lossless parse lost digits');

const samples = { json: [], lossless: [] };
for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? ['json', 'lossless'] : ['lossless', 'json'];
  for (const which of order) {
    globalThis.gc?.();
    const t = performance.now();
    if (which === 'json') JSON.parse(text);
    else parseLosslessJson(text);
    samples[which].push(performance.now() - t);
  }
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
process.stdout.write(JSON.stringify({ bytes: text.length, rows: rows.length, jsonMs: median(samples.json), losslessMs: median(samples.lossless) }));
