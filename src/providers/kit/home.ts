// One provider's registry entry, as its folder's home.ts exports it and catalog.ts lists it. Kept
// apart from info.ts because the adapter contract (adapter.ts) reads ProviderInfo.
import type { ProviderInfo } from './info.js';
import type { ProviderAdapter } from './adapter.js';

export interface ProviderHome {
  info: ProviderInfo;
  /** Loads the adapter with import(), so only the providers a command queries are loaded. */
  loadAdapter: () => Promise<ProviderAdapter>;
}
