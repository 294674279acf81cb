// `help` and `--help` as a newcomer uses them: a typo is named (exit 2), a subcommand's help
// lists the global flags it inherits, like gh's "INHERITED FLAGS", and every help fits its width.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, ProcessRuntime } from '../../src/cli.js';
import { runCli, testIO } from '../helpers/cli.js';

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

describe('every --help fits 80 columns', () => {
  /** Every command path of the program, nested ones included (`config init`, `history prune`). */
  function commandPaths(): string[][] {
    const program = buildProgram(new ProcessRuntime(new AbortController().signal), testIO().io, () => undefined);
    const walk = (command: Command, path: string[]): string[][] => command.commands.flatMap((sub) => [[...path, sub.name()], ...walk(sub, [...path, sub.name()])]);
    return [[], ...walk(program, [])];
  }

  it('knows the commands it checks', () => {
    const paths = commandPaths().map((p) => p.join(' '));
    expect(paths).toEqual(expect.arrayContaining(['', 'balances', 'can-withdraw', 'watch', 'history prune', 'config init', 'config check', 'completion']));
  });

  it.each([
    ['piped', undefined],
    ['at an 80-column terminal', { columns: 80 }],
  ])('%s, no line of any help is longer than 80 (none is cut mid-word)', async (_how, stdoutTTY) => {
    for (const path of commandPaths()) {
      const { code, stdout } = await runCli([...path, '--help'], stdoutTTY ? { stdoutTTY } : {});
      expect(code).toBe(0);
      for (const line of stdout.split('\n')) expect(line.length, `${path.join(' ') || '(top)'}: ${line}`).toBeLessThanOrEqual(80);
      expect(stdout, path.join(' ')).not.toMatch(/\w…/);
    }
  });

  it('help shown on stderr (a command group without its subcommand) fits too; error lines stay whole', async () => {
    for (const args of [[], ['config']]) {
      const { stderr } = await runCli(args);
      expect(stderr).toContain('Usage: balance-inspector');
      for (const line of stderr.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    }
    const flag = `--no-such-flag-${'x'.repeat(80)}`;
    expect((await runCli(['balances', flag])).stderr.split('\n')[0]).toBe(`error: unknown option '${flag}'`);
  });

  it('a long command term puts its description on the next line instead of pushing every description out', async () => {
    const { stdout } = await runCli(['--help']);
    const lines = stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('  can-withdraw [options] [currency] [amount]'));
    expect(lines[at]).toBe('  can-withdraw [options] [currency] [amount]');
    expect(lines[at + 1]).toMatch(/^ {20,40}exit 0 if an account can pay out/);
    expect(lines.find((l) => l.startsWith('  balances [options]'))).toMatch(/^ {2}balances \[options\] {2,}show available/);
  });

  it('a wide terminal gets wider help; a narrow one narrower', async () => {
    const wide = await runCli(['--help'], { stdoutTTY: { columns: 160 } });
    expect(wide.stdout).toMatch(/total \[options\] +sum the USD value of your balances, show where each value came from, and reconcile with provider totals\n/);
    const narrow = await runCli(['--help'], { stdoutTTY: { columns: 60 } });
    for (const line of narrow.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(60);
  });

  it('an example too long for a line continues with a shell line continuation, never inside quotes or a comment', async () => {
    const { stdout } = await runCli(['watch', '--help']);
    expect(stdout).toContain("  balance-inspector watch --json --below USDT=100 --exec \\\n      'curl -sS --data-binary @- https://hooks.example/alerts'\n");
    const total = await runCli(['total', '--help']);
    expect(total.stdout).toContain('  balance-inspector total --strict --tolerance 0.5% \\\n      # fail if anything is unpriced\n');
  });
});
