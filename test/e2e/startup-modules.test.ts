// Start-up is this tool's speed (docs/dev/performance.md): pin which files `--help` and a one-shot
// `can-withdraw` load, so a static import of a heavy module cannot slip in unnoticed. Files are
// recorded by a module-loader hook in the spawned CLI (test/helpers/load-log.ts); bundle chunks
// are matched by role, their hashes ignored.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { runCliLoggingModules } from '../helpers/load-log.js';

const SHARED_CHUNK = 'dist/bundle/chunks/chunk-*.js';
/**
 * What every run reads: the shim, the light CLI bundle and the version (src/version.ts looks for
 * package.json upwards from the bundle, passing the bundle's own, which makes its files CommonJS).
 */
const ENTRY = ['bin/balance-inspector.js', 'dist/bundle/cli.js', 'dist/bundle/package.json', 'package.json'];

const e2e = useSandbox();

/**
 * The modules bundled into what the CLI bundle imports statically (what every run, `--help`
 * included, compiles): scripts/bundle.mjs marks each with a legal comment naming its path, e.g.
 * `/*! dist/core/money.js` (closed by the usual star-slash).
 */
function staticModules(file: string, seen = new Set<string>()): Set<string> {
  const modules = new Set<string>();
  if (seen.has(file)) return modules;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  // esbuild gathers a package's legal comments into a license block, as `(*! … *)`.
  for (const [, module] of text.matchAll(/[/(]\*! ((?:dist|node_modules)\/\S+) \*[/)]/g)) modules.add(module ?? '');
  // The bundle is CommonJS (scripts/bundle.mjs): a static import is `var import_… = require(…)`;
  // a lazy one is a require() inside a promise (`()=>require(…)`), not followed here.
  for (const [, spec] of text.matchAll(/\bvar import_\w+=(?:__toESM\()?require\("(\.[^"]+)"\)/g)) {
    for (const module of staticModules(join(dirname(file), spec ?? ''), seen)) modules.add(module);
  }
  return modules;
}

describe('modules loaded at start-up', () => {
  it('--help loads the CLI bundle and a few shared chunks: no lazy chunk, no package', async () => {
    const run = await runCliLoggingModules(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: balance-inspector');
    expect(run.files.filter((f) => f !== SHARED_CHUNK)).toEqual(ENTRY);
    // Shared chunks: esbuild splits modules by the set of entries using them (the two lazy groups and
    // the table chunks make four for what --help needs); each costs a read and a compile.
    expect(run.files.filter((f) => f === SHARED_CHUNK).length).toBeLessThanOrEqual(4);
  });

  it('what every start-up compiles holds no decimal.js, HTTP layer, file checks, config loader or output code (but the list of formats)', () => {
    const modules = [...staticModules(resolve(import.meta.dirname, '../../dist/bundle/cli.js'))];
    expect(modules).toContain('dist/cli.js');
    expect(modules).toContain('node_modules/commander/lib/command.js');
    const heavy = modules.filter((m) =>
      /^node_modules\/(?!commander\/)|^dist\/(http|config\/(?!search-order)|api|cache|history|format|ui\/(?!formats)|watch|sandbox)\/|^dist\/core\/(money|safe-file|conditions|currencies)\.js$/.test(
        m,
      ),
    );
    expect(heavy).toEqual([]);
  });

  it("a one-shot can-withdraw adds the read commands' lazy chunk and undici's agent and request modules, nothing else", async () => {
    const run = await runCliLoggingModules(['can-withdraw', 'USD', '10', '--account', 'syncpay', '--config', e2e.configPath]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('error');
    expect(run.stdout).toContain("yes: 'syncpay' can withdraw 10 USD");
    // The read commands' group only (scripts/bundle.mjs): no sandbox, watch, history or config init code.
    const ours = run.files.filter((f) => f !== SHARED_CHUNK && !f.startsWith('node_modules/'));
    expect(ours).toEqual([...ENTRY, 'dist/bundle/chunks/lazy-read-*.js']);
    // undici through its two private modules, required (not imported: no ESM translation), not its
    // ~90 ms index (src/http/transport.ts); the files those two require come along.
    const packages = run.files.filter((f) => f.startsWith('node_modules/'));
    expect(new Set(packages.map((f) => f.split('/')[1]))).toEqual(new Set(['undici']));
    expect(packages).toEqual(expect.arrayContaining(['node_modules/undici/lib/dispatcher/agent.js', 'node_modules/undici/lib/api/index.js']));
    expect(packages[0]).toBe('node_modules/undici/lib/dispatcher/agent.js');
    expect(packages).not.toContain('node_modules/undici/index.js');
    // No table chunk, no cosmiconfig (JSON config), no ora or prom-client.
    expect(run.files.filter((f) => f === SHARED_CHUNK).length).toBeLessThanOrEqual(7);
  });

  it('neither --help nor a one-shot can-withdraw loads node:child_process (commander requires it at load)', async () => {
    for (const args of [['--help'], ['can-withdraw', 'USD', '10', '--account', 'syncpay', '--config', e2e.configPath]]) {
      const run = await runCliLoggingModules(args);
      expect(run.code).toBe(0);
      expect(run.builtins).toContain('fs');
      expect(run.builtins).not.toContain('child_process');
    }
  });

  it.each([
    [['balances', '--json'], []],
    [['total', '--csv'], []],
    [['balances'], ['dist/bundle/chunks/table-*.js']],
    [['total'], ['dist/bundle/chunks/totals-table-*.js']],
  ])("%j, a read for scripts too, loads the read commands' lazy chunk only, and a table chunk only to draw a table", async (args, tables) => {
    const run = await runCliLoggingModules([...args, '--account', 'syncpay', '--config', e2e.configPath]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const ours = run.files.filter((f) => f !== SHARED_CHUNK && !f.startsWith('node_modules/'));
    // The read group (scripts/bundle.mjs): no sandbox, watch, history or config init code.
    expect(ours).toEqual([...ENTRY, 'dist/bundle/chunks/lazy-read-*.js', ...tables]);
    expect(new Set(run.files.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/')[1]))).toEqual(new Set(['undici']));
  });
});
