// Many accounts on one host (issue 22): 50 SyncPay accounts, each with its own key, on one sandbox
// origin answering every request after 100 ms, against one such account, `balances --json`
// alternating. Budget: ≤ 1.5× one account (they queued on 4 sockets: 5.4×). Each key's pacing
// must still hold: the sandbox's peak requests in flight per key (sandbox.inFlight) ≤ SyncPay's
// concurrency, and the sockets one run opened are reported against the per-origin bound.
import { alternate } from '../lib/measure.mjs';
import { cliEnv } from '../lib/target.mjs';

const ACCOUNTS = 50;

export async function manyAccounts(target, { rounds = 10, latencyMs = 100 } = {}) {
  const SANDBOX_KEYS = await target.sandboxKeys();
  const { PROVIDERS } = await target.import('providers/catalog.js');
  const sandbox = await target.sandbox({ latencyMs, rateLimits: { syncpay: null } });
  const base = sandbox.baseUrl('syncpay');
  const keys = Array.from({ length: ACCOUNTS }, (_, i) => `sk_test_bench${String(i).padStart(3, '0')}manyaccounts`);
  for (const key of keys) sandbox.state.keys.syncpay.add(key);
  const one = target.config('one-account', { solo: { provider: 'syncpay', baseUrl: base, apiKey: SANDBOX_KEYS.syncpay } });
  const fifty = target.config('fifty-accounts', Object.fromEntries(keys.map((apiKey, i) => [`acct-${i}`, { provider: 'syncpay', baseUrl: base, apiKey }])));
  const timings = await alternate(
    [
      { name: '1 account', argv: target.cli('--config', one, '--json', 'balances') },
      { name: `${ACCOUNTS} accounts`, argv: target.cli('--config', fifty, '--json', 'balances') },
    ],
    { rounds, warmup: 1, env: cliEnv() },
  );
  // One more run of the fifty, counted at the sandbox (builds before issue 22 have no counter).
  const counts = typeof sandbox.inFlight?.reset === 'function';
  if (counts) sandbox.inFlight.reset();
  const before = sandbox.connections();
  await alternate([{ name: 'counted', argv: target.cli('--config', fifty, '--json', 'balances') }], { rounds: 1, warmup: 0, env: cliEnv() });
  const sockets = sandbox.connections() - before;
  const perKeyPeak = counts ? Math.max(...keys.map((key) => sandbox.inFlight.peak(key))) : null;
  const allPeak = counts ? sandbox.inFlight.peak() : null;
  const c = PROVIDERS.syncpay.concurrency;
  return {
    timings,
    latencyMs,
    notes: counts ? [] : ["peak per key: n/a (this build's sandbox does not count requests in flight)"],
    figures: [
      {
        figure: `${ACCOUNTS} accounts (own keys, one host) vs 1 account`,
        value: timings[`${ACCOUNTS} accounts`].median / timings['1 account'].median,
        unit: '×',
        target: 1.5,
        better: 'lower',
      },
      { figure: `  sockets opened by ${ACCOUNTS} accounts`, value: sockets, unit: '' },
      { figure: '  peak requests in flight, all keys', value: allPeak, unit: '' },
      { figure: `  peak requests in flight per key (c = ${c})`, value: perKeyPeak, unit: '', target: c, better: 'lower' },
    ],
  };
}
