// `help` and `--help` as a newcomer uses them: a typo is named (exit 2), and a subcommand's help
// lists the global flags it inherits, like gh's "INHERITED FLAGS".
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('help <command>', () => {
  it.each([
    [['help', 'nosuchcmd'], "error: unknown command 'nosuchcmd'"],
    [['help', 'balancs'], "error: unknown command 'balancs'"],
    [['config', 'help', 'nope'], "error: unknown command 'nope'"],
    [['--json', 'help', 'nosuchcmd'], "error: unknown command 'nosuchcmd'"],
  ])('%j is a usage error naming the command, nothing on stdout', async (args, first) => {
    const { code, stdout, stderr } = await runCli(args);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.split('\n')[0]).toBe(first);
  });

  it('suggests the command meant', async () => {
    expect((await runCli(['help', 'balancs'])).stderr).toContain('balances');
  });

  it.each([
    [['help', 'balances'], 'Usage: balance-inspector balances'],
    [['help'], 'Usage: balance-inspector [options] [command]'],
    [['config', 'help', 'check'], 'Usage: balance-inspector config check'],
  ])('%j still shows that help, exit 0', async (args, usage) => {
    const { code, stdout } = await runCli(args);
    expect(code).toBe(0);
    expect(stdout).toContain(usage);
  });
});

describe('subcommand --help', () => {
  it.each([['balances'], ['total'], ['can-withdraw'], ['watch'], ['config', 'check']])('%j lists the global flags under "Global Options:"', async (...path) => {
    const { code, stdout } = await runCli([...path, '--help']);
    expect(code).toBe(0);
    const globals = stdout.split('\nGlobal Options:\n')[1];
    expect(globals, 'a Global Options section').toBeDefined();
    for (const flag of ['--config <path>', '--account <name>', '--provider <id>', '--json', '--csv', '--quiet', '--timeout <duration>', '--no-cache']) {
      expect(globals).toContain(flag);
    }
  });
});
