// The dependency rules that keep each provider's emulator route (src/providers/<id>/emulator/) out
// of product code: run the real .dependency-cruiser.cjs over a tiny planted tree, so a weakened
// rule fails here rather than silently letting the emulator into the CLI.
import { describe, expect, it } from 'vitest';
import { violations } from '../helpers/depcruise.js';

const ROUTE = 'src/providers/flow-payments/emulator/route.ts';

// One planted tree (one depcruise run, ~5 s): each file is one case, allowed or forbidden.
const TREE = {
  [ROUTE]: 'export const route = 1;\n',
  'src/providers/kit/mount.ts': 'export const shape = 1;\n',
  'src/sandbox/server.ts': 'export const server = 1;\n',
  // Product code importing a provider emulator: forbidden.
  'src/api/leak.ts': "import { route } from '../providers/flow-payments/emulator/route.js';\nexport const x = route;\n",
  // A provider's adapter importing its own emulator: forbidden.
  'src/providers/flow-payments/adapter.ts': "import { route } from './emulator/route.js';\nexport const x = route;\n",
  // The demo command reaching a provider emulator, even lazily: forbidden (it goes through src/sandbox).
  'src/commands/demo.ts': "export const load = () => import('../providers/flow-payments/emulator/route.js');\n",
  // An emulator route takes its Mount shape from the provider kit, and nothing from the host.
  'src/providers/swipelux/emulator/route.ts':
    "import { shape } from '../../kit/mount.js';\nimport { server } from '../../../sandbox/server.js';\nexport const x = shape + server;\n",
  // Emulator code reaching the host, even for a type: forbidden (a folder-level cycle).
  'src/providers/cryptofuse/emulator/data.ts': "import type { Sandbox } from '../../../sandbox/server.js';\nexport type X = Sandbox;\n",
  // The kit reaching a provider folder or the registry: forbidden (the kit is a leaf).
  'src/providers/kit/paginator.ts':
    "import { route } from '../flow-payments/adapter.js';\nimport { all } from '../catalog.js';\nexport const x = [route, all];\n",
  'src/providers/catalog.ts': "import { shape } from './kit/mount.js';\nexport const all = [shape];\n",
  // A provider's home loading its own emulator entry with import(): allowed.
  'src/providers/flow-payments/emulator/index.ts': 'export const emulator = 1;\n',
  'src/providers/flow-payments/home.ts': "export const load = () => import('./emulator/index.js');\n",
  // A home importing its own entry statically: forbidden (every command would load the emulator).
  'src/providers/bachs/emulator/index.ts': 'export const emulator = 1;\n',
  'src/providers/bachs/home.ts': "import { emulator } from './emulator/index.js';\nexport const x = emulator;\n",
  // A home reaching another provider's emulator, or past its own entry: forbidden.
  'src/providers/swipelux/home.ts':
    "export const load = () => import('../flow-payments/emulator/index.js');\nexport const deep = () => import('./emulator/route.js');\n",
  // The emulator host listing the provider routes: allowed.
  'src/sandbox/mounts.ts': "import { route } from '../providers/flow-payments/emulator/route.js';\nexport const all = [route];\n",
};

describe('emulator dependency rules', () => {
  it('only the emulator host imports a provider emulator; providers never import the host; the kit is a leaf', () => {
    expect(violations(TREE).sort()).toEqual([
      'home-loads-its-emulator-lazily: src/providers/bachs/home.ts → src/providers/bachs/emulator/index.ts',
      'home-loads-only-its-emulator-entry: src/providers/swipelux/home.ts → src/providers/flow-payments/emulator/index.ts',
      'home-loads-only-its-emulator-entry: src/providers/swipelux/home.ts → src/providers/swipelux/emulator/route.ts',
      'kit-is-a-leaf: src/providers/kit/paginator.ts → src/providers/catalog.ts',
      'kit-is-a-leaf: src/providers/kit/paginator.ts → src/providers/flow-payments/adapter.ts',
      `provider-emulators-only-from-host: src/api/leak.ts → ${ROUTE}`,
      `provider-emulators-only-from-host: src/commands/demo.ts → ${ROUTE}`,
      `provider-emulators-only-from-host: src/providers/flow-payments/adapter.ts → ${ROUTE}`,
      'providers-never-import-the-emulator-host: src/providers/cryptofuse/emulator/data.ts → src/sandbox/server.ts',
      'providers-never-import-the-emulator-host: src/providers/swipelux/emulator/route.ts → src/sandbox/server.ts',
    ]);
  }, 60_000);
});
