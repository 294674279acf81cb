// `sandbox` as a user runs it: a long-lived process that writes a config pointing at itself.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/fixtures.js';
import { sandboxAccounts } from '../../src/sandbox/demo-config.js';

/** The sandbox claims the file before it listens and fills it once it knows its port: wait for that. */
async function writtenConfig(path: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (existsSync(path) && readFileSync(path, 'utf8').trimEnd().endsWith('}')) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${path} was not written`);
}

describe('sandbox --write-config', () => {
  it.each(['sandbox.json', 'sandbox.yaml'])('writes %s (0600) that balances can read, and stops on SIGINT with 130', async (name) => {
    const dir = tempDir();
    const path = join(dir, name);
    let done = false;
    const served = spawnCli(['sandbox', '--write-config', path], { cwd: dir, signal: 'SIGINT', signalAfterMs: 0, signalWhen: () => done });
    await writtenConfig(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8').startsWith('#')).toBe(name.endsWith('.yaml'));
    const read = await runCli(['balances', '--json', '--config', path, '--account', 'syncpay']);
    done = true;
    expect([read.code, JSON.parse(read.stdout).complete]).toEqual([0, true]);
    const stopped = await served;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain(`Wrote ${path}`);
  });
});

describe('sandbox --write-config --force', () => {
  it('an existing file is refused with a hint naming --force; with --force it is replaced (0600)', async () => {
    const dir = tempDir();
    const path = join(dir, 'sandbox.json');
    writeFileSync(path, 'old: true\n', { mode: 0o644 }); // not JSON: writtenConfig waits for the new one
    const refused = await runCli(['sandbox', '--write-config', path], { cwd: dir });
    expect([refused.code, refused.stdout]).toEqual([2, '']);
    expect(refused.stderr.split('\n').slice(0, 2)).toEqual([
      `error: --write-config ${path}: cannot create the file: it already exists`,
      '  hint: add --force to replace it, or give another path',
    ]);
    expect(readFileSync(path, 'utf8')).toBe('old: true\n');

    let done = false;
    const served = spawnCli(['sandbox', '--write-config', path, '--force'], { cwd: dir, signal: 'SIGINT', signalAfterMs: 0, signalWhen: () => done });
    await writtenConfig(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const read = await runCli(['balances', '--json', '--config', path, '--account', 'syncpay']);
    done = true;
    expect(read.code).toBe(0);
    expect((await served).code).toBe(130);
  });

  it('--force without --write-config, or on a directory, is a usage error', async () => {
    const dir = tempDir();
    const alone = await runCli(['sandbox', '--force'], { cwd: dir });
    expect([alone.code, alone.stdout, alone.stderr.split('\n')[0]]).toEqual([2, '', 'error: --force only applies to --write-config <path>']);
    const folder = await runCli(['sandbox', '--write-config', dir, '--force'], { cwd: dir });
    expect([folder.code, folder.stderr.split('\n')[0]]).toEqual([2, `error: --write-config ${dir}: cannot create the file: it is a directory`]);
  });
});

describe('sandbox usage errors', () => {
  it('refuses bad flags and an unusable --write-config path before listening (exit 2)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'taken.yaml'), 'x');
    const cases: Array<[string[], string]> = [
      [['--port', 'abc'], 'error: --port "abc" is not a port number (0-65535)'],
      [['--latency', 'fast'], 'error: --latency "fast" is not a duration; expected e.g. 500ms, 10s, 1m30s, 2h, 1d'],
      [['--scenario', 'party'], 'error: --scenario "party" is not a scenario; expected settle, settle:<requests>, settle:<duration> or ticker'],
      [['--write-config', join(dir, 'taken.yaml')], `error: --write-config ${join(dir, 'taken.yaml')}: cannot create the file: it already exists`],
      [['--write-config', join(dir, 'no', 'x.yaml')], `error: --write-config ${join(dir, 'no', 'x.yaml')}: cannot create the file: its folder does not exist`],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await runCli(['sandbox', ...args], { cwd: dir });
      expect([code, stdout, stderr.split('\n')[0]]).toEqual([2, '', message]);
      expect(stderr).not.toContain('listening');
    }
  });

  it('a port in use is a usage error, and the config file it claimed is removed', async () => {
    const dir = tempDir();
    const first = join(dir, 'first.json');
    let done = false;
    const served = spawnCli(['sandbox', '--write-config', first], { cwd: dir, signal: 'SIGINT', signalAfterMs: 0, signalWhen: () => done });
    await writtenConfig(first);
    const port = new URL((JSON.parse(readFileSync(first, 'utf8')) as { accounts: { syncpay: { baseUrl: string } } }).accounts.syncpay.baseUrl).port;
    const second = join(dir, 'second.yaml');
    const { code, stderr } = await runCli(['sandbox', '--port', port, '--write-config', second], { cwd: dir });
    done = true;
    await served;
    expect([code, stderr.split('\n')[0]]).toEqual([2, `error: port ${port} on 127.0.0.1 is already in use`]);
    expect(existsSync(second)).toBe(false);
  });
});

describe('demo', () => {
  it('reads each account once for both the balances and the total (each failure is reported once)', async () => {
    const { code, stderr } = await runCli(['demo', '--timeout', '1ms'], { cwd: tempDir(), env: { HOME: tempDir() } });
    expect(code).toBe(5);
    const errors = stderr.split('\n').filter((l) => l.startsWith('error: '));
    const accounts = Object.keys(await sandboxAccounts(() => 'http://127.0.0.1:9')).length;
    expect(errors).toHaveLength(accounts);
    expect(new Set(errors).size).toBe(accounts);
  });
});
