// Library code plays no process-wide tricks (issue 12, docs/dev/architecture.md): config loading
// works in a worker thread (no process.chdir), importing and using the library leaves the host's
// V8 flags alone (only the CLI entry sets them), and undici's private-path import, which the
// start-up budget relies on, is guarded along with its fallback.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.js';
import { sandboxWithConfig, tempDir, writeConfig } from '../helpers/fixtures.js';

const dist = (path: string) => new URL(`../../dist/${path}`, import.meta.url).href;

let sandbox: Sandbox;
let configPath: string;
let rawConfig: Record<string, unknown>;
beforeAll(async () => {
  ({ sandbox, configPath, config: rawConfig } = await sandboxWithConfig());
});
afterAll(() => sandbox.close());

describe('config loading in a worker thread', () => {
  function loadInWorker(path: string): Promise<{ ok: boolean; accounts?: string[]; message?: string }> {
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      import(workerData.lib)
        .then((lib) => lib.loadConfig({ configPath: workerData.path }))
        .then((config) => parentPort.postMessage({ ok: true, accounts: config.accounts.map((a) => a.name) }))
        .catch((error) => parentPort.postMessage({ ok: false, message: String(error && error.message) }));
    `;
    return new Promise((resolve, reject) => {
      const worker = new Worker(code, { eval: true, workerData: { lib: dist('index.js'), path } });
      worker.once('message', (message: { ok: boolean }) => {
        resolve(message);
        void worker.terminate();
      });
      worker.once('error', reject);
    });
  }

  it.each(['config.yaml', 'config.yml', '.balancerc', 'config.json'])('loadConfig reads a %s config', async (name) => {
    const path = writeConfig(tempDir(), rawConfig, name);
    expect(await loadInWorker(path)).toEqual({ ok: true, accounts: Object.keys(rawConfig.accounts as object) });
  });

  it('a YAML syntax error is reported with its position, not as "unreadable"', async () => {
    const path = writeConfig(tempDir(), 'accounts:\n  a: [unclosed\n', 'config.yaml');
    const result = await loadInWorker(path);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^invalid YAML in .*config\.yaml:\d+:\d+/);
  });
});

/** Run `body` in a fresh Node with setFlagsFromString recorded (and not applied); returns the flags. */
function flagsSetBy(body: string): Promise<{ flags: string[]; stdout: string }> {
  const script = `
    import v8 from 'node:v8';
    import { syncBuiltinESMExports } from 'node:module';
    const flags = [];
    v8.setFlagsFromString = (flag) => { flags.push(flag); };
    syncBuiltinESMExports();
    process.on('exit', () => process.stderr.write('FLAGS ' + JSON.stringify(flags) + '\\n'));
    ${body}
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', () => {
      const line = /^FLAGS (.*)$/m.exec(stderr);
      if (!line?.[1]) return reject(new Error(`no FLAGS line; stderr: ${stderr}`));
      resolve({ flags: JSON.parse(line[1]) as string[], stdout });
    });
  });
}

/** The flags the CLI's main() sets for these arguments (plus the config of the sandbox). */
function flagsSetByCli(args: string[]): Promise<{ flags: string[]; stdout: string }> {
  const argv = ['node', 'bal', ...args, '--config', configPath];
  return flagsSetBy(`
    const { main } = await import(${JSON.stringify(dist('bundle/cli.js'))});
    await main(${JSON.stringify(argv)});
  `);
}

describe('V8 flags', () => {
  it('importing the library and reading balances over HTTP sets none', async () => {
    const { flags, stdout } = await flagsSetBy(`
      const lib = await import(${JSON.stringify(dist('index.js'))});
      const config = await lib.loadConfig({ configPath: ${JSON.stringify(configPath)} });
      const result = await lib.fetchBalances(config, { accounts: ['syncpay'], env: {} });
      console.log(result.balances.length, result.errors.length);
    `);
    expect(stdout.trim()).toMatch(/^[1-9]\d* 0$/); // undici was loaded and used
    expect(flags).toEqual([]);
  });

  it('the CLI entry sets --liftoff-only on V8 11 (Node 20) only, and nothing else for a one-shot command', async () => {
    const { flags, stdout } = await flagsSetByCli(['can-withdraw', 'USD', '10', '--account', 'syncpay']);
    expect(stdout).toContain("yes: 'syncpay' can withdraw 10 USD");
    expect(flags).toEqual(process.versions.v8.startsWith('11.') ? ['--liftoff-only'] : []);
  });
});

describe('V8 flags of a long-running command', () => {
  it('watch keeps its young generation small (V8 11–13), set by the CLI entry', async () => {
    const { flags, stdout } = await flagsSetByCli(['watch', '--json', '--count', '1', '--account', 'syncpay']);
    expect(stdout).toContain('"type":"snapshot"');
    const major = Number(process.versions.v8.split('.')[0]);
    const expected = [...(major === 11 ? ['--liftoff-only'] : []), ...(major >= 11 && major <= 13 ? ['--semi-space-growth-factor=1'] : [])];
    expect(flags).toEqual(expected);
  });
});

describe('undici through its private modules (src/http/transport.ts)', () => {
  let server: Server;
  let url: URL;
  beforeAll(async () => {
    server = createServer((_req, res) => res.end('{"ok":true}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const spec = () => ({
    method: 'GET',
    url,
    headers: {},
    connectTimeoutMs: 2_000,
    headersTimeoutMs: 2_000,
    bodyTimeoutMs: 2_000,
    maxResponseBytes: 1_000,
    signal: new AbortController().signal,
    tooLarge: () => new Error('too large'),
  });

  it('the private paths exist and are the same Agent and request the package exports', async () => {
    const [agentModule, api, full] = await Promise.all([import('undici/lib/dispatcher/agent.js'), import('undici/lib/api/index.js'), import('undici')]);
    expect(agentModule.default).toBe(full.Agent);
    expect(typeof api.request).toBe('function');
  });

  it('an exchange works through them', async () => {
    const { HttpTransport } = await import('../../src/http/transport.js');
    const transport = new HttpTransport();
    const result = await transport.exchange({ ...spec(), proxy: null });
    await transport.close();
    expect([result.status, result.text]).toEqual([200, '{"ok":true}']);
  });

  it('falls back to the whole package when a private path moves', async () => {
    const { createRequire } = await import('node:module');
    const realRequire = createRequire(import.meta.url);
    const loaded: string[] = [];
    const { HttpTransport } = await import('../../src/http/transport.js');
    const transport = new HttpTransport((id) => {
      loaded.push(id);
      if (id.startsWith('undici/lib/')) throw new Error('Cannot find module (moved in a new undici)');
      return realRequire(id);
    });
    const result = await transport.exchange({ ...spec(), proxy: null });
    await transport.close();
    expect([result.status, result.text]).toEqual([200, '{"ok":true}']);
    expect(loaded).toEqual(['undici/lib/dispatcher/agent.js', 'undici']);
  });
});

describe('the version', () => {
  it('has one source, package.json: no source file spells it out', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const root = new URL('../../', import.meta.url);
    const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string };
    const files = readdirSync(new URL('src/', root), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const spelled = files.filter((f) => readFileSync(new URL(`src/${f}`, root), 'utf8').includes(`'${version}'`));
    expect(spelled).toEqual([]);
    const { VERSION } = await import('../../src/cli.js');
    expect(VERSION).toBe(version);
  });
});
