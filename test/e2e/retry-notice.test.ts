// Retries and rate-limit waits are said on stderr ("syncpay: rate-limited, retrying in 1s"), never
// on stdout and never inside a JSON document; --quiet hides them like every notice. Only waits of
// a second or more: a sub-second retry goes unnoticed and stays in --debug.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';

const e2e = useSandbox();

const one = () => ['--account', 'syncpay', '--config', e2e.configPath];
/** NDJSON lines of a watch's stdout (at least one: the snapshot). */
const lines = (stdout: string) => {
  const all = stdout.split('\n').filter(Boolean);
  expect(all.length).toBeGreaterThan(0);
  return all;
};

describe('retry notices', () => {
  it('a 429 with Retry-After is said on stderr with the wait; stdout is the plain table', async () => {
    e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 429, headers: { 'retry-after': '1' }, body: '{"success":false}' });
    const { code, stdout, stderr } = await runCli(['balances', ...one()]);
    expect(code, stderr).toBe(0);
    expect(stderr).toBe('syncpay: rate-limited, retrying in 1s (attempt 2 of 3)\n');
    expect(stdout).toContain('USDT');
    expect(stdout).not.toContain('retrying');
  });

  it('a 5xx that asks for a wait says its status', async () => {
    e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 503, headers: { 'retry-after': '2' } });
    const { code, stderr } = await runCli(['balances', ...one()]);
    expect(code, stderr).toBe(0);
    expect(stderr).toBe('syncpay: HTTP 503, retrying in 2s (attempt 2 of 3)\n');
  });

  it('a quick sub-second retry stays silent (--debug shows it)', async () => {
    e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'reset' });
    const quick = await runCli(['balances', ...one()]);
    expect([quick.code, quick.stderr]).toEqual([0, '']);
    e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'reset' });
    const debug = await runCli(['balances', '--debug', ...one()]);
    expect(debug.stderr).toMatch(/debug: retrying SyncPay for account 'syncpay' in \d+ms/);
  });

  it('--json keeps stdout a clean document; the notice is on stderr', async () => {
    e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    const { code, stdout, stderr } = await runCli(['total', '--json', ...one()]);
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout).complete).toBe(true);
    expect(stderr).toContain('syncpay: rate-limited, retrying in 1s');
  });

  it('--quiet hides it', async () => {
    e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    const { code, stderr } = await runCli(['balances', '--quiet', ...one()]);
    expect([code, stderr]).toEqual([0, '']);
  });

  it('watch says it too (NDJSON on stdout stays events only)', async () => {
    e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    const { code, stdout, stderr } = await runCli(['watch', '--json', '--count', '1', '--interval', '5s', ...one()]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('syncpay: rate-limited, retrying in 1s (attempt 2 of 3)');
    for (const line of lines(stdout)) expect(JSON.parse(line).type).toBeTypeOf('string');
  });

  // A response saying no request is left until a reset holds the next request on that key back:
  // that wait is said like a retry's, though nothing failed.
  const exhausted = () =>
    e2e.sandbox.faults.add({
      provider: 'syncpay',
      kind: 'status',
      status: 200,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '3' },
      body: JSON.stringify({ success: true, balances: [{ currency: 'USD', available_balance: '1.00', pending_balance: '0.00' }] }),
    });

  it('a pacing wait (X-RateLimit-Remaining 0 until the reset) is said on stderr, never on stdout', async () => {
    exhausted();
    const { code, stdout, stderr } = await runCli(['watch', '--json', '--count', '2', '--interval', '1s', ...one()]);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/^syncpay: rate-limited, waiting [1-4]s$/m);
    expect(stderr).not.toContain('retrying');
    for (const line of lines(stdout)) expect(JSON.stringify(JSON.parse(line))).not.toContain('waiting');
  });

  it('--quiet hides the pacing notice too', async () => {
    exhausted();
    const { code, stderr } = await runCli(['watch', '--json', '--quiet', '--count', '2', '--interval', '1s', ...one()]);
    expect([code, stderr]).toEqual([0, '']);
  });
});
