// The syncpay emulator as the emulator host mounts it (the provider's home loads this lazily).
import type { ProviderEmulator } from '../../kit/mount.js';
import { syncpayDemoAccounts } from './demo.js';
import { syncpayMount, type SyncpayState } from './route.js';

export const syncpayEmulator: ProviderEmulator<SyncpayState> = { route: syncpayMount, demoAccounts: syncpayDemoAccounts };
