// Progress for people: "n/N accounts" on a terminal's stderr; nothing at all on stderr with --quiet,
// even where a notice (a cache hit) would otherwise be printed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.js';
import { BIN, runCli } from '../helpers/cli.js';
import { sandboxWithConfig, tempDir } from '../helpers/fixtures.js';

let sandbox: Sandbox;
let configPath: string;
beforeAll(async () => {
  ({ sandbox, configPath } = await sandboxWithConfig());
});
afterAll(() => sandbox.close());

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/**
 * Run the CLI with stderr on a pseudo-terminal (util-linux `script`) and stdout in a file. `stty`
 * gives the pty a size first (script without a terminal makes it 0×0); `timeout` makes sure a
 * spinner gone wrong can never outlive the test.
 */
function onTerminal(args: string[], columns = 120): Promise<{ code: number | null; terminal: string }> {
  const out = join(tempDir(), 'stdout');
  const cli = [process.execPath, BIN, ...args].map(quote).join(' ');
  const command = `stty cols ${columns} rows 40; timeout -s KILL 10 ${cli} > ${quote(out)}`;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm-256color' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let terminal = '';
    // Capped: a looping spinner writes megabytes a second until `timeout` ends it.
    child.stdout.setEncoding('utf8').on('data', (d: string) => (terminal = (terminal + d).slice(0, 65_536)));
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, terminal });
    });
  });
}

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

  it.skipIf(!existsSync('/usr/bin/script'))('shows "n/N accounts" on a terminal, and nothing there with --quiet', async () => {
    sandbox.faults.add({ provider: 'syncpay', kind: 'delay', ms: 700 });
    const shown = await onTerminal(['balances', '--config', configPath]);
    expect(shown.code).toBe(0);
    expect(shown.terminal).toMatch(/Fetching balances: [1-6]\/7 accounts/);
    sandbox.faults.add({ provider: 'syncpay', kind: 'delay', ms: 700 });
    const quiet = await onTerminal(['balances', '--config', configPath, '--quiet']);
    expect([quiet.code, quiet.terminal]).toEqual([0, '']);
  });

  it.skipIf(!existsSync('/usr/bin/script'))('a terminal reporting 0 columns gets no spinner (ora would loop forever)', async () => {
    const zero = await onTerminal(['balances', '--config', configPath], 0);
    expect([zero.code, zero.terminal]).toEqual([0, '']);
  });
});
