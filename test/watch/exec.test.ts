// --exec: the user's command gets the event on stdin only; failures and hangs are reported, bounded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlertExec } from '../../src/watch/exec.js';
import { tempDir } from '../helpers/fixtures.js';

describe('AlertExec', () => {
  it('passes each event on stdin, in order, with no interpolation of its content', async () => {
    const dir = tempDir();
    const out = join(dir, 'events.txt');
    const reports: string[] = [];
    const exec = new AlertExec(`cat >> '${out}'`, { report: (l) => reports.push(l) });
    const hostile = JSON.stringify({ currency: '$(touch pwned)`id`;rm -rf ~' });
    exec.run(`${hostile}\n`);
    exec.run('{"n":2}\n');
    await exec.drain();
    expect(readFileSync(out, 'utf8')).toBe(`${hostile}\n{"n":2}\n`);
    expect(reports).toEqual([]);
  });

  it('reports a failing command with its stderr and keeps going', async () => {
    const reports: string[] = [];
    const exec = new AlertExec("echo 'hook broke' >&2; exit 3", { report: (l) => reports.push(l) });
    exec.run('{}\n');
    exec.run('{}\n');
    await exec.drain();
    expect(reports).toEqual(['--exec command failed (exit 3): hook broke', '--exec command failed (exit 3): hook broke']);
  });

  it('stops a command that runs too long', async () => {
    const reports: string[] = [];
    const exec = new AlertExec('sleep 5', { report: (l) => reports.push(l), timeoutMs: 200 });
    const started = Date.now();
    exec.run('{}\n');
    await exec.drain();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(reports).toEqual(['--exec command did not finish within 200ms; stopped it']);
  });

  it('bounds the queue', async () => {
    const reports: string[] = [];
    const exec = new AlertExec('true', { report: (l) => reports.push(l), maxQueue: 2 });
    for (let i = 0; i < 10; i++) exec.run('{}\n');
    await exec.drain();
    expect(reports).toEqual(['--exec: too many alerts queued; dropping some (the command is slower than the alerts)']);
  });
});
