// The emulator registry: every provider's emulator route (src/providers/<id>/emulator/), their
// shared state (the shape is in mount.ts) and the demo accounts that point at them. Product code
// never imports this; the `sandbox` and `demo` commands load it lazily.
import { bachsDemoAccounts } from '../providers/bachs/emulator/demo.js';
import { bachsMount, type BachsState } from '../providers/bachs/emulator/route.js';
import { cryptofuseDemoAccounts } from '../providers/cryptofuse/emulator/demo.js';
import { cryptofuseMount, type CryptofuseState } from '../providers/cryptofuse/emulator/route.js';
import { flowPaymentsDemoAccounts } from '../providers/flow-payments/emulator/demo.js';
import { flowPaymentsMount, type FlowState } from '../providers/flow-payments/emulator/route.js';
import { swipeluxDemoAccounts } from '../providers/swipelux/emulator/demo.js';
import { swipeluxMount, type SwipeluxState } from '../providers/swipelux/emulator/route.js';
import { syncpayDemoAccounts } from '../providers/syncpay/emulator/demo.js';
import { syncpayMount, type SyncpayState } from '../providers/syncpay/emulator/route.js';
import type { ProviderId } from '../core/provider-ids.js';
import type { Mount } from './mount.js';

export { bearer, type Mount, type MountRequest, type MountResponse } from './mount.js';

/** One provider's emulator as the host lists it; `demoAccounts` gets the emulator's base URL. */
interface EmulatorEntry {
  id: ProviderId;
  demoAccounts: (base: string) => Record<string, Record<string, unknown>>;
}

// In the order the demo config lists the accounts.
export const EMULATORS: readonly EmulatorEntry[] = [
  { id: 'flow-payments', demoAccounts: flowPaymentsDemoAccounts },
  { id: 'syncpay', demoAccounts: syncpayDemoAccounts },
  { id: 'bachs', demoAccounts: bachsDemoAccounts },
  { id: 'swipelux', demoAccounts: swipeluxDemoAccounts },
  { id: 'cryptofuse', demoAccounts: cryptofuseDemoAccounts },
];

export interface SandboxState {
  /** Accepted credentials per provider; tests add their own. */
  keys: Record<string, Set<string>>;
  flow: FlowState;
  syncpay: SyncpayState;
  bachs: BachsState;
  swipelux: SwipeluxState;
  cryptofuse: CryptofuseState;
}

export function defaultMounts(): { mounts: Mount[]; state: SandboxState } {
  const keys: Record<string, Set<string>> = {};
  const flow = flowPaymentsMount(keys);
  const sync = syncpayMount(keys);
  const bachs = bachsMount(keys);
  const swipe = swipeluxMount(keys);
  const cf = cryptofuseMount(keys);
  return {
    mounts: [flow.mount, sync.mount, bachs.mount, swipe.mount, cf.mount],
    state: { keys, flow: flow.state, syncpay: sync.state, bachs: bachs.state, swipelux: swipe.state, cryptofuse: cf.state },
  };
}
