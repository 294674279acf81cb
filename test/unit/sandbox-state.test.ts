// The sandbox's state: one entry per emulator in the registry, owned and typed by its route.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { BachsState } from '../../src/providers/bachs/emulator/route.js';
import type { CryptofuseState } from '../../src/providers/cryptofuse/emulator/data.js';
import type { FlowState } from '../../src/providers/flow-payments/emulator/route.js';
import type { SwipeluxState } from '../../src/providers/swipelux/emulator/route.js';
import type { SyncpayState } from '../../src/providers/syncpay/emulator/route.js';
import { defaultMounts, EMULATORS } from '../../src/sandbox/mounts.js';

describe('defaultMounts', () => {
  it('mounts every emulator in registry order and keeps each route’s own state under its key', () => {
    const { mounts, state } = defaultMounts();
    expect(mounts.map((m) => m.id)).toEqual(EMULATORS.map((e) => e.id));
    expect(Object.keys(state)).toEqual(['keys', ...EMULATORS.map((e) => e.stateKey)]);
    expect(Object.keys(state.keys)).toEqual(EMULATORS.map((e) => e.id));
    expect(state.syncpay.balances.map((b) => b.currency)).toContain('USDT_TRC20');
  });

  it('types each entry as its route’s state (a test reading it needs no cast)', () => {
    const { state } = defaultMounts();
    expectTypeOf(state.flow).toEqualTypeOf<FlowState>();
    expectTypeOf(state.syncpay).toEqualTypeOf<SyncpayState>();
    expectTypeOf(state.bachs).toEqualTypeOf<BachsState>();
    expectTypeOf(state.swipelux).toEqualTypeOf<SwipeluxState>();
    expectTypeOf(state.cryptofuse).toEqualTypeOf<CryptofuseState>();
    expectTypeOf(state.keys).toEqualTypeOf<Record<string, Set<string>>>();
  });
});
