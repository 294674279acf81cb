// temp: compare transport errors old vs new
const which = process.argv[2];
const base = which === 'old' ? '../_origdist' : '../dist';
const { startSandbox } = await import(`${base}/sandbox/server.js`);
const { sandboxRawConfig } = await import(`${base}/sandbox/demo-config.js`);
const { validateConfig } = await import(`${base}/config/schema.js`);
const { resolveAccounts } = await import(`${base}/config/resolve.js`);
const { fetchAccountBalances } = await import(`${base}/core/fetch-balances.js`);
const { resetRateLimiters } = await import(`${base}/http/rate-limiter.js`);
const sb = await startSandbox();
const config = validateConfig(sandboxRawConfig(sb.baseUrl), null, 'builtin');
const acc = resolveAccounts(config, config.accounts.filter((a) => a.name === 'syncpay'), {});
for (const fault of [{ kind: 'reset', times: 5 }, { kind: 'truncate', times: 5 }, { kind: 'stall-body', times: 5 }, { kind: 'hang', times: 5 }, { kind: 'oversize', bytes: 3e6 }, { kind: 'status', status: 503, times: 5 }]) {
  sb.faults.clear(); resetRateLimiters();
  sb.faults.add({ provider: 'syncpay', ...fault });
  const r = await fetchAccountBalances(acc, { http: { backoff: { baseDelayMs: 5, maxDelayMs: 20, random: () => 1 }, deadline: Date.now() + 2000, timeoutLabel: '2s', bodyTimeoutMs: 300, headersTimeoutMs: 500, maxResponseBytes: 1e6 } });
  console.log(fault.kind, '|', r.errors.map((e) => `${e.code} ${e.exitCode} ${e.message}`).join(' ; '));
}
await sb.close();
