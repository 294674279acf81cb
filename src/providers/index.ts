// The provider registry: id → adapter, loaded on demand so a command only pays for the adapters
// of the accounts it queries. Adding a provider = one file, its catalog entry and one line here.
import type { ProviderId } from './catalog.js';
import type { ProviderAdapter } from './types.js';

const loaders: Record<ProviderId, () => Promise<ProviderAdapter>> = {
  'flow-payments': async () => (await import('./flow-payments.js')).flowPayments,
  syncpay: async () => (await import('./syncpay.js')).syncpay,
  bachs: async () => (await import('./bachs/index.js')).bachs,
  swipelux: async () => (await import('./swipelux.js')).swipelux,
  cryptofuse: async () => (await import('./cryptofuse/index.js')).cryptofuse,
};

export function loadAdapter(id: ProviderId): Promise<ProviderAdapter> {
  return loaders[id]();
}
