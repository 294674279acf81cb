// The credentials the local sandbox accepts out of the box, per provider: each provider's
// info.sandboxCredentials, gathered from the registry for the tests (and the bench). They unlock
// nothing real. Tests add their own (e.g. canary keys) through SandboxState.keys.
import { PROVIDER_IDS, PROVIDERS, type ProviderId } from './catalog.js';
import type { SandboxCredentials } from './kit/info.js';

export const SANDBOX_KEYS = Object.fromEntries(PROVIDER_IDS.map((id) => [id, PROVIDERS[id].sandboxCredentials])) as Record<ProviderId, SandboxCredentials>;

/** Every sandbox credential of every provider in the registry (watch tells sandbox accounts by them). */
export function allSandboxCredentials(): string[] {
  return Object.values(PROVIDERS).flatMap((info) => Object.values(info.sandboxCredentials).filter((v): v is string => typeof v === 'string'));
}
