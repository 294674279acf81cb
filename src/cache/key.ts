// What a cache entry is keyed by: the account's name and everything in its config that could change
// what the provider answers (provider, host, mode, provider settings) plus a one-way fingerprint of
// its credentials. Rotating a key or pointing the account at another host is therefore a miss.
// Only the final SHA-256 reaches the cache file: neither the key nor its fingerprint is stored.
import { createHash } from 'node:crypto';
import type { ResolvedAccount } from '../config/types.js';
import type { ProviderEntry } from '../providers/registry.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** JSON with sorted object keys, so equal settings always hash equally whatever their order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A domain-separated one-way hash of the credentials: equal keys match, the key cannot be recovered. */
export function credentialFingerprint(credentials: ResolvedAccount['credentials']): string {
  const { apiKey = '', clientId = '', clientSecret = '' } = credentials;
  return sha256(`balance-inspector/cache/credential/v1\0${apiKey}\0${clientId}\0${clientSecret}`);
}

/** `provider` is the account's provider; a declared one adds its declaration's hash (undefined keys are left out). */
export function cacheKey(account: ResolvedAccount, provider: Pick<ProviderEntry, 'info' | 'declaration'>): string {
  return sha256(
    canonicalJson({
      v: 1,
      account: account.name,
      provider: account.provider,
      declaration: provider.declaration ?? undefined,
      baseUrl: account.baseUrl ?? provider.info.defaultBaseUrl,
      mode: account.mode,
      settings: account.settings,
      credential: credentialFingerprint(account.credentials),
    }),
  );
}
