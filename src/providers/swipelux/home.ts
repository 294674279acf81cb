// The swipelux provider's entry in the registry (../catalog.ts): its facts, and its adapter,
// loaded on demand so a command only pays for the adapters of the accounts it queries. Its
// emulator route (./emulator) is not reachable from here: only the emulator host (src/sandbox)
// and tests load it.
import type { ProviderHome } from '../kit/home.js';
import { SWIPELUX_INFO } from './info.js';

export const swipeluxHome: ProviderHome = {
  info: SWIPELUX_INFO,
  loadAdapter: async () => (await import('./adapter.js')).swipelux,
};
