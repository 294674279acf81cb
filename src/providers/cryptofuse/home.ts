// The cryptofuse provider's entry in the registry (../catalog.ts): its facts, and its adapter,
// loaded on demand so a command only pays for the adapters of the accounts it queries. Its
// emulator route (./emulator) is not reachable from here: only the emulator host (src/sandbox)
// and tests load it.
import type { ProviderHome } from '../kit/home.js';
import { CRYPTOFUSE_INFO } from './info.js';

export const cryptofuseHome: ProviderHome = {
  info: CRYPTOFUSE_INFO,
  loadAdapter: async () => (await import('./adapter.js')).cryptofuse,
};
