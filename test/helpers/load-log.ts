// Run the built CLI with module-loader hooks that record every file Node loads through the ES
// module loader (the bundle, its chunks, and the packages it imports) or through require() (the
// shim, undici), so tests can pin what a command costs at start-up. Paths are reported relative to the package root; package files as
// `node_modules/<package>/<path>`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BIN } from './cli.js';
import { tempDir } from './fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Files loaded with require() (undici's modules: src/http/transport.ts requires them), logged as they start loading. */
const REQUIRE_HOOK = `const { appendFileSync } = require('node:fs');
const Module = require('node:module');
const { pathToFileURL } = require('node:url');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (!request.startsWith('node:') && !Module.isBuiltin(request)) {
    try {
      appendFileSync(process.env.BI_LOAD_LOG, pathToFileURL(Module._resolveFilename(request, parent, isMain)).href + '\\n');
    } catch {}
  }
  return load.apply(this, arguments);
};
process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
  appendFileSync(process.env.BI_LOAD_LOG + '.builtins', builtins.join('\\n'));
});
`;

const HOOKS = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(process.env.BI_LOAD_LOG, url + '\\n');
  return next(url, context);
}
`;

export interface LoadedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Loaded files, in order, relative to the package root (chunk hashes replaced by `*`). */
  files: string[];
  /** Node's built-in modules the run loaded (process.moduleLoadList), e.g. `fs`, `internal/url`. */
  builtins: string[];
}

export function runCliLoggingModules(args: string[], env: Record<string, string> = {}): Promise<LoadedRun> {
  const dir = tempDir('bi-loadlog-');
  const hooks = join(dir, 'hooks.mjs');
  const register = join(dir, 'register.mjs');
  const log = join(dir, 'log.txt');
  const requireHook = join(dir, 'require-hook.cjs');
  writeFileSync(requireHook, REQUIRE_HOOK);
  writeFileSync(hooks, HOOKS);
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  writeFileSync(log, '');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', requireHook, '--import', pathToFileURL(register).href, BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: dir, NO_COLOR: '1', ...env, BI_LOAD_LOG: log },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      // A file may pass both hooks (the main module does) and be required many times: the first sighting counts.
      const urls = [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))];
      const files = urls
        .map((url) => fileURLToPath(url))
        .map((path) => (path.startsWith(ROOT) ? path.slice(ROOT.length) : path))
        .map((path) => path.replace(/-[A-Z0-9]{8}\.js$/, '-*.js'));
      const builtins = existsSync(`${log}.builtins`) ? readFileSync(`${log}.builtins`, 'utf8').split('\n').filter(Boolean) : [];
      resolve({ code, stdout, stderr, files, builtins });
    });
  });
}
