// Global flags a command cannot honour are refused as usage errors, never silently ignored.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/fixtures.js';

describe('unsupported global flags', () => {
  it.each([
    [['can-withdraw', 'USDT', '1', '--csv'], 'can-withdraw prints a table or --json; --csv is not supported'],
    [['watch', '--csv'], 'watch prints a table or --json; --csv is not supported'],
    [['config', 'check', '--csv'], 'config check prints a table or --json; --csv is not supported'],
    [['config', 'init', '--json'], 'config init prints no machine-readable output; --json is not supported'],
    [['sandbox', '--json'], 'sandbox prints no machine-readable output; --json is not supported'],
    [['completion', 'bash', '--csv'], 'completion prints no machine-readable output; --csv is not supported'],
    [['watch', '--max-age', '30s'], 'watch does not read cached balances; --max-age does not apply'],
    [['config', 'check', '--max-age', '1s'], 'config check does not read cached balances; --max-age does not apply'],
  ])('%j is a usage error with nothing on stdout', async (args, message) => {
    const dir = tempDir();
    const { code, stdout, stderr } = await runCli(args, { cwd: dir, env: { HOME: dir } });
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.split('\n')[0]).toBe(`error: ${message}`);
  });
});
