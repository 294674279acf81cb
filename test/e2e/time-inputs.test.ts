// One duration grammar everywhere, and time inputs that never crash (issue 21 class 8, issue 23),
// as users type them: every flag takes the same units (ms s m h d w, compound), each refuses what is
// outside its own bounds with a one-line usage error naming the flag (exit 2, nothing on stdout),
// and `changes` looks back 30 days by default like `history`.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { tempDir } from '../helpers/fixtures.js';

const e2e = useSandbox();
const store = () => join(tempDir('bi-time-'), 'history.db');

describe('usage errors, never exit 70', () => {
  const cases: Array<[string[], RegExp]> = [
    [['history', '--since', '300000000d'], /^error: --since "300000000d" is too long; the longest is 36500d\n/],
    [['history', '--until', '99999999999w'], /^error: --until "99999999999w" is too long; the longest is 36500d\n/],
    [['changes', '--since', '1e9d'], /^error: --since "1e9d" is neither a duration nor a date; expected e\.g\. 30d/],
    [['history', 'prune', '--older-than', '300000000d'], /^error: --older-than "300000000d" is too long; the longest is 36500d\n/],
    [['history', '--since', '2026-02-30'], /^error: --since "2026-02-30" is neither a duration nor a date/],
    [['history', '--since', '2026-11-01T25:00Z'], /^error: --since "2026-11-01T25:00Z" is neither a duration nor a date/],
    [['balances', '--timeout', '30d'], /^error: --timeout "30d" is too long; the longest is 24d\n/],
    [['balances', '--timeout', '0s'], /^error: --timeout "0s" must be more than 0\n/],
    [['balances', '--timeout', '5'], /^error: --timeout "5" is not a duration; expected e\.g\. 500ms, 10s, 1m30s, 2h, 1d\n/],
    [['balances', '--max-age', '1h1h'], /^error: --max-age "1h1h" is not a duration/],
    [['watch', '--interval', '30s1m'], /^error: --interval "30s1m" is not a duration/],
    [['watch', '--interval', '25d'], /^error: --interval "25d" is too long; the longest is 24d\n/],
  ];
  for (const [args, message] of cases) {
    it(`${args.join(' ')}`, async () => {
      const withStore = ['history', 'changes', 'watch'].includes(args[0] ?? '') ? [...args, '--store', store()] : args;
      const { code, stdout, stderr } = await e2e.cli(...withStore);
      expect([code, stdout]).toEqual([2, '']);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/Invalid time value|\n\s+at /);
    });
  }
});

describe('the same units everywhere', () => {
  it('--timeout 1d, --max-age 1h30m and --timeout 1m30s are read', async () => {
    for (const args of [
      ['--timeout', '1d'],
      ['--max-age', '1h30m', '--timeout', '1m30s'],
      ['--timeout', '2W'],
    ]) {
      const { code, stderr } = await e2e.cli('balances', '--account', 'syncpay', ...args);
      expect(code, `${args.join(' ')}: ${stderr}`).toBe(0);
    }
  });

  it('watch --interval 1m30s polls (and is announced in the same grammar)', async () => {
    const { code, stderr } = await e2e.cli('watch', '--account', 'syncpay', '--interval', '1m30s', '--count', '1', '--quiet');
    expect([code, stderr]).toEqual([0, '']);
  });

  it('history and changes take a zone-less date with a lowercase t as UTC, and changes defaults --since to 30d', async () => {
    const path = store();
    expect((await e2e.cli('snapshot', '--account', 'syncpay', '--store', path)).code).toBe(0);
    const lower = await e2e.cli('history', '--json', '--since', '2000-01-01t00:00', '--store', path);
    const upper = await e2e.cli('history', '--json', '--since', '2000-01-01T00:00Z', '--store', path);
    expect(lower.code).toBe(0);
    const since = (out: string) => (JSON.parse(out) as { since: string }).since;
    expect(since(lower.stdout)).toBe('2000-01-01T00:00:00.000Z');
    expect(since(lower.stdout)).toBe(since(upper.stdout));
    const changes = await e2e.cli('changes', '--json', '--store', path);
    expect(changes.code, changes.stderr).toBe(0);
    const doc = JSON.parse(changes.stdout) as { from: string; to: string };
    expect(Date.parse(doc.to) - Date.parse(doc.from)).toBe(30 * 86_400_000);
  });
});
