// `help` and `--help` as a newcomer uses them: a typo is named (exit 2), a subcommand's help
// lists the global flags it takes, like gh's "INHERITED FLAGS", and every help fits its width.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, ProcessRuntime } from '../../src/cli.js';
import { VERSION } from '../../src/version.js';
import { runCli, testIO } from '../helpers/cli.js';

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
  const globalsOf = (stdout: string) => stdout.split('\nGlobal Options:\n')[1]?.split('\n\n')[0];

  it.each([
    [
      ['balances'],
      ['--config <path>', '--account <name>', '--provider <id>', '--json', '--csv', '--quiet', '--timeout <duration>', '--max-age <duration>', '--no-cache'],
      [],
    ],
    [['total'], ['--config <path>', '--json', '--csv', '--max-age <duration>', '--no-cache'], []],
    // --csv is for --batch: its help lists what it takes with any of its flags.
    [['can-withdraw'], ['--config <path>', '--account <name>', '--json', '--csv', '--timeout <duration>', '--max-age <duration>'], []],
    [['snapshot'], ['--config <path>', '--json', '--timeout <duration>'], ['--csv', '--max-age']],
    [['watch'], ['--config <path>', '--account <name>', '--json', '--timeout <duration>', '--no-cache'], ['--csv', '--max-age']],
    [
      ['config', 'check'],
      ['--config <path>', '--account <name>', '--provider <id>', '--json', '--quiet'],
      ['--csv', '--max-age'],
    ],
    [['demo'], ['--account <name>', '--json', '--csv', '--no-cache'], ['--config', '--max-age']],
    [
      ['sandbox'],
      ['--quiet', '--debug', '--no-color'],
      ['--config', '--account', '--provider', '--json', '--csv', '--output', '--timeout', '--no-cache', '--max-age'],
    ],
    [['completion'], ['--quiet'], ['--config', '--account', '--json', '--output', '--timeout', '--no-cache']],
    [
      ['config', 'init'],
      ['--config <path>', '--quiet'],
      ['--json', '--csv', '--output', '--timeout', '--no-cache', '--max-age'],
    ],
  ])('%j lists under "Global Options:" the global flags it takes, and none it refuses', async (path, listed, absent) => {
    const { code, stdout } = await runCli([...path, '--help']);
    expect(code).toBe(0);
    const globals = globalsOf(stdout);
    expect(globals, 'a Global Options section').toBeDefined();
    for (const flag of listed) expect(globals).toContain(flag);
    for (const flag of absent) expect(globals).not.toMatch(new RegExp(`${flag}\\b`));
  });

  it('--output offers the formats the command prints', async () => {
    expect(globalsOf((await runCli(['balances', '--help'])).stdout)).toMatch(/--output <format> +output format \(choices: "table", "json", "csv"\)/);
    expect(globalsOf((await runCli(['watch', '--help'])).stdout)).toMatch(/--output <format> +output format \(choices: "table", "json"\)/);
  });

  it('config init lists its own --provider and --account once, as its options', async () => {
    const { stdout } = await runCli(['config', 'init', '--help']);
    expect(stdout.match(/--provider <id>/g)).toHaveLength(1);
    expect(stdout.match(/--account <name>/g)).toHaveLength(1);
    expect(globalsOf(stdout)).not.toContain('--provider');
  });

  it("history prune lists the program's flags, not history's", async () => {
    const globals = globalsOf((await runCli(['history', 'prune', '--help'])).stdout) ?? '';
    expect(globals).toContain('--config <path>');
    expect(globals).not.toContain('--since');
    expect(globals).not.toContain('--chart');
  });
});

describe('small things people type', () => {
  it.each([[['-v']], [['balances', '-v']], [['-v', 'balances', '--json']]])('%j suggests -V / --version, exit 2, nothing on stdout', async (args) => {
    const { code, stdout, stderr } = await runCli(args);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.split('\n').slice(0, 2)).toEqual(["error: unknown option '-v'", '(Did you mean -V or --version?)']);
  });

  it('-V still prints the version', async () => {
    const { code, stdout } = await runCli(['-V']);
    expect([code, stdout]).toEqual([0, `${VERSION}\n`]);
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

describe('every --help fits 80 columns', () => {
  /** Every command path of the program, nested ones included (`config init`, `history prune`). */
  function commandPaths(): string[][] {
    const program = buildProgram(new ProcessRuntime(new AbortController().signal), testIO().io, () => undefined);
    const walk = (command: Command, path: string[]): string[][] =>
      command.commands.flatMap((sub) => [[...path, sub.name()], ...walk(sub, [...path, sub.name()])]);
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
