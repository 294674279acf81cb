// Run the built CLI with a module-loader hook that records every file Node loads through the ES
// module loader (the bundle, its chunks, and the packages it imports), so tests can pin what a
// command costs at start-up. Paths are reported relative to the package root; package files as
// `node_modules/<package>/<path>`.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BIN } from './cli.js';
import { tempDir } from './fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

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
}

export function runCliLoggingModules(args: string[], env: Record<string, string> = {}): Promise<LoadedRun> {
  const dir = tempDir('bi-loadlog-');
  const hooks = join(dir, 'hooks.mjs');
  const register = join(dir, 'register.mjs');
  const log = join(dir, 'log.txt');
  writeFileSync(hooks, HOOKS);
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  writeFileSync(log, '');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(register).href, BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: dir, NO_COLOR: '1', ...env, BI_LOAD_LOG: log },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const files = readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((url) => fileURLToPath(url))
        .map((path) => (path.startsWith(ROOT) ? path.slice(ROOT.length) : path))
        .map((path) => path.replace(/-[A-Z0-9]{8}\.js$/, '-*.js'));
      resolve({ code, stdout, stderr, files });
    });
  });
}
