// Cryptofuse test helpers: a sandbox per test (its state is mutated freely), an adapter context for
// calling listWallets / withdrawalRules directly, and the requests the sandbox recorded per path.
import { validateConfig } from '../../src/config/schema.js';
import { resolveAccounts } from '../../src/config/resolve.js';
import { fetchAccountBalances, type FetchResult } from '../../src/api/fetch-balances.js';
import { defaultHttpSettings } from '../../src/http/client.js';
import { PROVIDERS } from '../../src/providers/catalog.js';
import type { AdapterContext } from '../../src/providers/kit/adapter.js';
import { sandboxAccounts } from '../../src/sandbox/demo-config.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/server.js';
import { FAST_HTTP } from './adapters.js';
import { freshRuntime, testRuntime } from './runtime.js';

export type Accounts = Record<string, Record<string, unknown>>;

/** A fresh sandbox (no rate limit unless asked) and the demo's Cryptofuse accounts pointing at it. */
export async function cryptofuseSandbox(options: SandboxOptions = {}): Promise<{ sandbox: Sandbox; accounts: Accounts }> {
  await freshRuntime();
  const sandbox = await startSandbox({ rateLimits: { cryptofuse: null }, ...options });
  const accounts = Object.fromEntries(Object.entries(await sandboxAccounts(sandbox.baseUrl)).filter(([, a]) => a.provider === 'cryptofuse')) as Accounts;
  return { sandbox, accounts };
}

/** Just the account `name`, with `extra` merged over its keys (tests pass undefined to drop a credential). */
export function only(accounts: Accounts, name: string, extra: Record<string, unknown> = {}): Accounts {
  return { [name]: { ...accounts[name], ...extra } };
}

export async function fetchCf(accounts: Accounts, options: { includeZero?: boolean } = {}): Promise<FetchResult> {
  const config = validateConfig({ accounts }, null, 'builtin');
  const runtime = testRuntime();
  return fetchAccountBalances(resolveAccounts(config, config.accounts, {}, runtime.redactor), {
    http: { ...FAST_HTTP, deadline: Date.now() + 10_000, runtime },
    providers: config.providers,
    includeZero: options.includeZero ?? true,
  });
}

export function contextFor(name: string, account: Record<string, unknown>): AdapterContext {
  const config = validateConfig({ accounts: { [name]: account } }, null, 'builtin');
  const runtime = testRuntime();
  const [resolved] = resolveAccounts(config, config.accounts, {}, runtime.redactor);
  if (!resolved) throw new Error('no account');
  return {
    account: resolved,
    info: PROVIDERS.cryptofuse,
    baseUrl: resolved.baseUrl ?? PROVIDERS.cryptofuse.defaultBaseUrl,
    http: defaultHttpSettings({ ...FAST_HTTP, deadline: Date.now() + 10_000, runtime }),
    includeZero: true,
  };
}

export function requestsTo(sandbox: Sandbox, path: string) {
  return sandbox.requests.filter((r) => r.provider === 'cryptofuse' && r.path.split('?')[0] === path);
}
