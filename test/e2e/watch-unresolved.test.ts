// `watch` with an account whose ${VAR} is unset: the other accounts are watched; that account is
// reported like any failing one (snapshot error on stdout and stderr, account_up 0) and the watch
// ends with exit 3. An --until it covers could never hold, so it is refused at once (exit 3).
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.js';
import { runCli, startCli } from '../helpers/cli.js';
import { sandboxWithConfig, writeConfig } from '../helpers/fixtures.js';
import { parseExposition } from '../helpers/prometheus.js';

const sandboxes: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
});

/** syncpay answers; swipelux's key comes from ${SWIPELUX_KEY}, which is not set. */
async function setup() {
  const { sandbox, dir, config } = await sandboxWithConfig();
  sandboxes.push(sandbox);
  const accounts = config.accounts as Record<string, Record<string, unknown>>;
  const configPath = writeConfig(dir, { accounts: { syncpay: accounts.syncpay, swipelux: { ...accounts.swipelux, apiKey: '${SWIPELUX_KEY}' } } }, 'unset.json');
  return { sandbox, configPath };
}
const UNSET = "environment variable SWIPELUX_KEY is not set or empty (account 'swipelux')";

describe('watch with an unset ${VAR}', () => {
  it('watches the other accounts, reports that one like a failed poll, and exits 3', async () => {
    const { sandbox, configPath } = await setup();
    const { code, stdout, stderr } = await runCli(['watch', '--json', '--interval', '1s', '--count', '2', '--config', configPath]);
    expect(code, stderr).toBe(3);
    const events = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const snapshot = events[0] as { type: string; complete: boolean; balances: Array<{ account: string }>; errors: Array<Record<string, string>> };
    expect(snapshot.type).toBe('snapshot');
    expect(snapshot.complete).toBe(false);
    expect(new Set(snapshot.balances.map((b) => b.account))).toEqual(new Set(['syncpay']));
    expect(snapshot.errors).toEqual([expect.objectContaining({ account: 'swipelux', code: 'UNSET_VARIABLE', message: UNSET })]);
    expect(stderr).toContain(`error: ${UNSET}`);
    expect(stderr.split(UNSET)).toHaveLength(2); // said once, not at every poll
    expect(sandbox.requests.some((r) => r.provider === 'swipelux')).toBe(false);
    expect(sandbox.requests.filter((r) => r.provider === 'syncpay').length).toBeGreaterThanOrEqual(2);
  });

  it('metrics say account_up 0 for it and 1 for the others', async () => {
    const { configPath } = await setup();
    const run = startCli(['watch', '--json', '--interval', '1s', '--metrics', '127.0.0.1:0', '--config', configPath], { timeoutMs: 30_000 });
    try {
      await run.waitFor(() => /Prometheus metrics at (http:\S+)/.test(run.stderr()) && run.lines.length >= 1);
      const url = /Prometheus metrics at (http:\S+)/.exec(run.stderr())?.[1] as string;
      const up = parseExposition(await (await fetch(url)).text()).filter((s) => s.name === 'balance_inspector_account_up');
      expect(up.find((s) => s.labels.account === 'swipelux')?.value).toBe(0);
      expect(up.find((s) => s.labels.account === 'syncpay')?.value).toBe(1);
    } finally {
      run.interrupt('SIGTERM');
      await run.done.catch(() => undefined);
    }
  });

  it('--until covering that account is refused at once (exit 3); one naming another account runs', async () => {
    const { sandbox, configPath } = await setup();
    for (const until of ['USDT>=1', 'swipelux:USDT>=1']) {
      const { code, stdout, stderr } = await runCli(['watch', '--json', '--until', until, '--timeout', '30s', '--config', configPath]);
      expect([code, stdout]).toEqual([3, '']);
      expect(stderr.split('\n')[0]).toMatch(new RegExp(`^error: ${UNSET.replace(/[()]/g, '\\$&')}; --until '.*' covers that account, so it could never hold$`));
      expect(stderr).toContain('hint: export SWIPELUX_KEY=');
    }
    expect(sandbox.requests.length).toBe(0);
    const other = await runCli(['watch', '--json', '--until', 'syncpay:USDT>=1', '--timeout', '20s', '--interval', '1s', '--config', configPath]);
    expect(other.code, other.stderr).toBe(0);
  });

  it('every account unset: refused before any request, naming the variables (exit 3)', async () => {
    const { sandbox, dir, config } = await sandboxWithConfig();
    sandboxes.push(sandbox);
    const accounts = config.accounts as Record<string, Record<string, unknown>>;
    const path = writeConfig(dir, { accounts: { syncpay: { ...accounts.syncpay, apiKey: '${SYNCPAY_KEY}' } } }, 'none.json');
    const { code, stdout, stderr } = await runCli(['watch', '--json', '--count', '1', '--config', path]);
    expect([code, stdout]).toEqual([3, '']);
    expect(stderr.split('\n')[0]).toBe('error: environment variable SYNCPAY_KEY is not set or empty');
    expect(sandbox.requests.length).toBe(0);
  });
});
