// Where the config is looked for, said in --help, and a likely config where the search never looks
// (the cache's folder name, ~/.balancerc.* from a directory outside HOME) is never ignored silently.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { tempDir, writeConfig } from '../helpers/fixtures.js';

const e2e = useSandbox();

/** A HOME holding `files` (relative paths) with the sandbox e2e.config, and a working directory outside it. */
function homeWith(...files: string[]): { home: string; outside: string } {
  const home = tempDir('bi-home-');
  for (const file of files) {
    mkdirSync(join(home, file, '..'), { recursive: true });
    writeConfig(join(home, file, '..'), e2e.config, file.split('/').pop());
  }
  return { home, outside: tempDir('bi-cwd-') };
}

describe('config search', () => {
  it('--help lists the search order', async () => {
    const { stdout } = await runCli(['--help']);
    // Wrapped to 80 columns: compared as running text.
    const section = (stdout.split('\nConfig (the first found is used')[1] ?? '').replace(/\s+/g, ' ');
    expect(section).toContain('1. --config <path>');
    expect(section).toContain('2. $BALANCE_CONFIG');
    expect(section).toContain('3. .balancerc, .balancerc.json, .balancerc.yaml, .balancerc.yml in the working directory');
    expect(section).toContain('4. $XDG_CONFIG_HOME/balance/config.yaml (default ~/.config/balance/config.yaml');
  });

  it('~/.config/balance-inspector/config.yaml is named when no config is found', async () => {
    const { home, outside } = homeWith('.config/balance-inspector/config.yaml');
    const { code, stdout, stderr } = await runCli(['balances', '--account', 'syncpay'], { cwd: outside, env: { HOME: home } });
    expect([code, stdout]).toEqual([3, '']);
    const stray = join(home, '.config/balance-inspector/config.yaml');
    expect(stderr).toContain(`  ${stray} is not read: the user config is ${join(home, '.config/balance/config.yaml')}; move it there or pass --config ${stray}\n`);
  });

  it('~/.balancerc.yaml from a working directory outside HOME (cron) is named; from inside HOME it is used, silently', async () => {
    const { home, outside } = homeWith('.balancerc.yaml');
    const rc = join(home, '.balancerc.yaml');
    const cron = await runCli(['balances', '--account', 'syncpay'], { cwd: outside, env: { HOME: home } });
    expect([cron.code, cron.stdout]).toEqual([3, '']);
    expect(cron.stderr).toContain(`${rc} is not read from ${outside} (outside ${home}, so the search never reaches it); pass --config ${rc}`);
    mkdirSync(join(home, 'project'));
    const inside = await runCli(['balances', '--account', 'syncpay'], { cwd: join(home, 'project'), env: { HOME: home } });
    expect([inside.code, inside.stderr]).toEqual([0, '']);
  });

  it('a stray next to the config in use is one warning line on stderr; stdout stays clean', async () => {
    const { home } = homeWith('.config/balance/config.yaml', '.config/balance-inspector/config.yaml');
    const { code, stdout, stderr } = await runCli(['balances', '--json', '--account', 'syncpay'], { cwd: home, env: { HOME: home } });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).complete).toBe(true);
    expect(stderr).toBe(`warning: ${join(home, '.config/balance-inspector/config.yaml')} is not read: the user config is ${join(home, '.config/balance/config.yaml')}; move it there or pass --config ${join(home, '.config/balance-inspector/config.yaml')}\n`);
    const check = await runCli(['config', 'check', '--account', 'syncpay'], { cwd: home, env: { HOME: home } });
    expect(check.stderr).toContain('balance-inspector/config.yaml is not read');
  });

  it('--config and $BALANCE_CONFIG say nothing about other files', async () => {
    const { home, outside } = homeWith('.config/balance-inspector/config.yaml');
    const given = join(home, '.config/balance-inspector/config.yaml');
    const flag = await runCli(['balances', '--account', 'syncpay', '--config', given], { cwd: outside, env: { HOME: home } });
    expect([flag.code, flag.stderr]).toEqual([0, '']);
    const env = await runCli(['balances', '--account', 'syncpay'], { cwd: outside, env: { HOME: home, BALANCE_CONFIG: given } });
    expect([env.code, env.stderr]).toEqual([0, '']);
  });
});
