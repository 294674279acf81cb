// The swipelux provider's entry in the registry (../catalog.ts): its facts, its adapter and its
// emulator, both loaded on demand, so a command only pays for the adapters of the accounts it
// queries and only the emulator host (src/sandbox) ever loads the emulator.
import { defineProvider } from '../kit/home.js';
import { SWIPELUX_INFO } from './info.js';

export const swipeluxHome = defineProvider({
  info: SWIPELUX_INFO,
  loadAdapter: async () => (await import('./adapter.js')).swipelux,
  loadEmulator: async () => (await import('./emulator/index.js')).swipeluxEmulator,
});
