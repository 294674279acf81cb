// The emulator registry: every provider's emulator route (src/providers/<id>/emulator/), their
// shared state (the shape is in mount.ts) and the demo accounts that point at them. Product code
// never imports this; the `sandbox` and `demo` commands load it lazily.
import { bachsDemoAccounts } from '../providers/bachs/emulator/demo.js';
import { bachsMount } from '../providers/bachs/emulator/route.js';
import { cryptofuseDemoAccounts } from '../providers/cryptofuse/emulator/demo.js';
import { cryptofuseMount } from '../providers/cryptofuse/emulator/route.js';
import { flowPaymentsDemoAccounts } from '../providers/flow-payments/emulator/demo.js';
import { flowPaymentsMount } from '../providers/flow-payments/emulator/route.js';
import { swipeluxDemoAccounts } from '../providers/swipelux/emulator/demo.js';
import { swipeluxMount } from '../providers/swipelux/emulator/route.js';
import { syncpayDemoAccounts } from '../providers/syncpay/emulator/demo.js';
import { syncpayMount } from '../providers/syncpay/emulator/route.js';
import type { ProviderId } from '../core/provider-ids.js';
import type { Mount } from '../providers/kit/mount.js';

export { bearer, type Mount, type MountRequest, type MountResponse } from '../providers/kit/mount.js';

type Keys = Record<string, Set<string>>;

/**
 * One provider's emulator as the host lists it: its route (which creates and owns the emulator's
 * state, under `stateKey` in SandboxState), and its demo accounts, given the emulator's base URL.
 */
interface EmulatorEntry {
  id: ProviderId;
  stateKey: string;
  route: (keys: Keys) => { mount: Mount; state: object };
  demoAccounts: (base: string) => Record<string, Record<string, unknown>>;
}

// In the order the demo config lists the accounts (and the host mounts the routes).
export const EMULATORS = [
  { id: 'flow-payments', stateKey: 'flow', route: flowPaymentsMount, demoAccounts: flowPaymentsDemoAccounts },
  { id: 'syncpay', stateKey: 'syncpay', route: syncpayMount, demoAccounts: syncpayDemoAccounts },
  { id: 'bachs', stateKey: 'bachs', route: bachsMount, demoAccounts: bachsDemoAccounts },
  { id: 'swipelux', stateKey: 'swipelux', route: swipeluxMount, demoAccounts: swipeluxDemoAccounts },
  { id: 'cryptofuse', stateKey: 'cryptofuse', route: cryptofuseMount, demoAccounts: cryptofuseDemoAccounts },
] as const satisfies readonly EmulatorEntry[];

type Emulator = (typeof EMULATORS)[number];

/**
 * The emulators' state, for tests to read and change: each route's own state under its
 * `stateKey` (typed by the route), and the accepted credentials per provider (tests add theirs).
 */
export type SandboxState = { keys: Keys } & { [E in Emulator as E['stateKey']]: ReturnType<E['route']>['state'] };

export function defaultMounts(): { mounts: Mount[]; state: SandboxState } {
  const keys: Keys = {};
  const state: Record<string, unknown> = { keys };
  const mounts = EMULATORS.map((e) => {
    const route = e.route(keys);
    state[e.stateKey] = route.state;
    return route.mount;
  });
  // Built from the same list the type is: every stateKey holds its route's state.
  return { mounts, state: state as SandboxState };
}
