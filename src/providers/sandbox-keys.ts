// The credentials the local sandbox accepts out of the box, by name, gathered from each provider's
// info (sandboxCredentials) for the emulator and the tests. They unlock nothing real.
// Tests add their own (e.g. canary keys) through SandboxState.keys.
import { PROVIDERS } from './catalog.js';

const cryptofuse = PROVIDERS.cryptofuse.sandboxCredentials;

export const SANDBOX_KEYS = {
  'flow-payments': PROVIDERS['flow-payments'].sandboxCredentials.apiKey,
  syncpay: PROVIDERS.syncpay.sandboxCredentials.apiKey,
  bachs: PROVIDERS.bachs.sandboxCredentials.apiKey,
  swipelux: PROVIDERS.swipelux.sandboxCredentials.apiKey,
  cryptofuse: cryptofuse.apiKey,
  cryptofuseClientId: cryptofuse.clientId ?? '',
  cryptofuseClientSecret: cryptofuse.clientSecret ?? '',
} as const;

/** Every sandbox credential of every provider in the registry (watch tells sandbox accounts by them). */
export function allSandboxCredentials(): string[] {
  return Object.values(PROVIDERS).flatMap((info) => Object.values(info.sandboxCredentials).filter((v): v is string => typeof v === 'string'));
}
