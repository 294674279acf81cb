// Where the config is looked for, said in --help; the user config's folder is the cache's and the
// history's (balance-inspector), the old one (balance) is still read with a warning, and a likely
// config where the search never looks (~/.balancerc.* from a directory outside HOME) is never
// ignored silently.
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
    expect(section).toContain('4. $XDG_CONFIG_HOME/balance-inspector/config.yaml (default ~/.config/balance-inspector/config.yaml');
    expect(section).toContain('the old folder ~/.config/balance/ is still read, with a warning');
  });

  it('the user config lives in ~/.config/balance-inspector/, the folder name of the cache and the history', async () => {
    const { home, outside } = homeWith('.config/balance-inspector/config.yaml');
    const { code, stderr } = await runCli(['balances', '--account', 'syncpay'], { cwd: outside, env: { HOME: home } });
    expect([code, stderr]).toEqual([0, '']);
    const check = await runCli(['config', 'check', '--json', '--account', 'syncpay'], { cwd: outside, env: { HOME: home } });
    expect(JSON.parse(check.stdout).config).toMatchObject({ path: join(home, '.config/balance-inspector/config.yaml'), origin: 'global' });
  });

  for (const name of ['config.yaml', 'config.yml', 'config.json']) {
    it(`the old folder ~/.config/balance/${name} is still read, with one warning saying where to move it`, async () => {
      const { home, outside } = homeWith(`.config/balance/${name}`);
      const old = join(home, '.config/balance', name);
      const { code, stdout, stderr } = await runCli(['balances', '--json', '--account', 'syncpay'], { cwd: outside, env: { HOME: home } });
      expect(code).toBe(0);
      expect(JSON.parse(stdout).complete).toBe(true);
      expect(stderr).toBe(
        `warning: ${old} is the user config's old folder, still read for now; move it to ${join(home, '.config/balance-inspector', name)} (config, cache and history now share the folder name balance-inspector)\n`,
      );
      const check = await runCli(['config', 'check', '--account', 'syncpay'], { cwd: outside, env: { HOME: home } });
      expect(check.stdout).toContain(`found the user config in its old folder ${old}`);
    });
  }

  it('with configs in both folders the new one is used and the old one named as not read', async () => {
    const { home, outside } = homeWith('.config/balance/config.yaml', '.config/balance-inspector/config.yaml');
    const { code, stdout, stderr } = await runCli(['balances', '--json', '--account', 'syncpay'], { cwd: outside, env: { HOME: home } });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).complete).toBe(true);
    const old = join(home, '.config/balance/config.yaml');
    expect(stderr).toBe(
      `warning: ${old} is not read: the user config is ${join(home, '.config/balance-inspector/config.yaml')}; merge it there and remove it\n`,
    );
  });

  it('$XDG_CONFIG_HOME moves both folders', async () => {
    const xdg = tempDir('bi-xdg-');
    mkdirSync(join(xdg, 'balance'));
    writeConfig(join(xdg, 'balance'), e2e.config, 'config.yaml');
    const { code, stderr } = await runCli(['balances', '--account', 'syncpay'], { cwd: tempDir(), env: { HOME: tempDir(), XDG_CONFIG_HOME: xdg } });
    expect(code).toBe(0);
    expect(stderr).toContain(
      `${join(xdg, 'balance/config.yaml')} is the user config's old folder, still read for now; move it to ${join(xdg, 'balance-inspector/config.yaml')}`,
    );
  });

  it('no config anywhere: the error names the new user config', async () => {
    const home = tempDir('bi-home-');
    const { code, stderr } = await runCli(['balances'], { cwd: tempDir(), env: { HOME: home } });
    expect(code).toBe(3);
    expect(stderr).toContain(`  ${join(home, '.config/balance-inspector/config.yaml')}\n`);
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

  it('--config and $BALANCE_CONFIG say nothing about other files', async () => {
    const { home, outside } = homeWith('.config/balance/config.yaml');
    const given = join(home, '.config/balance/config.yaml');
    const flag = await runCli(['balances', '--account', 'syncpay', '--config', given], { cwd: outside, env: { HOME: home } });
    expect([flag.code, flag.stderr]).toEqual([0, '']);
    const env = await runCli(['balances', '--account', 'syncpay'], { cwd: outside, env: { HOME: home, BALANCE_CONFIG: given } });
    expect([env.code, env.stderr]).toEqual([0, '']);
  });
});
