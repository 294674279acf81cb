// A declared provider as one more provider home: the facts the rest of the tool reads (the same
// ProviderInfo shape every built-in provider's info.ts fills) and its adapter, loaded on demand,
// so a run pays for the declared adapter only when it reads a declared account.
import type { ProviderInfo } from '../kit/info.js';
import type { ProviderEntry } from '../registry.js';
import type { DeclaredProvider } from './declaration.js';

export function declaredInfo(d: DeclaredProvider): ProviderInfo {
  const { live, test } = d.keyPrefixes;
  const oauth = d.auth.type === 'oauth2';
  const clientPair = d.auth.type === 'oauth2' || d.auth.type === 'basic';
  return {
    id: d.id,
    displayName: d.displayName,
    docsUrl: d.docsUrl,
    defaultBaseUrl: d.baseUrl,
    accountFields: clientPair ? { clientId: { kind: 'secret' }, clientSecret: { kind: 'secret' } } : {},
    // Basic takes a client pair, or an API key as the user name (with an empty password).
    credentials: oauth ? [['clientId', 'clientSecret']] : d.auth.type === 'basic' ? [['clientId', 'clientSecret'], ['apiKey']] : [['apiKey']],
    rateLimit: d.rateLimit,
    minPollIntervalMs: d.minPollIntervalMs,
    // The key prefixes tell the mode like a built-in's modeHints (providers/account-mode.ts).
    ...(live !== null && test !== null
      ? {
          modeHints: {
            keyPrefixes: [
              [test, 'test'],
              [live, 'live'],
            ] as const,
          },
        }
      : {}),
    concurrency: d.concurrency,
    withdrawals: {
      ...(d.withdrawals.minimums ? { documentedMinimums: d.withdrawals.minimums } : {}),
      ...(d.withdrawals.maxCryptoDecimals !== null ? { maxCryptoDecimals: d.withdrawals.maxCryptoDecimals } : {}),
    },
    init: { account: d.id, example: `--account ${d.id} --key-env ${d.id.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_API_KEY`, flags: [] },
    // Our sandbox emulates the built-in providers only; no key of it belongs to a declared one.
    sandboxCredentials: { apiKey: '' },
  };
}

export function declaredEntry(d: DeclaredProvider): ProviderEntry {
  const info = declaredInfo(d);
  return {
    info,
    loadAdapter: async () => (await import('./adapter.js')).declaredAdapter(d, info),
    declaration: d.fingerprint,
  };
}
