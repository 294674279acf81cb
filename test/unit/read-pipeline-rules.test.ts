// Everything reads through the one pipeline (src/api/read.ts): nothing else may import the adapter
// step (the dependency rule, run here over a planted tree so a weakened rule fails), and only the
// pipeline sets an HTTP budget or closes the connections (checked over the real sources).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { violations } from '../helpers/depcruise.js';

const STEP = 'src/api/fetch-balances.ts';
const RULE = 'adapters-only-through-the-read-pipeline';

const TREE = {
  [STEP]: 'export const step = 1;\n',
  // The pipeline and its helpers: allowed.
  'src/api/read.ts': "import { step } from './fetch-balances.js';\nexport const read = step;\n",
  'src/api/read-cache.ts': "import type { step } from './fetch-balances.js';\nexport type Cache = typeof step;\n",
  // The library's fetchBalances reaching past the pipeline: forbidden.
  'src/api/fetch.ts': "import { step } from './fetch-balances.js';\nexport const x = step;\n",
  // config check, even lazily: forbidden.
  'src/commands/config/check.ts': "export const load = () => import('../../api/fetch-balances.js');\n",
  // A watch poll, even for a type: forbidden.
  'src/watch/poll.ts': "import type { step } from '../api/fetch-balances.js';\nexport type X = typeof step;\n",
  // A watch poll through the pipeline: allowed.
  'src/watch/session.ts': "import { read } from '../api/read.js';\nexport const x = read;\n",
};

describe('the read pipeline is the only way to the adapters', () => {
  it('only src/api/read*.ts imports the adapter step', () => {
    expect(violations(TREE).sort()).toEqual([
      `${RULE}: src/api/fetch.ts → ${STEP}`,
      `${RULE}: src/commands/config/check.ts → ${STEP}`,
      `${RULE}: src/watch/poll.ts → ${STEP}`,
    ]);
  }, 60_000);

  it('only the pipeline sets an HTTP budget; only who creates a runtime closes it', () => {
    const root = resolve(import.meta.dirname, '../..');
    const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.startsWith('http/'));
    const callers = (call: RegExp) => files.filter((f) => call.test(readFileSync(join(root, 'src', f), 'utf8'))).map((f) => f.split('\\').join('/'));
    expect(callers(/\btimeBudget\(/)).toEqual(['api/read.ts']);
    expect(callers(/\bcreateRuntime\(/).sort()).toEqual(['api/fetch.ts', 'cli.ts']);
    expect(callers(/\bruntime\.close\(/).sort()).toEqual(['api/fetch.ts', 'cli.ts']);
    expect(callers(/\bdefaultHttpSettings\(/)).toEqual(['api/fetch-balances.ts']);
  });
});
