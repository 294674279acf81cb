// The dependency rules that keep each provider's emulator route (src/providers/<id>/emulator/) out
// of product code: run the real .dependency-cruiser.cjs over a tiny planted tree, so a weakened
// rule fails here rather than silently letting the emulator into the CLI.
import { describe, expect, it } from 'vitest';
import { violations } from '../helpers/depcruise.js';

const ROUTE = 'src/providers/flow-payments/emulator/route.ts';

// One planted tree (one depcruise run, ~5 s): each file is one case, allowed or forbidden.
const TREE = {
  [ROUTE]: 'export const route = 1;\n',
  'src/sandbox/mount.ts': 'export const shape = 1;\n',
  'src/sandbox/server.ts': 'export const server = 1;\n',
  // Product code importing a provider emulator: forbidden.
  'src/api/leak.ts': "import { route } from '../providers/flow-payments/emulator/route.js';\nexport const x = route;\n",
  // A provider's adapter importing its own emulator: forbidden.
  'src/providers/flow-payments/adapter.ts': "import { route } from './emulator/route.js';\nexport const x = route;\n",
  // The demo command reaching a provider emulator, even lazily: forbidden (it goes through src/sandbox).
  'src/commands/demo.ts': "export const load = () => import('../providers/flow-payments/emulator/route.js');\n",
  // An emulator route may use the host's Mount shape, and nothing else of the host.
  'src/providers/swipelux/emulator/route.ts': "import { shape } from '../../../sandbox/mount.js';\nimport { server } from '../../../sandbox/server.js';\nexport const x = shape + server;\n",
  // The emulator host listing the provider routes: allowed.
  'src/sandbox/mounts.ts': "import { route } from '../providers/flow-payments/emulator/route.js';\nexport const all = [route];\n",
};

describe('emulator dependency rules', () => {
  it('only the emulator host imports a provider emulator, and a route uses only the host\'s Mount shape', () => {
    expect(violations(TREE).sort()).toEqual([
      `provider-emulators-only-from-host: src/api/leak.ts → ${ROUTE}`,
      `provider-emulators-only-from-host: src/commands/demo.ts → ${ROUTE}`,
      `provider-emulators-only-from-host: src/providers/flow-payments/adapter.ts → ${ROUTE}`,
      'provider-emulators-use-host-shape-only: src/providers/swipelux/emulator/route.ts → src/sandbox/server.ts',
    ]);
  }, 60_000);
});
