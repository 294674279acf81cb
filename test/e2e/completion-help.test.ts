// Every command's --help and the completion scripts, both checked against the commander program
// itself, so a command added later without examples or completion fails here.
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram, ProcessRuntime } from '../../src/cli.js';
import { completionSpec } from '../../src/completion/spec.js';
import { BIN, runCli, testIO } from '../helpers/cli.js';
import { tempDir, writeConfig } from '../helpers/fixtures.js';

const spec = completionSpec(buildProgram(new ProcessRuntime(new AbortController().signal), testIO().io, () => undefined));
// commander's own `help [command]` has no examples; every command we register must.
const ours = spec.commands.filter((c) => c.path.length > 0 && c.path[c.path.length - 1] !== 'help');
const squash = (text: string) => text.replace(/\s+/g, ' ');

describe('--help', () => {
  it('every command and subcommand has a description, every flag and 2-4 examples', async () => {
    expect(ours.map((c) => c.path.join(' '))).toEqual(expect.arrayContaining(['balances', 'config', 'config init', 'config check', 'completion']));
    const results = await Promise.all(ours.map((command) => runCli([...command.path, '--help'])));
    results.forEach((result, i) => {
      const command = ours[i]!;
      const label = command.path.join(' ');
      expect(result.code, label).toBe(0);
      expect(command.description, label).not.toBe('');
      expect(squash(result.stdout), label).toContain(squash(command.description));
      for (const flag of command.ownFlags) expect(result.stdout, `${label} ${flag.long}`).toContain(flag.long);
      const examples = result.stdout.split('\nExamples:\n')[1];
      expect(examples, `${label} has an Examples: section`).toBeDefined();
      // An example too long for the width continues on the next line after a shell line continuation (help-layout.ts).
      const lines = (examples ?? '')
        .split('\n\n')[0]!
        .replace(/ \\\n +/g, ' ')
        .split('\n')
        .filter((l) => l.trim() !== '');
      expect(lines.length, label).toBeGreaterThanOrEqual(2);
      expect(lines.length, label).toBeLessThanOrEqual(4);
      for (const line of lines) expect(line, label).toMatch(/^ {2}(balance-inspector |source <\(balance-inspector )/);
    });
  });

  it('the top-level help lists every command and the exit codes', async () => {
    const { stdout } = await runCli(['--help']);
    for (const command of spec.commands.filter((c) => c.path.length === 1)) expect(stdout).toContain(`  ${command.path[0]}`);
    expect(stdout).toContain('Exit codes:');
    for (const code of ['0 ', '1 ', '2 ', '3 ', '4 ', '5 ', '6 ', '70 ', '130/143']) expect(stdout).toContain(`\n  ${code}`);
  });
});

const hasShell = (shell: string) => !spawnSync(shell, ['-c', 'true']).error;

describe('completion', () => {
  const names = [...new Set(spec.commands.flatMap((c) => c.path))];
  const flags = [...new Set([...spec.globalFlags, ...spec.commands.flatMap((c) => c.ownFlags)].map((f) => f.long))];

  for (const shell of ['bash', 'zsh', 'fish'] as const) {
    it(`${shell}: mentions every command and flag, and is valid ${shell} (where ${shell} is installed)`, async () => {
      const { code, stdout, stderr } = await runCli(['completion', shell]);
      expect([code, stderr]).toEqual([0, '']);
      for (const name of names) expect(stdout, name).toMatch(new RegExp(`[\\s'"]${name}[\\s'"]`));
      for (const flag of flags) expect(stdout, flag).toContain(shell === 'fish' ? `-l ${flag.slice(2)}` : flag);
      for (const word of ['table json csv', 'currency account provider', 'flow-payments syncpay bachs swipelux cryptofuse']) {
        expect(stdout.replace(/'/g, '')).toContain(word);
      }
      // Account names and provider ids come from `completion --accounts` / `--providers` as the user types.
      const calls = { bash: 'completion "--$1"', zsh: 'completion --$1', fish: 'completion --$argv[1]' }[shell];
      for (const word of [calls, 'accounts', 'providers']) {
        expect(stdout.replace(/'/g, '')).toContain(word);
      }
      if (!hasShell(shell)) {
        // Said out loud: the script's syntax is then unchecked on this machine (.ci/run installs the shells).
        process.stderr.write(`completion: ${shell} is not installed; its script's syntax check is skipped\n`);
        return;
      }
      const file = join(tempDir(), `completion.${shell}`);
      writeFileSync(file, stdout);
      const check = spawnSync(shell, ['-n', file], { encoding: 'utf8' });
      expect([check.status, check.stderr]).toEqual([0, '']);
    });
  }

  it.skipIf(!hasShell('bash'))('bash: completes commands, subcommands, flag values and configured accounts', async () => {
    const dir = tempDir();
    writeConfig(dir, {
      providers: { ledgerly: {} },
      accounts: { 'flow-main': { provider: 'flow-payments', apiKey: '${X}' }, payouts: { provider: 'syncpay', apiKey: '${Y}' } },
    });
    // The scripts call the program by the name typed: put one on PATH.
    writeFileSync(join(dir, 'balance-inspector'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(dir, 'balance-inspector'), 0o755);
    const script = join(dir, 'completion.bash');
    writeFileSync(script, (await runCli(['completion', 'bash'])).stdout);
    const probe = (words: string[]) =>
      `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _balance_inspector; echo "\${COMPREPLY[*]}"`;
    const cases: Array<[string[], string]> = [
      [['balance-inspector', 'con'], 'config'],
      [['balance-inspector', 'config', ''], 'init check help'],
      [['balance-inspector', 'config', 'init', '--provider', 's'], 'syncpay swipelux'],
      [['balance-inspector', '--output', ''], 'table json csv'],
      [['balance-inspector', 'total', '--by', 'a'], 'account'],
      [['balance-inspector', 'completion', ''], 'bash zsh fish'],
      [['balance-inspector', 'balances', '--account', ''], 'flow-main payouts'],
      // --provider offers the declared providers too; config init starts built-in ones only.
      [['balance-inspector', 'balances', '--provider', ''], 'flow-payments syncpay bachs swipelux cryptofuse ledgerly'],
      [['balance-inspector', '-c', '/nonexistent.yaml', 'total', '-p', 'c'], 'cryptofuse'],
      [['balance-inspector', '-c', '/nonexistent.yaml', 'balances', '-a', ''], ''],
    ];
    const run = spawnSync('bash', ['-c', [`source '${script}'`, ...cases.map(([words]) => probe(words))].join('\n')], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: `${dir}:${process.env.PATH}`, HOME: dir },
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n').slice(0, cases.length)).toEqual(cases.map(([, expected]) => expected));
  });

  it.skipIf(!hasShell('bash'))('bash: after a command, only the flags it takes, and --mode and --output values where they apply', async () => {
    const dir = tempDir();
    const script = join(dir, 'completion.bash');
    writeFileSync(script, (await runCli(['completion', 'bash'])).stdout);
    const probe = (words: string[]) =>
      `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _balance_inspector; echo "\${COMPREPLY[*]}"`;
    const cases: Array<[string[], string]> = [
      [['balance-inspector', 'can-withdraw', 'USDT', '1', '--mode', ''], 'live test'],
      [['balance-inspector', 'watch', '--output', ''], 'table json'],
      [['balance-inspector', 'balances', '--output', ''], 'table json csv'],
      [['balance-inspector', 'history', '--by', ''], 'hour day week'],
      [['balance-inspector', 'snapshot', '--c'], '--currency --config'],
      [['balance-inspector', 'can-withdraw', '--c'], '--config --csv'],
      [['balance-inspector', 'balances', '--c'], '--currency --config --csv'],
      [['balance-inspector', 'sandbox', '--c'], ''],
      [['balance-inspector', 'sandbox', '--no-'], '--no-rate-limit --no-color'],
      [['balance-inspector', 'demo', '--co'], ''],
      [['balance-inspector', '--c'], '--config --csv'],
    ];
    const run = spawnSync('bash', ['-c', [`source '${script}'`, ...cases.map(([words]) => probe(words))].join('\n')], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: dir },
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n').slice(0, cases.length)).toEqual(cases.map(([, expected]) => expected));
  });

  it('completion --accounts prints the configured names, and nothing (exit 0) on any problem', async () => {
    const dir = tempDir();
    writeConfig(dir, 'accounts:\n  flow-main: { provider: flow-payments }\n  "bad name": {}\n  payouts: 3\n', '.balancerc.yaml');
    expect(await runCli(['completion', '--accounts'], { cwd: dir })).toMatchObject({ code: 0, stdout: 'flow-main\npayouts\n', stderr: '' });
    writeConfig(dir, 'accounts: [unclosed', '.balancerc.yaml');
    expect(await runCli(['completion', '--accounts'], { cwd: dir })).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(await runCli(['completion', '--accounts', '--config', join(dir, 'missing.yaml')])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(await runCli(['completion', '--accounts'], { cwd: tempDir(), env: { XDG_CONFIG_HOME: join(dir, 'none') } })).toMatchObject({ code: 0, stdout: '' });
  });

  it('a missing or unknown shell is a usage error', async () => {
    const missing = await runCli(['completion']);
    expect([missing.code, missing.stderr.split('\n')[0]]).toEqual([2, 'error: completion needs a shell: bash, zsh, fish']);
    expect((await runCli(['completion', 'tcsh'])).code).toBe(2);
  });
});
