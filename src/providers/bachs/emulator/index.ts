// The bachs emulator as the emulator host mounts it (the provider's home loads this lazily).
import type { ProviderEmulator } from '../../kit/mount.js';
import { bachsDemoAccounts } from './demo.js';
import { bachsMount, type BachsState } from './route.js';

export const bachsEmulator: ProviderEmulator<BachsState> = { route: bachsMount, demoAccounts: bachsDemoAccounts };
