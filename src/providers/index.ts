// Loads a provider's adapter on demand (each provider's folder says how; catalog.ts lists them), so
// a command only pays for the adapters of the accounts it queries.
import { InternalError } from '../core/errors.js';
import { isProviderId, PROVIDER_HOMES } from './catalog.js';
import type { ProviderAdapter } from './kit/adapter.js';

export async function loadAdapter(id: string): Promise<ProviderAdapter> {
  if (!isProviderId(id)) throw new InternalError(`no provider '${id}' in the registry`);
  return PROVIDER_HOMES[id].loadAdapter();
}
