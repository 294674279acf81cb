// The cryptofuse emulator as the emulator host mounts it (the provider's home loads this lazily).
import type { ProviderEmulator } from '../../kit/mount.js';
import type { CryptofuseState } from './data.js';
import { cryptofuseDemoAccounts } from './demo.js';
import { cryptofuseMount } from './route.js';

export const cryptofuseEmulator: ProviderEmulator<CryptofuseState> = { route: cryptofuseMount, demoAccounts: cryptofuseDemoAccounts };
