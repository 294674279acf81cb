// `help` and `--help` as a newcomer uses them: a typo is named (exit 2), and a subcommand's help
// lists the global flags it inherits, like gh's "INHERITED FLAGS".
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const SRC = new URL('../../src/', import.meta.url).pathname;
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

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
    [['help', 'config', 'nope'], "error: unknown command 'nope'"],
    [['help', 'balances', 'extra'], "error: unknown command 'extra'"],
  ])('%j: every word of the path must name a command', async (...[args, first]) => {
    const { code, stdout, stderr } = await runCli(args);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.split('\n')[0]).toBe(first);
  });

  it.each([
    [['help', 'balances'], 'Usage: balance-inspector balances'],
    [['help'], 'Usage: balance-inspector [options] [command]'],
    [['config', 'help', 'check'], 'Usage: balance-inspector config check'],
    [['help', 'config', 'check'], 'Usage: balance-inspector config check'],
    [['help', 'config'], 'Usage: balance-inspector config [options] [command]'],
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

describe('commander', () => {
  it('is used through its public API only: no file that imports it reaches for an _internal member', () => {
    // An override of a private method (as `_dispatchHelpCommand` once was) breaks silently on an
    // upgrade; `help` is an ordinary command now (src/commands/registration/help.ts).
    const privateUse = sources(SRC)
      .filter((file) => /from 'commander'/.test(readFileSync(file, 'utf8')))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\.(_[A-Za-z]\w*)/g)].map((m) => `${file.slice(SRC.length)}: ${m[1]}`));
    expect(privateUse).toEqual([]);
  });
});
