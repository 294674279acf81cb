// Call adapters in-process against the sandbox, with fast backoff so retry tests stay quick.
import { validateConfig } from '../../src/config/schema.js';
import { resolveAccounts } from '../../src/config/resolve.js';
import { fetchAccountBalances, type FetchResult } from '../../src/api/fetch-balances.js';
import type { HttpSettings } from '../../src/http/client.js';
import { testRuntime } from './runtime.js';

export const FAST_HTTP: Partial<HttpSettings> = {
  backoff: { baseDelayMs: 5, maxDelayMs: 20, random: () => 1 },
};

export async function fetchWith(rawConfig: Record<string, unknown>, accounts?: string[], http: Partial<HttpSettings> = {}): Promise<FetchResult> {
  const config = validateConfig(rawConfig, null, 'builtin');
  const selected = accounts ? config.accounts.filter((a) => accounts.includes(a.name)) : config.accounts;
  const runtime = http.runtime ?? testRuntime();
  return fetchAccountBalances(resolveAccounts(config, selected, {}, runtime.redactor), {
    http: { ...FAST_HTTP, deadline: Date.now() + 10_000, ...http, runtime },
    providers: config.providers,
  });
}
