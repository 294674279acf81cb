// The flow-payments emulator as the emulator host mounts it (the provider's home loads this lazily).
import type { ProviderEmulator } from '../../kit/mount.js';
import { flowPaymentsDemoAccounts } from './demo.js';
import { flowPaymentsMount, type FlowState } from './route.js';

export const flowPaymentsEmulator: ProviderEmulator<FlowState> = { route: flowPaymentsMount, demoAccounts: flowPaymentsDemoAccounts };
