// The history drivers and the chart library load only for the history commands: every other
// command starts as before. A --require hook lists the packages a run loaded (positive control:
// a history command with --chart must show them); spawned, since what a run loads can only be
// seen in a fresh process (in this one, the test runner has loaded them already).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.js';
import { runCli, spawnCli } from '../helpers/cli.js';
import { sandboxWithConfig, tempDir } from '../helpers/fixtures.js';

let sandbox: Sandbox;
let configPath: string;
let hook: string;
beforeAll(async () => {
  ({ sandbox, configPath } = await sandboxWithConfig());
  const dir = tempDir();
  hook = join(dir, 'hook.cjs');
  writeFileSync(
    hook,
    `process.on('exit', () => {
       const names = Object.keys(require.cache).map((p) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(p)?.[1]).filter(Boolean);
       require('fs').writeFileSync(process.env.LOADED_OUT, [...new Set(names)].join('\\n'));
     });`,
  );
});
afterAll(() => sandbox.close());

async function loaded(args: string[]): Promise<string[]> {
  const out = join(tempDir(), 'loaded.txt');
  const { code, stderr } = await spawnCli([...args, '--config', configPath], { env: { NODE_OPTIONS: `--require ${hook}`, LOADED_OUT: out } });
  expect(code, stderr).toBe(0);
  const { readFileSync } = await import('node:fs');
  return readFileSync(out, 'utf8').split('\n');
}

const HISTORY_ONLY = ['libsql', 'pg', 'asciichart'];

it('balances, total and can-withdraw load neither libsql, pg nor asciichart', async () => {
  const commands = [['balances', '--json'], ['total', '--json'], ['can-withdraw', 'USDT', '20', '--account', 'syncpay'], ['--help']];
  const runs = await Promise.all(commands.map((args) => loaded(args)));
  for (const [i, names] of runs.entries())
    expect(
      names.filter((n) => HISTORY_ONLY.includes(n)),
      commands[i]?.join(' '),
    ).toEqual([]);
});

it('a history command with --chart loads libsql and asciichart (the hook sees them)', async () => {
  const store = join(tempDir(), 'h.db');
  await runCli(['snapshot', '--account', 'syncpay', '--store', store, '--config', configPath]);
  const names = await loaded(['history', '--chart', '--account', 'syncpay', '--currency', 'USD', '--store', store]);
  expect(names).toEqual(expect.arrayContaining(['libsql', 'asciichart']));
});
