// The sandbox's state: one entry per provider in the registry, keyed by its id and typed by its
// emulator; the host keeps no list of its own.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { BachsState } from '../../src/providers/bachs/emulator/route.js';
import type { CryptofuseState } from '../../src/providers/cryptofuse/emulator/data.js';
import type { FlowState } from '../../src/providers/flow-payments/emulator/route.js';
import type { SwipeluxState } from '../../src/providers/swipelux/emulator/route.js';
import type { SyncpayState } from '../../src/providers/syncpay/emulator/route.js';
import { PROVIDER_IDS, PROVIDERS } from '../../src/providers/catalog.js';
import { defaultMounts } from '../../src/sandbox/mounts.js';

describe('defaultMounts', () => {
  it('mounts every registered provider in registry order and keeps each emulator’s own state under its id', async () => {
    const { mounts, state } = await defaultMounts();
    expect(mounts.map((m) => m.id)).toEqual(PROVIDER_IDS);
    expect(Object.keys(state)).toEqual(['keys', ...PROVIDER_IDS]);
    expect(Object.keys(state.keys)).toEqual(PROVIDER_IDS);
    expect(state.syncpay.balances.map((b) => b.currency)).toContain('USDT_TRC20');
  });

  it('each emulator accepts its provider’s sandbox key, from the provider’s info', async () => {
    const { state } = await defaultMounts();
    for (const id of PROVIDER_IDS) expect([...(state.keys[id] ?? [])], id).toEqual([PROVIDERS[id].sandboxCredentials.apiKey]);
  });

  it('types each entry as its emulator’s state (a test reading it needs no cast)', async () => {
    const { state } = await defaultMounts();
    expectTypeOf(state['flow-payments']).toEqualTypeOf<FlowState>();
    expectTypeOf(state.syncpay).toEqualTypeOf<SyncpayState>();
    expectTypeOf(state.bachs).toEqualTypeOf<BachsState>();
    expectTypeOf(state.swipelux).toEqualTypeOf<SwipeluxState>();
    expectTypeOf(state.cryptofuse).toEqualTypeOf<CryptofuseState>();
    expectTypeOf(state.keys).toEqualTypeOf<Record<string, Set<string>>>();
  });
});
