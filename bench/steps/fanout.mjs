// Step 3: fan-out. n wallets spread over the providers that read many wallets per account, each
// provider on its own sandbox (its own origin, so "sockets per origin" means something), every
// response delayed by the same latency. The ideal is the slowest provider's ⌈n/c⌉ × latency with
// c its catalog concurrency; the CLI's wall time (start-up included) is compared to it, and each
// sandbox counts the TCP connections it accepted.
import { timeProcess, median } from '../lib/measure.mjs';
import { cliEnv } from '../lib/target.mjs';

/**
 * Providers that fan out over wallets. Adding one (e.g. Cryptofuse) is one entry: how many
 * wallets, how to make the sandbox know them, the account config.
 */
export const FANOUT = [
  {
    provider: 'swipelux',
    wallets: 100,
    seed(sandbox, ids) {
      const template = sandbox.state.swipelux.wallets.get('wal_abc123');
      for (const id of ids) sandbox.state.swipelux.wallets.set(id, { ...template, walletId: id });
    },
    account: (sandbox, keys, ids) => ({ provider: 'swipelux', baseUrl: sandbox.baseUrl('swipelux'), apiKey: keys.swipelux, wallets: ids }),
  },
];

export async function fanout(target, { runs = 5, latencyMs = 100 } = {}) {
  const SANDBOX_KEYS = await target.sandboxKeys();
  const { PROVIDERS } = await target.import('providers/catalog.js');
  const accounts = {};
  const origins = [];
  for (const entry of FANOUT) {
    // Rate limits off here: this step measures concurrency; step 4 measures pacing.
    const sandbox = await target.sandbox({ latencyMs, rateLimits: { [entry.provider]: null } });
    const ids = Array.from({ length: entry.wallets }, (_, i) => `wal_bench${String(i).padStart(4, '0')}`);
    entry.seed(sandbox, ids);
    accounts[`bench-${entry.provider}`] = entry.account(sandbox, SANDBOX_KEYS, ids);
    const c = PROVIDERS[entry.provider].concurrency;
    origins.push({ provider: entry.provider, sandbox, n: entry.wallets, c, idealMs: Math.ceil(entry.wallets / c) * latencyMs });
  }
  const config = target.config('fanout', accounts);
  const wall = [];
  const sockets = Object.fromEntries(origins.map((o) => [o.provider, 0]));
  for (let run = 0; run < runs; run++) {
    const before = origins.map((o) => (typeof o.sandbox.connections === 'function' ? o.sandbox.connections() : null));
    const result = await timeProcess(target.cli('--config', config, '--json', 'balances'), { env: cliEnv(), timeoutMs: 120_000 });
    if (result.code !== 0) throw new Error(`fan-out run exited ${result.code}: ${result.stderr.slice(0, 400)}`);
    const wallets = new Set(JSON.parse(result.stdout).balances.map((b) => b.wallet));
    const expected = origins.reduce((sum, o) => sum + o.n, 0);
    if (wallets.size !== expected) throw new Error(`fan-out read ${wallets.size} wallets, expected ${expected}`);
    wall.push(result.ms);
    origins.forEach((o, i) => {
      const opened = before[i] === null ? null : o.sandbox.connections() - before[i];
      sockets[o.provider] = opened === null || sockets[o.provider] === null ? null : Math.max(sockets[o.provider], opened);
    });
  }
  const idealMs = Math.max(...origins.map((o) => o.idealMs));
  const medianMs = median(wall);
  const socketNote = Object.values(sockets).includes(null) ? ["sockets per origin: n/a (this build's sandbox does not count connections)"] : [];
  return {
    medianMs,
    idealMs,
    latencyMs,
    origins: origins.map((o) => ({ provider: o.provider, wallets: o.n, concurrency: o.c, idealMs: o.idealMs, maxSockets: sockets[o.provider] })),
    notes: socketNote,
    figures: [
      {
        figure: `fan-out ${origins.reduce((s, o) => s + o.n, 0)} wallets vs ideal (${idealMs} ms)`,
        value: medianMs / idealMs,
        unit: '×',
        target: 1.15,
        better: 'lower',
      },
      ...origins.map((o) => ({ figure: `sockets to ${o.provider} (c = ${o.c})`, value: sockets[o.provider], unit: '', target: o.c, better: 'lower' })),
    ],
  };
}
