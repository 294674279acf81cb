// The fresh-machine check: `npm pack`, install the tarball into an empty prefix, then run the CLI,
// import the library and type-check a consumer from there: what a user gets from the registry. A
// global install of the same tarball (the README's install path) must bring `man balance-inspector`.
// The slowest test (npm install); dependencies come from npm's cache when it has them.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const exec = promisify(execFile);
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The environment minus what `npm test` exported about this project, so npm acts as in a new shell. */
function cleanEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig', 'npm_config_globalconfig']);
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_') || keep.has(k.toLowerCase())));
}
const run = (file: string, args: string[], cwd: string) => exec(file, args, { cwd, env: cleanEnv(), timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });

let work: string;
let prefix: string;
let tarball: string;
let packed: string[];
beforeAll(async () => {
  work = tempDir('bi-pack-');
  // dist/ is fresh (npm test builds first), so skip `prepack` rather than build twice.
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT);
  const [info] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  if (!info) throw new Error('npm pack printed nothing');
  packed = info.files.map((f) => f.path);
  prefix = join(work, 'prefix');
  tarball = join(work, info.filename);
  await run('npm', ['install', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], work);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the published package', () => {
  it('ships the built code, its types, the schemas and the bin shim; no sources or tests', () => {
    for (const file of [
      'bin/balance-inspector.js',
      'dist/cli.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/man/balance-inspector.1',
      'schema/balances.v1.json',
      'schema/total.v1.json',
      'schema/can-withdraw.v1.json',
      'schema/config-check.v1.json',
      'schema/watch-events.v1.json',
      'schema/config.v1.json',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      'docs/README.md',
      'docs/commands/balances.md',
      'docs/configuration.md',
      '.balancerc.example',
      'examples/providers/flow-payments.yaml',
      'examples/providers/syncpay.yaml',
      'examples/alerts.yml',
      'package.json',
    ]) {
      expect(packed).toContain(file);
    }
    expect(packed.filter((f) => /^(src|test|bench|\.ci)\//.test(f) || f.endsWith('.tgz') || f.startsWith('tsconfig'))).toEqual([]);
  });

  it('runs no script of its own when installed (it builds at pack time: prepack)', () => {
    const pkg = JSON.parse(readFileSync(join(prefix, 'node_modules', 'balance-inspector', 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    const installTime = ['preinstall', 'install', 'postinstall', 'prepare'].filter((name) => pkg.scripts?.[name] !== undefined);
    expect(installTime).toEqual([]);
    expect(pkg.scripts?.prepack).toBe('npm run -s build');
  });

  it('runs `balance-inspector --version` and `bal demo` from the install prefix', async () => {
    const bin = join(prefix, 'node_modules', '.bin');
    expect((await run(join(bin, 'balance-inspector'), ['--version'], prefix)).stdout.trim()).toBe(VERSION);
    const demo = await run(join(bin, 'bal'), ['demo'], prefix);
    expect(demo.stdout).toMatch(/^TOTAL\s+[\d,]+\.\d\d/m);
    expect(demo.stdout).toContain('0.000090074983482468');
  });

  it('imports the library entry and resolves the schemas by package name', async () => {
    const script = `
      import * as api from 'balance-inspector';
      const config = api.parseConfig({ accounts: { x: { provider: 'syncpay', apiKey: 'sk_test_0123456789' } } });
      const t = api.totals({ balances: [], reported: [] });
      console.log(JSON.stringify({
        fns: ['loadConfig', 'fetchBalances', 'totals', 'canWithdraw'].map((n) => typeof api[n]),
        accounts: config.accounts.length, total: t.grandTotal.toFixed(2),
        error: new api.UsageError('x') instanceof api.BalanceError,
        schema: import.meta.resolve('balance-inspector/schema/balances.v1.json').endsWith('/schema/balances.v1.json'),
      }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], prefix);
    expect(JSON.parse(stdout)).toEqual({ fns: ['function', 'function', 'function', 'function'], accounts: 1, total: '0.00', error: true, schema: true });
  });

  it('installs globally from the tarball with its manual page: `man balance-inspector` renders it', async () => {
    const global = join(work, 'global');
    await run('npm', ['install', '--global', '--prefix', global, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], work);
    expect((await run(join(global, 'bin', 'balance-inspector'), ['--version'], work)).stdout.trim()).toBe(VERSION);
    const page = join(global, 'share', 'man', 'man1', 'balance-inspector.1');
    expect(existsSync(page)).toBe(true);
    const roff = readFileSync(page, 'utf8');
    // What a roff reader needs: a title line, then the sections of a command's manual.
    expect(roff).toMatch(/^\.TH BALANCE\\-INSPECTOR 1 "[^"]+" "balance-inspector [\d.]+" "User Commands"$/m);
    for (const section of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'COMMANDS', 'GLOBAL OPTIONS', 'CONFIGURATION', 'EXIT STATUS', 'FILES', 'SEE ALSO'])
      expect(roff).toContain(`.SH ${section}\n`);
    const haveMan = await run('sh', ['-c', 'command -v man'], work).then(
      () => true,
      () => false,
    );
    if (!haveMan) return;
    // As a user would: found through MANPATH, rendered as text.
    const { stdout, stderr } = await exec('man', ['balance-inspector'], {
      env: { ...cleanEnv(), MANPATH: join(global, 'share', 'man'), MANWIDTH: '80', MANPAGER: 'cat', PAGER: 'cat' },
    });
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^BALANCE-INSPECTOR\(1\) +User Commands/);
    expect(stdout).toContain('balance-inspector can-withdraw [options] [currency] [amount]');
    expect(stdout).toMatch(/EXIT STATUS\n\s+0\s+success; for checks: yes/);
    for (const line of stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('gives TypeScript users real types (not any) through "exports", without @types/node of their own', async () => {
    writeFileSync(
      join(prefix, 'consumer.ts'),
      `import { loadConfig, fetchBalances, totals, canWithdraw, createRuntime, Decimal, type BalancesResult, type WithdrawalDecision } from 'balance-inspector';
const runtime = createRuntime({ signal: new AbortController().signal });
const config = await loadConfig({ configPath: '.balancerc.yaml', env: { SYNCPAY_API_KEY: 'from-a-vault' } });
const result: BalancesResult = await fetchBalances(config, { accounts: ['syncpay'], maxAge: 30_000, runtime });
const sum: InstanceType<typeof Decimal> = totals(result, { by: 'account' }).grandTotal;
const answer: WithdrawalDecision = await canWithdraw(result, { currency: 'USDT', amount: '250' });
// @ts-expect-error amounts are decimal strings, never JS numbers
await canWithdraw(config, { currency: 'USDT', amount: 250 });
// @ts-expect-error 'wallet' is not a grouping
totals(result, { by: 'wallet' });
console.log(sum.toFixed(2), answer.decision);
`,
    );
    writeFileSync(
      join(prefix, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          // No node types of the consumer's own (types: []), and every declaration file checked.
          target: 'ES2022',
          lib: ['ES2022'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['consumer.ts'],
      }),
    );
    // The consumer declares only balance-inspector: node's types come with the package.
    expect(Object.keys((JSON.parse(readFileSync(join(prefix, 'package.json'), 'utf8')) as { dependencies: object }).dependencies)).toEqual([
      'balance-inspector',
    ]);
    // package.json written by npm install has no "type": module; top-level await needs ESM.
    const pkg = JSON.parse(readFileSync(join(prefix, 'package.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(prefix, 'package.json'), JSON.stringify({ ...pkg, type: 'module' }));
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', join(prefix, 'tsconfig.json')], prefix).catch((e: { stdout?: string }) => ({
      stdout: `FAILED\n${e.stdout ?? ''}`,
    }));
    expect(result.stdout).toBe('');
  }, 90_000);
});
