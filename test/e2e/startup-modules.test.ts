// Start-up is this tool's speed (README "Performance"): pin which files `--help` and a one-shot
// `can-withdraw` load, so a static import of a heavy module cannot slip in unnoticed. Files are
// recorded by a module-loader hook in the spawned CLI (test/helpers/load-log.ts); bundle chunks
// are matched by role, their hashes ignored.
import { describe, expect, it } from 'vitest';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { runCliLoggingModules } from '../helpers/load-log.js';

const SHARED_CHUNK = 'dist/bundle/chunks/chunk-*.js';
/** What every run reads: the shim and the light CLI bundle. */
const ENTRY = ['bin/balance-inspector.js', 'dist/bundle/cli.js'];

const e2e = useSandbox();

describe('modules loaded at start-up', () => {
  it('--help loads the CLI bundle and a few shared chunks: no lazy chunk, no package', async () => {
    const run = await runCliLoggingModules(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: balance-inspector');
    expect(run.files.filter((f) => f !== SHARED_CHUNK)).toEqual(ENTRY);
    expect(run.files.filter((f) => f === SHARED_CHUNK).length).toBeLessThanOrEqual(3);
  });

  it('a one-shot can-withdraw adds the lazy chunk and undici\'s agent and request modules, nothing else', async () => {
    const run = await runCliLoggingModules(['can-withdraw', 'USD', '10', '--account', 'syncpay', '--config', e2e.configPath]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('error');
    expect(run.stdout).toContain("yes: 'syncpay' can withdraw 10 USD");
    const ours = run.files.filter((f) => f !== SHARED_CHUNK && !f.startsWith('node_modules/'));
    expect(ours).toEqual([...ENTRY, 'dist/bundle/chunks/lazy-group-*.js']);
    // undici through its two private modules, not its ~90 ms index (src/http/transport.ts). (Newer
    // Node versions may also show the files those two require; the index must never be among them.)
    const packages = run.files.filter((f) => f.startsWith('node_modules/'));
    expect(new Set(packages.map((f) => f.split('/')[1]))).toEqual(new Set(['undici']));
    expect(packages).toEqual(expect.arrayContaining(['node_modules/undici/lib/dispatcher/agent.js', 'node_modules/undici/lib/api/index.js']));
    expect(packages[0]).toBe('node_modules/undici/lib/dispatcher/agent.js');
    expect(packages).not.toContain('node_modules/undici/index.js');
    // No table chunk, no cosmiconfig (JSON config), no ora, prom-client or cli-table3.
    expect(run.files.filter((f) => f === SHARED_CHUNK).length).toBeLessThanOrEqual(5);
  });
});
