// Progress for people: "n/N accounts" on a terminal's stderr; nothing at all on stderr with --quiet,
// even where a notice (a cache hit) would otherwise be printed. The spinner is checked on a real
// pseudo-terminal: ora decides for itself whether to draw from the process's own environment (CI,
// TERM) and terminal, which an in-process run would take from the test runner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.js';
import { runCli } from '../helpers/cli.js';
import { HAVE_SCRIPT, onTerminal } from '../helpers/pty.js';
import { sandboxWithConfig, tempDir } from '../helpers/fixtures.js';

let sandbox: Sandbox;
let configPath: string;
beforeAll(async () => {
  ({ sandbox, configPath } = await sandboxWithConfig());
});
afterAll(() => sandbox.close());

describe('progress', () => {
  it('--quiet prints nothing on stderr: no spinner, no notices, no cache note', async () => {
    const env = { XDG_CACHE_HOME: tempDir() };
    await runCli(['balances', '--config', configPath, '--max-age', '1m'], { env });
    const quiet = await runCli(['balances', '--config', configPath, '--max-age', '1m', '--quiet'], { env });
    expect([quiet.code, quiet.stderr]).toEqual([0, '']);
    expect(quiet.stdout).toContain('ACCOUNT');
    const loud = await runCli(['balances', '--config', configPath, '--max-age', '1m'], { env });
    expect(loud.stderr).toContain('from the cache');
  });

  it.skipIf(!HAVE_SCRIPT)('shows "n/N accounts" on a terminal, and nothing there with --quiet', async () => {
    sandbox.faults.add({ provider: 'syncpay', kind: 'delay', ms: 700 });
    const shown = await onTerminal(['balances', '--config', configPath], { stdoutToFile: true });
    expect(shown.code).toBe(0);
    expect(shown.terminal).toMatch(/Fetching balances: [1-6]\/7 accounts/);
    sandbox.faults.add({ provider: 'syncpay', kind: 'delay', ms: 700 });
    const quiet = await onTerminal(['balances', '--config', configPath, '--quiet'], { stdoutToFile: true });
    expect([quiet.code, quiet.terminal]).toEqual([0, '']);
  });

  it.skipIf(!HAVE_SCRIPT)('a terminal reporting 0 columns gets no spinner (ora would loop forever)', async () => {
    const zero = await onTerminal(['balances', '--config', configPath], { columns: 0, stdoutToFile: true });
    expect([zero.code, zero.terminal]).toEqual([0, '']);
  });

  it.skipIf(!HAVE_SCRIPT)('a retry is said in the spinner and stays on the terminal above it', async () => {
    sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    const shown = await onTerminal(['balances', '--config', configPath], { stdoutToFile: true });
    expect(shown.code).toBe(0);
    expect(shown.terminal).toContain('syncpay: rate-limited, retrying in 1s (attempt 2 of 3)\r\n');
    expect(shown.terminal).toMatch(/Fetching balances · syncpay: rate-limited, retrying in 1s/);
    expect(shown.stdout).not.toContain('retrying');
  });
});
