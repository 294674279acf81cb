// The process's output guard (src/exit-guard.ts), decision by decision: which code a closed or
// failing stdout/stderr ends the run with. The real pipes are tested in test/e2e/broken-pipe.test.ts.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ExitGuard } from '../../src/exit-guard.js';

function setup() {
  const exits: number[] = [];
  const reported: string[] = [];
  const guard = new ExitGuard(
    (code) => void exits.push(code),
    (line) => void reported.push(line),
  );
  const stdout = new EventEmitter();
  const stderr = new EventEmitter();
  guard.watch(stdout, 'stdout');
  guard.watch(stderr, 'stderr');
  const fail = (stream: EventEmitter, code: string) => stream.emit('error', Object.assign(new Error(code), { code }));
  return { guard, exits, reported, stdout, stderr, fail };
}

describe('ExitGuard', () => {
  for (const channel of ['stdout', 'stderr'] as const) {
    it(`EPIPE on ${channel} before the decision: the run finishes and ends with its own code`, () => {
      const t = setup();
      t.fail(t[channel], 'EPIPE');
      expect(t.exits).toEqual([]);
      t.guard.finish(1);
      expect(t.exits).toEqual([1]);
    });

    it(`EPIPE on ${channel} after the decision ends with it at once`, () => {
      const t = setup();
      t.guard.finish(0);
      expect(t.exits).toEqual([]);
      t.fail(t[channel], 'EPIPE');
      expect(t.exits).toEqual([0]);
    });
  }

  it('both channels closed (2>&1 | head -1) end once, with the decision', () => {
    const t = setup();
    t.fail(t.stdout, 'EPIPE');
    t.fail(t.stderr, 'EPIPE');
    t.guard.finish(6);
    expect(t.exits).toEqual([6]);
  });

  it('a long run ends at once with the code it set for an early end', () => {
    const t = setup();
    t.guard.markLongRun();
    t.guard.setCutShortCode(1);
    t.fail(t.stdout, 'EPIPE');
    expect(t.exits).toEqual([1]);
    const held = setup();
    held.guard.markLongRun();
    held.guard.setCutShortCode(1);
    held.guard.setCutShortCode(0);
    held.fail(held.stderr, 'EPIPE');
    expect(held.exits).toEqual([0]);
  });

  it('any other stdout failure is one line and exit 74; on stderr it is quiet', () => {
    const t = setup();
    t.fail(t.stdout, 'ENOSPC');
    expect([t.exits, t.reported]).toEqual([[74], ['error: cannot write the output to standard output (ENOSPC)']]);
    const quiet = setup();
    quiet.fail(quiet.stderr, 'EIO');
    quiet.guard.finish(0);
    expect([quiet.exits, quiet.reported]).toEqual([[0], []]);
  });
});
