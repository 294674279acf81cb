// The emulators of every provider in the registry (src/providers/catalog.ts), each loaded through
// its home's loadEmulator(): the host keeps no list of its own, so a registered provider is
// emulated with no change here. Product code never imports this; the `sandbox` and `demo`
// commands load it lazily.
import { PROVIDER_HOMES, PROVIDER_IDS, PROVIDERS, type ProviderId } from '../providers/catalog.js';
import type { StateOf } from '../providers/kit/home.js';
import type { Mount, ProviderEmulator } from '../providers/kit/mount.js';

export { bearer, type Mount, type MountRequest, type MountResponse } from '../providers/kit/mount.js';

/** One provider's emulator, mounted under /<id>. */
export interface MountedEmulator {
  id: ProviderId;
  mount: Mount;
}

/**
 * The emulators' state, for tests to read and change: each provider's own state under its id
 * (typed by its emulator), and the credentials each accepts (its sandbox keys; tests add theirs).
 */
export type SandboxState = { keys: Record<string, Set<string>> } & { [K in ProviderId]: StateOf<(typeof PROVIDER_HOMES)[K]> };

/** Every registered provider's emulator, in registry order. */
export async function loadEmulators(): Promise<Array<{ id: ProviderId; emulator: ProviderEmulator<object> }>> {
  return Promise.all(PROVIDER_IDS.map(async (id) => ({ id, emulator: await PROVIDER_HOMES[id].loadEmulator() })));
}

export async function defaultMounts(): Promise<{ mounts: MountedEmulator[]; state: SandboxState }> {
  const keys: Record<string, Set<string>> = {};
  const state: Record<string, unknown> = { keys };
  const mounts = (await loadEmulators()).map(({ id, emulator }) => {
    keys[id] = new Set([PROVIDERS[id].sandboxCredentials.apiKey]);
    const route = emulator.route(keys[id]);
    state[id] = route.state;
    return { id, mount: route.mount };
  });
  // Built from the registry the type is derived from: every id holds its emulator's state.
  return { mounts, state: state as SandboxState };
}
