// The provider registry: every provider this tool knows, one line each. A provider's knowledge
// lives in its own folder src/providers/<id>/ (docs/dev/architecture.md); this file only lists the
// folders, and everything else is derived from it: the ids (config validation, --provider, its
// help and completion), the facts (PROVIDERS), the sandbox keys (sandbox-keys.ts) and the
// emulators (src/sandbox). A run reaches facts and adapters through its config's registry
// (registry.ts), which adds the providers the config declares. Config validation, --help and
// completion read the facts without loading any adapter or emulator.
import { defineRegistry } from './kit/home.js';
import type { ProviderInfo } from './kit/info.js';
import { bachsHome } from './bachs/home.js';
import { cryptofuseHome } from './cryptofuse/home.js';
import { flowPaymentsHome } from './flow-payments/home.js';
import { swipeluxHome } from './swipelux/home.js';
import { syncpayHome } from './syncpay/home.js';

export type { RateLimit } from '../http/rate-limiter.js';
export type { FieldSpec, ProviderInfo } from './kit/info.js';

// The compiler checks each line: its key must be the id its info declares. The order is the
// order of help lists, `config init`'s menu and the demo's accounts.
export const PROVIDER_HOMES = defineRegistry({
  'flow-payments': flowPaymentsHome,
  syncpay: syncpayHome,
  bachs: bachsHome,
  swipelux: swipeluxHome,
  cryptofuse: cryptofuseHome,
});

/** The id of a provider this tool ships (balances and accounts carry it as a plain string). */
export type ProviderId = keyof typeof PROVIDER_HOMES;

export const PROVIDER_IDS = Object.keys(PROVIDER_HOMES) as readonly ProviderId[];

export function isProviderId(value: string): value is ProviderId {
  return Object.hasOwn(PROVIDER_HOMES, value);
}

/** The provider a user means, typed in any case (`--provider Syncpay`), as currency codes are; undefined for none. */
export function providerIdIgnoringCase(text: string): ProviderId | undefined {
  const lower = text.toLowerCase();
  return PROVIDER_IDS.find((id) => id === lower);
}

export const PROVIDERS = Object.fromEntries(PROVIDER_IDS.map((id) => [id, PROVIDER_HOMES[id].info])) as { [K in ProviderId]: ProviderInfo<K> };
