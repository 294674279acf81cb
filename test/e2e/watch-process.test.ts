// `watch` as a long-running process: Prometheus metrics, provider floors, signals and closed pipes.
// A poll's budget is its interval, so these runs poll every second or slower (the sandbox's own
// key has no SyncPay polling floor; Flow keeps its 2 s request-rate floor): a loaded machine must
// not turn a slow loopback answer into a timeout. Runs are in-process (startCli) and stopped as
// SIGTERM would (their interrupt); only what needs a real process is spawned: the OS signals
// themselves and a stdout pipe closed by its reader. Signals go out once the CLI has shown it is
// polling (a request reached the sandbox, or output arrived), never at a fixed time after spawn.
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.js';
import { runCli, spawnCli, startCli } from '../helpers/cli.js';
import { sandboxWithConfig, tempDir, writeConfig } from '../helpers/fixtures.js';
import { spawnStreaming } from '../helpers/stream.js';
import { parseExposition } from '../helpers/prometheus.js';

const sandboxes: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
});
async function sandbox(name: 'settle' | 'ticker' = 'settle') {
  const setup = await sandboxWithConfig({ scenario: { name } });
  sandboxes.push(setup.sandbox);
  return setup;
}

describe('watch --metrics', () => {
  it('serves Prometheus exposition carrying every balance, and SIGTERM closes it with exit 143', async () => {
    const { configPath } = await sandbox();
    const run = startCli(['watch', '--json', '--interval', '1s', '--metrics', '127.0.0.1:0', '--config', configPath, '--account', 'flow-main,syncpay'], {
      timeoutMs: 30_000,
    });
    await run.waitFor(() => /Prometheus metrics at (http:\S+)/.test(run.stderr()) && run.lines.length >= 1);
    const url = /Prometheus metrics at (http:\S+)/.exec(run.stderr())?.[1] as string;
    const response = await fetch(url);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const samples = parseExposition(await response.text());
    const snapshot = JSON.parse(run.lines[0] as string) as { balances: Array<Record<string, string | null>> };
    expect(snapshot.balances.length).toBe(6);
    const series = (name: string, b: Record<string, string | null>) =>
      samples.find(
        (s) =>
          s.name === name &&
          s.labels.account === b.account &&
          s.labels.currency === b.currency &&
          s.labels.network === (b.network ?? '') &&
          s.labels.provider === b.provider &&
          s.labels.mode === (b.mode ?? '') &&
          s.labels.wallet === '' &&
          s.labels.provider_currency === b.providerCurrency,
      );
    for (const b of snapshot.balances) {
      for (const [field, name] of [
        ['available', 'balance_inspector_available_balance'],
        ['pending', 'balance_inspector_pending_balance'],
        ['total', 'balance_inspector_total_balance'],
        ['usdValue', 'balance_inspector_total_value_usd'],
      ] as const) {
        const value = b[field] ?? null;
        if (value === null) expect(series(name, b), `${b.account} ${b.currency} ${field} is unknown: no series`).toBeUndefined();
        else expect(series(name, b)?.value, `${b.account} ${b.currency} ${field}`).toBe(Number(value));
      }
    }
    for (const account of ['flow-main', 'syncpay']) {
      expect(samples.find((s) => s.name === 'balance_inspector_account_up' && s.labels.account === account)?.value).toBe(1);
      expect(samples.find((s) => s.name === 'balance_inspector_polls_total' && s.labels.account === account)?.value).toBeGreaterThanOrEqual(1);
      expect(samples.find((s) => s.name === 'balance_inspector_poll_errors_total' && s.labels.account === account)).toBeUndefined();
      expect(samples.find((s) => s.name === 'balance_inspector_last_success_timestamp_seconds' && s.labels.account === account)?.value).toBeGreaterThan(
        Date.now() / 1000 - 60,
      );
      expect(samples.find((s) => s.name === 'balance_inspector_poll_duration_seconds_count' && s.labels.account === account)?.value).toBeGreaterThanOrEqual(1);
    }
    expect((await fetch(url.replace('/metrics', '/nope'))).status).toBe(404);
    run.interrupt('SIGTERM');
    expect((await run.done).code).toBe(143);
    expect(run.stderr()).not.toMatch(/\n\s+at /);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('sum by (currency) of the USD series equals `total --json` for the same balances', async () => {
    const setup = await sandboxWithConfig();
    sandboxes.push(setup.sandbox);
    const total = JSON.parse((await runCli(['total', '--json', '--config', setup.configPath])).stdout) as {
      groups: Array<{ key: string; usdValue: string | null }>;
    };
    const run = startCli(['watch', '--json', '--interval', '2s', '--metrics', '127.0.0.1:0', '--config', setup.configPath], { timeoutMs: 30_000 });
    try {
      await run.waitFor(() => /Prometheus metrics at (http:\S+)/.test(run.stderr()) && run.lines.length >= 1, 20_000);
      const url = /Prometheus metrics at (http:\S+)/.exec(run.stderr())?.[1] as string;
      const samples = parseExposition(await (await fetch(url)).text()).filter((s) => s.name === 'balance_inspector_total_value_usd');
      const byCurrency = new Map<string, number>();
      for (const s of samples) byCurrency.set(s.labels.currency as string, (byCurrency.get(s.labels.currency as string) ?? 0) + s.value);
      const priced = total.groups.filter((g) => g.usdValue !== null);
      expect(priced.length).toBeGreaterThan(3);
      for (const g of priced) expect(byCurrency.get(g.key), g.key).toBeCloseTo(Number(g.usdValue), 6);
      expect([...byCurrency.keys()].sort()).toEqual(priced.map((g) => g.key).sort());
      expect(
        parseExposition(await (await fetch(url)).text()).some((s) => s.name === 'balance_inspector_reported_total_usd' && s.labels.account === 'syncpay'),
      ).toBe(true);
    } finally {
      run.interrupt('SIGTERM');
      await run.done.catch(() => undefined);
    }
  });

  it('a port in use is a usage error', async () => {
    const { sandbox: s, configPath } = await sandbox();
    const { code, stderr } = await runCli(['watch', '--json', '--count', '1', '--metrics', `127.0.0.1:${s.port}`, '--config', configPath]);
    expect(code).toBe(2);
    expect(stderr).toContain(`error: --metrics 127.0.0.1:${s.port}: the address is already in use`);
  });
});

describe('provider floors', () => {
  it('raise a too-short interval once, with a notice; the sandbox key lifts only polling guidance', async () => {
    const { sandbox: s, dir, config } = await sandbox();
    const key = 'sk_test_notthesandboxkey00000001';
    s.state.keys.syncpay?.add(key);
    const accounts = config.accounts as Record<string, Record<string, unknown>>;
    const path = writeConfig(dir, { ...config, accounts: { ...accounts, 'sp-real': { ...accounts.syncpay, apiKey: key } } }, 'floors.json');
    const { code, stderr } = await runCli(['watch', '--json', '--interval', '1s', '--count', '1', '--config', path, '--account', 'flow-main,syncpay,sp-real']);
    expect(code).toBe(0);
    expect(stderr.split('\n').filter(Boolean).sort()).toEqual([
      "Flow Payments allows 30 requests per minute per key (1 request per poll): polling account 'flow-main' every 2s instead of 1s",
      "SyncPay asks for no more than one balance poll every 10s: polling account 'sp-real' every 10s instead of 1s",
    ]);
  });
});

describe('rate limits', () => {
  it('a 429 holds that provider back until Retry-After, while other providers keep their pace', async () => {
    const { sandbox: s, configPath } = await sandbox('ticker');
    s.faults.add({ provider: 'syncpay', kind: 'status', status: 429, headers: { 'retry-after': '3' }, times: 1 });
    const run = startCli(['watch', '--json', '--interval', '1s', '--config', configPath], { timeoutMs: 30_000 });
    await run.waitFor(() => run.lines.some((l) => l.includes('"type":"recovered"')), 10_000);
    run.interrupt('SIGTERM');
    await run.done;
    const snapshot = JSON.parse(run.lines[0] as string) as { errors: Array<{ code: string }> };
    expect(snapshot.errors.map((e) => e.code)).toEqual(['RATE_LIMITED']);
    const times = (provider: string) => s.requests.filter((r) => r.provider === provider).map((r) => r.at);
    const [first = 0, second = 0] = times('syncpay');
    expect(second - first).toBeGreaterThanOrEqual(2_900);
    const flow = times('flow-payments');
    expect(flow.filter((t) => t < second).length).toBeGreaterThanOrEqual(2); // polled on its own 2s grid meanwhile
  });
});

describe('exit codes', () => {
  it("--count ends with the failure code when an account's last poll failed", async () => {
    const { sandbox: s, configPath } = await sandbox();
    s.faults.add({ provider: 'syncpay', kind: 'status', status: 503, times: 100 });
    const { code, stdout, stderr } = await runCli(['watch', '--json', '--interval', '1s', '--count', '2', '--account', 'syncpay', '--config', configPath]);
    expect(code).toBe(5);
    expect(JSON.parse(stdout.split('\n')[0] ?? '{}')).toMatchObject({ type: 'snapshot', complete: false, balances: [] });
    expect(stderr).toContain("error: SyncPay failed for account 'syncpay' (503");
  });
});

describe('signals and pipes', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s mid-watch exits %i without a stack trace', async (signal, expected) => {
    const { configPath } = await sandbox('ticker');
    // A real process: the OS signal, its handler and the exit code it leaves.
    const run = spawnStreaming(['watch', '--json', '--interval', '1s', '--account', 'syncpay', '--config', configPath]);
    // The snapshot and the ticker's first change are out: the watch is mid-way.
    await run.waitFor(() => run.lines.length >= 2);
    run.child.kill(signal);
    const { code } = await run.exited;
    expect(code).toBe(expected);
    expect(run.stderr()).toBe('');
    expect(run.lines.length).toBeGreaterThan(1);
    expect(run.lines.map((l) => (JSON.parse(l) as { type: string }).type).slice(0, 2)).toEqual(['snapshot', 'change']);
  });

  it('SIGINT while a request hangs still exits 130 promptly', async () => {
    const { sandbox: s, configPath } = await sandbox();
    s.faults.add({ provider: 'syncpay', kind: 'hang', times: 100 });
    const hanging = () => s.requests.some((r) => r.provider === 'syncpay');
    // A real process: the OS signal must end it promptly though a request hangs.
    const { code, msAfterSignal, stderr } = await spawnCli(['watch', '--json', '--interval', '20s', '--account', 'syncpay', '--config', configPath], {
      signal: 'SIGINT',
      signalWhen: hanging,
      signalAfterMs: 100,
    });
    expect([code, stderr]).toEqual([130, '']);
    expect(msAfterSignal).not.toBeNull();
    expect(msAfterSignal).toBeLessThan(1_500); // counted from the signal, so a slow start-up cannot eat it
  });

  it('a closed stdout pipe ends the watch quietly', async () => {
    const { configPath } = await sandbox('ticker');
    // A real process: EPIPE on its own stdout.
    const run = spawnStreaming(['watch', '--json', '--interval', '1s', '--account', 'syncpay', '--config', configPath]);
    await run.waitFor(() => run.lines.length >= 2);
    run.child.stdout.destroy();
    const { code } = await run.exited;
    expect(code).toBe(0);
    expect(run.stderr()).toBe('');
  });

  it('--help lists every flag and examples', async () => {
    const { code, stdout } = await runCli(['watch', '--help'], { cwd: tempDir() });
    expect(code).toBe(0);
    for (const flag of [
      '--interval',
      '--count',
      '--currency',
      '--hide-zero',
      '--below',
      '--above',
      '--until',
      '--exec',
      '--metrics',
      'Examples:',
      'balance-inspector watch',
    ])
      expect(stdout).toContain(flag);
  });
});
