// Step 4: rate-limit use. The sandbox enforces R requests per window W per key (fixed windows, as
// Flow's Laravel throttle counts) and the client is given the same limit, for this process only:
// the bench sets the catalog entry in memory (the documented limits in the source are untouched).
// m × R wallets are read in-process through the same fetch path the CLI uses. Share of R used:
// the allowed rate says request (m−1)·R may start (m−1)·W after the first; share = that ideal
// over the observed gap at the server. 429s = attempts the server saw beyond one per wallet.
export async function rateLimit(target, { requests = 20, windowMs = 2_000, windows = 3, latencyMs = 20 } = {}) {
  const provider = 'swipelux';
  const [SANDBOX_KEYS, { fetchAccountBalances }] = await Promise.all([
    target.sandboxKeys(),
    target.importFirst('api/fetch-balances.js', 'core/fetch-balances.js'),
  ]);
  const [{ PROVIDERS }, { validateConfig }, { resolveAccounts }] = await Promise.all(
    ['providers/catalog.js', 'config/schema.js', 'config/resolve.js'].map((p) => target.import(p)),
  );
  const session = await freshPacing(target);
  const limit = { requests, windowMs };
  const sandbox = await target.sandbox({ latencyMs, rateLimits: { [provider]: limit } });
  const n = requests * windows;
  const ids = Array.from({ length: n }, (_, i) => `wal_rate${String(i).padStart(4, '0')}`);
  const template = sandbox.state.swipelux.wallets.get('wal_abc123');
  for (const id of ids) sandbox.state.swipelux.wallets.set(id, { ...template, walletId: id });

  const documented = PROVIDERS[provider].rateLimit;
  PROVIDERS[provider].rateLimit = limit; // bench-only, in memory
  const start = sandbox.requests.length;
  const started = Date.now();
  let result;
  try {
    const config = validateConfig(
      { accounts: { rate: { provider, baseUrl: sandbox.baseUrl(provider), apiKey: SANDBOX_KEYS[provider], wallets: ids } } },
      null,
      'builtin',
    );
    // Builds before the per-config provider registry ignore `providers`.
    result = await fetchAccountBalances(resolveAccounts(config, config.accounts, {}, session.redactor), {
      providers: config.providers,
      http: { deadline: Date.now() + 60_000, ...session.http },
    });
  } finally {
    PROVIDERS[provider].rateLimit = documented;
    await session.close();
  }
  const elapsedMs = Date.now() - started;
  if (result.errors.length > 0) throw new Error(`rate-limit run failed: ${result.errors[0].message}`);
  const arrivals = sandbox.requests
    .slice(start)
    .filter((r) => r.provider === provider)
    .map((r) => r.at)
    .sort((a, b) => a - b);
  const rejected = arrivals.length - n;
  const gap = arrivals[(windows - 1) * requests] - arrivals[0];
  const share = ((windows - 1) * windowMs) / gap;
  return {
    limit,
    wallets: n,
    attempts: arrivals.length,
    rejected,
    elapsedMs,
    figures: [
      { figure: `rate-limit use (R = ${requests} per ${windowMs / 1000} s)`, value: share * 100, unit: '%', target: 90, better: 'higher' },
      { figure: '429s received', value: rejected, unit: '', target: 0, better: 'lower' },
    ],
  };
}

/**
 * Fresh pacing state for this step: a new runtime (src/http/runtime.ts), or on a build from before
 * runtimes existed, the module-level limiters reset (the bench compares builds before and after).
 */
async function freshPacing(target) {
  try {
    const { createRuntime } = await target.import('http/runtime.js');
    const runtime = createRuntime();
    return { redactor: runtime.redactor, http: { runtime }, close: () => runtime.close() };
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    const [{ resetRateLimiters }, { closeHttp }] = await Promise.all([target.import('http/rate-limiter.js'), target.import('http/client.js')]);
    resetRateLimiters();
    return {
      redactor: undefined,
      http: {},
      close: async () => {
        resetRateLimiters();
        await closeHttp();
      },
    };
  }
}
