// The registry of every provider emulator and their shared state (the shape is in mount.ts).
import { bachsMount, type BachsState } from './bachs.js';
import { cryptofuseMount, type CryptofuseState } from './cryptofuse.js';
import { flowPaymentsMount, type FlowState } from './flow-payments.js';
import { swipeluxMount, type SwipeluxState } from './swipelux.js';
import { syncpayMount, type SyncpayState } from './syncpay.js';
import type { Mount } from './mount.js';

export { bearer, type Mount, type MountRequest, type MountResponse } from './mount.js';

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
