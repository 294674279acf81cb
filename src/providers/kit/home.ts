// One provider's registry entry, as its folder's home.ts exports it and catalog.ts lists it: its
// facts, its adapter and its emulator, the latter two loaded with import() so a command pays only
// for the adapters it queries and no product code ever loads an emulator (only the emulator host,
// src/sandbox, calls loadEmulator). Kept apart from info.ts because the adapter contract
// (adapter.ts) reads ProviderInfo.
import type { ProviderAdapter } from './adapter.js';
import type { ProviderInfo } from './info.js';
import type { ProviderEmulator } from './mount.js';

/** `Id` is the provider's id, `State` its emulator's state (typed for the tests that change it). */
export interface ProviderHome<Id extends string = string, State extends object = object> {
  info: ProviderInfo<Id>;
  loadAdapter: () => Promise<ProviderAdapter>;
  /** The provider's sandbox emulator; only the emulator host (src/sandbox) loads it. */
  loadEmulator: () => Promise<ProviderEmulator<State>>;
}

/** A home, its id and emulator state kept as literal types (the registry and SandboxState read them). */
export function defineProvider<Id extends string, State extends object>(home: ProviderHome<Id, State>): ProviderHome<Id, State> {
  return home;
}

/**
 * The registry: one line per provider, `id: home`. The compiler checks each line: its key must be
 * the id the provider's info declares (a mismatched or misspelt line does not compile).
 */
export function defineRegistry<const Homes extends Record<string, ProviderHome<string, object>>>(
  homes: Homes & { [K in keyof Homes]: ProviderHome<K & string, StateOf<Homes[K]>> },
): Homes {
  return homes;
}

/** The emulator state type of a home. */
export type StateOf<Home> = Home extends ProviderHome<string, infer State> ? State : never;
