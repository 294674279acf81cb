// The in-process harness (test/helpers/cli.ts) runs the real program on a world of its own: what
// it reports must be what a shell sees from the spawned CLI, and it must leave the test process
// as it found it (no exit code, no handlers, nothing written to the real stdout/stderr).
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';

const cases: string[][] = [
  ['--version'],
  ['balances', '--bogus'],
  ['--help'],
  ['can-withdraw', 'USDT', 'ten', '--config', '/nonexistent/x.yaml'],
  ['config', 'check', '--config', '/nonexistent/x.yaml'],
];

describe('in-process CLI harness', () => {
  it('answers exactly as the spawned CLI does: exit code, stdout and stderr', async () => {
    const runs = await Promise.all(cases.map((args) => Promise.all([runCli(args), spawnCli(args)])));
    for (const [i, [inProcess, spawned]] of runs.entries()) {
      expect([inProcess.code, inProcess.stdout, inProcess.stderr], cases[i]?.join(' ')).toEqual([spawned.code, spawned.stdout, spawned.stderr]);
    }
  });

  it('leaves no exit code, signal handler or exit listener behind', async () => {
    const before = {
      code: process.exitCode,
      sigint: process.listenerCount('SIGINT'),
      sigterm: process.listenerCount('SIGTERM'),
      exit: process.listenerCount('exit'),
    };
    const usage = await runCli(['balances', '--bogus']);
    expect(usage.code).toBe(2);
    expect({
      code: process.exitCode,
      sigint: process.listenerCount('SIGINT'),
      sigterm: process.listenerCount('SIGTERM'),
      exit: process.listenerCount('exit'),
    }).toEqual(before);
  });

  it('takes env, cwd, stdin and a terminal size from the test, not from the test process', async () => {
    const help = await runCli(['--help'], { stdoutTTY: { columns: 200 } });
    const narrow = await runCli(['--help'], { stdoutTTY: { columns: 120 } });
    const commandLines = (text: string) => text.split('\n').filter((l) => /^ {2}[a-z]/.test(l));
    expect(Math.max(...commandLines(help.stdout).map((l) => l.length))).toBeGreaterThan(120);
    expect(Math.max(...commandLines(narrow.stdout).map((l) => l.length))).toBeLessThanOrEqual(120);
    const noConfig = await runCli(['balances'], { cwd: '/', env: { HOME: '/nonexistent-home', XDG_CONFIG_HOME: undefined } });
    expect(noConfig.code).toBe(3);
    expect(noConfig.stdout).toBe('');
  });
});

describe('the program reaches the world only through its CliIO', () => {
  it('no file of src/ but the process entry touches process.stdout, stderr, stdin, exitCode or exit()', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = new URL('../../src/', import.meta.url).pathname;
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && f !== 'cli.ts');
    const offenders = files.filter((file) => {
      const code = readFileSync(join(root, file), 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
      return /process\.(stdout|stderr|stdin|exitCode)\b|process\.exit\(/.test(code);
    });
    expect(offenders).toEqual([]);
  });
});
