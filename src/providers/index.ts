// Loads a provider's adapter on demand (each provider's folder says how; catalog.ts lists them), so
// a command only pays for the adapters of the accounts it queries.
import { PROVIDER_HOMES, type ProviderId } from './catalog.js';
import type { ProviderAdapter } from './kit/adapter.js';

export function loadAdapter(id: ProviderId): Promise<ProviderAdapter> {
  return PROVIDER_HOMES[id].loadAdapter();
}
