// The flow-payments provider's entry in the registry (../catalog.ts): its facts, its adapter and its
// emulator, both loaded on demand, so a command only pays for the adapters of the accounts it
// queries and only the emulator host (src/sandbox) ever loads the emulator.
import { defineProvider } from '../kit/home.js';
import { FLOW_PAYMENTS_INFO } from './info.js';

export const flowPaymentsHome = defineProvider({
  info: FLOW_PAYMENTS_INFO,
  loadAdapter: async () => (await import('./adapter.js')).flowPayments,
  loadEmulator: async () => (await import('./emulator/index.js')).flowPaymentsEmulator,
});
