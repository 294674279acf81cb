// The swipelux emulator as the emulator host mounts it (the provider's home loads this lazily).
import type { ProviderEmulator } from '../../kit/mount.js';
import { swipeluxDemoAccounts } from './demo.js';
import { swipeluxMount, type SwipeluxState } from './route.js';

export const swipeluxEmulator: ProviderEmulator<SwipeluxState> = { route: swipeluxMount, demoAccounts: swipeluxDemoAccounts };
