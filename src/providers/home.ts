// One provider's registry entry, as its folder's home.ts exports it and catalog.ts lists it. Kept
// apart from info.ts because adapters' types (types.ts) read ProviderInfo.
import type { ProviderInfo } from './info.js';
import type { ProviderAdapter } from './types.js';

export interface ProviderHome {
  info: ProviderInfo;
  /** Loads the adapter with import(), so only the providers a command queries are loaded. */
  loadAdapter: () => Promise<ProviderAdapter>;
}
