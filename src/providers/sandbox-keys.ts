// The credentials the local sandbox accepts out of the box, per provider: each provider's
// info.sandboxCredentials, gathered from the registry for the tests (and the bench). They unlock
// nothing real. Tests add their own (e.g. canary keys) through SandboxState.keys.
import type { ResolvedAccount } from '../core/account.js';
import { PROVIDER_IDS, PROVIDERS, type ProviderId } from './catalog.js';
import type { SandboxCredentials } from './kit/info.js';

export const SANDBOX_KEYS = Object.fromEntries(PROVIDER_IDS.map((id) => [id, PROVIDERS[id].sandboxCredentials])) as Record<ProviderId, SandboxCredentials>;

/** Every sandbox credential of every provider in the registry (watch tells sandbox accounts by them). */
export function allSandboxCredentials(): string[] {
  return Object.values(PROVIDERS).flatMap((info) => Object.values(info.sandboxCredentials).filter((v): v is string => typeof v === 'string'));
}

/**
 * An account of the built-in sandbox, not of a real provider: watch skips polling guidance for it,
 * and history keeps it out of the default store. It is recognised by both its loopback address and
 * its published key, which no real provider accepts: a real account can never qualify.
 */
export function isSandboxAccount(account: ResolvedAccount): boolean {
  const base = account.baseUrl;
  if (base === null) return false;
  let host: string;
  try {
    host = new URL(base).hostname;
  } catch {
    return false;
  }
  if (!['127.0.0.1', '[::1]', 'localhost'].includes(host)) return false;
  const keys = allSandboxCredentials();
  const credential = account.credentials.apiKey ?? account.credentials.clientId;
  return credential !== undefined && keys.includes(credential);
}
