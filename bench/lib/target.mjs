// What the bench measures: a built balance-inspector tree (this checkout by default, or another
// build given with --root, e.g. an older commit for a before/after table), its sandbox, and
// throw-away configs. Everything stays on 127.0.0.1 and in a temp dir removed at the end.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export class Target {
  constructor(root) {
    this.root = root;
    this.bin = join(root, 'bin', 'balance-inspector.js');
    this.dir = mkdtempSync(join(tmpdir(), 'bi-bench-'));
    this.sandboxes = [];
  }

  /** Import a module of the target's build, e.g. 'sandbox/server.js'. */
  import(path) {
    return import(pathToFileURL(join(this.root, 'dist', path)).href);
  }

  /**
   * The first of several paths that the target's build has: modules moved between releases
   * (e.g. sandbox/keys.js → providers/sandbox-keys.js), and an older --root build keeps the old one.
   */
  async importFirst(...paths) {
    for (const path of paths.slice(0, -1)) {
      try {
        return await this.import(path);
      } catch (error) {
        if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
      }
    }
    return this.import(paths[paths.length - 1]);
  }

  /** The sandbox's published API key per provider id, wherever (and however) the target's build keeps them. */
  async sandboxKeys() {
    const { SANDBOX_KEYS } = await this.importFirst('providers/sandbox-keys.js', 'sandbox/keys.js');
    // Newer builds keep each provider's sandbox credentials ({apiKey, …}) derived from the registry;
    // older ones a flat map of key strings. The steps want the API key either way.
    return Object.fromEntries(Object.entries(SANDBOX_KEYS).map(([id, value]) => [id, typeof value === 'string' ? value : value.apiKey]));
  }

  /** A sandbox of the target's own build; closed by cleanup(). */
  async sandbox(options = {}) {
    const { startSandbox } = await this.import('sandbox/server.js');
    const sandbox = await startSandbox(options);
    this.sandboxes.push(sandbox);
    return sandbox;
  }

  /** Write a JSON config (mode 0600, as the CLI requires for files holding keys). */
  config(name, accounts, extra = {}) {
    const path = join(this.dir, `${name}.json`);
    writeFileSync(path, JSON.stringify({ accounts, ...extra }, null, 2), { mode: 0o600 });
    return path;
  }

  /** The argv to run the target CLI with. */
  cli(...args) {
    return [process.execPath, this.bin, ...args];
  }

  async cleanup() {
    await Promise.all(this.sandboxes.map((s) => s.close()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A child environment without the caller's colours, CI markers or config search paths. */
export function cliEnv(extra = {}) {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...extra };
}
