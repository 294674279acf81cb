// `sandbox` as a user runs it: a long-lived process that writes a config pointing at itself.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/fixtures.js';

describe('sandbox --write-config', () => {
  it.each(['sandbox.json', 'sandbox.yaml'])('writes %s (0600) that balances can read, and stops on SIGINT with 130', async (name) => {
    const dir = tempDir();
    const path = join(dir, name);
    let done = false;
    const served = runCli(['sandbox', '--write-config', path], { cwd: dir, signal: 'SIGINT', signalAfterMs: 0, signalWhen: () => done });
    for (let i = 0; i < 100 && !existsSync(path); i++) await new Promise((r) => setTimeout(r, 50));
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

describe('demo', () => {
  it('reads each account once for both the balances and the total (each failure is reported once)', async () => {
    const { code, stderr } = await runCli(['demo', '--timeout', '1ms'], { cwd: tempDir(), env: { HOME: tempDir() } });
    expect(code).toBe(5);
    const errors = stderr.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors).toHaveLength(6);
    expect(new Set(errors).size).toBe(6);
  });
});
