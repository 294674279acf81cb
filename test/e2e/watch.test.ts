// `watch` as users run it: the built CLI against an in-process sandbox whose balances change
// (the `settle` scenario). Sandbox accounts carry no provider polling floor (see docs/commands/watch.md),
// so these runs can poll every second; Flow's request-rate floor still applies to flow-main.
// Not faster: a poll's budget is its interval, and a loaded machine must not turn a slow loopback
// answer into a timeout. Elapsed times are measured from the sandbox's requests, not from spawn,
// so a slow start-up cannot count against them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.js';
import { runCli, startCli } from '../helpers/cli.js';
import { sandboxWithConfig, writeConfig } from '../helpers/fixtures.js';

const sandboxes: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
});
async function settleSandbox(scenario: Parameters<typeof sandboxWithConfig>[0] = { scenario: { name: 'settle' } }) {
  const setup = await sandboxWithConfig(scenario);
  sandboxes.push(setup.sandbox);
  return setup;
}
const events = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('watch --json', () => {
  it('prints a snapshot, then change events with exact old/new/delta strings, and exits 0 after --count', async () => {
    const { configPath } = await settleSandbox();
    const { code, stdout, stderr } = await runCli(['watch', '--json', '--interval', '1s', '--count', '3', '--account', 'syncpay', '--config', configPath]);
    expect([code, stderr]).toEqual([0, '']);
    const all = events(stdout);
    for (const e of all) expect(Object.keys(e).slice(0, 3)).toEqual(['type', 'schemaVersion', 'at']);
    expect(all.map((e) => e.type)).toEqual(['snapshot', 'change', 'change', 'change', 'change']);
    const snapshot = all[0] as { balances: Array<Record<string, string>>; complete: boolean; errors: unknown[] };
    expect([snapshot.complete, snapshot.errors]).toEqual([true, []]);
    expect(snapshot.balances.find((b) => b.currency === 'USDT')).toMatchObject({ available: '200.00', pending: '0.00', total: '200.00', network: 'tron' });
    expect(
      all.slice(1).map(({ account, currency, network, providerCurrency, field, old, new: now, delta, sinceStart }) => ({
        account,
        currency,
        network,
        providerCurrency,
        field,
        old,
        new: now,
        delta,
        sinceStart,
      })),
    ).toEqual([
      {
        account: 'syncpay',
        currency: 'USDT',
        network: 'tron',
        providerCurrency: 'USDT_TRC20',
        field: 'pending',
        old: '0.00',
        new: '300.00',
        delta: '300.00',
        sinceStart: '300.00',
      },
      {
        account: 'syncpay',
        currency: 'USDT',
        network: 'tron',
        providerCurrency: 'USDT_TRC20',
        field: 'total',
        old: '200.00',
        new: '500.00',
        delta: '300.00',
        sinceStart: '300.00',
      },
      {
        account: 'syncpay',
        currency: 'USDT',
        network: 'tron',
        providerCurrency: 'USDT_TRC20',
        field: 'available',
        old: '200.00',
        new: '500.00',
        delta: '300.00',
        sinceStart: '300.00',
      },
      {
        account: 'syncpay',
        currency: 'USDT',
        network: 'tron',
        providerCurrency: 'USDT_TRC20',
        field: 'pending',
        old: '300.00',
        new: '0.00',
        delta: '-300.00',
        sinceStart: '0.00',
      },
    ]);
    expect((all[4] as { balance: Record<string, string> }).balance).toMatchObject({ available: '500.00', usdValue: '500.00', usdSource: 'peg' });
    expect(stdout).not.toMatch(/": -?\d/); // no JSON number carries money (or anything else)
  });

  it('reports an account that starts failing once, and its recovery', async () => {
    const { sandbox, configPath } = await settleSandbox({ scenario: { name: 'ticker' } });
    const run = startCli(['watch', '--json', '--interval', '1s', '--account', 'syncpay', '--config', configPath], { timeoutMs: 30_000 });
    await run.waitFor(() => run.lines.length >= 1);
    sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 401, times: 2 });
    await run.waitFor(() => run.lines.some((l) => l.includes('"type":"recovered"')));
    run.interrupt('SIGTERM');
    expect((await run.done).code).toBe(143);
    const types = run.lines.map((l) => (JSON.parse(l) as { type: string }).type).filter((t) => t !== 'change');
    expect(types).toEqual(['snapshot', 'error', 'recovered']);
    const error = JSON.parse(run.lines.find((l) => l.includes('"type":"error"')) ?? '{}');
    expect(error).toMatchObject({ account: 'syncpay', provider: 'syncpay', code: 'AUTH_FAILED', exitCode: 4, failures: 1 });
    expect(JSON.parse(run.lines.find((l) => l.includes('"type":"recovered"')) ?? '{}')).toMatchObject({ account: 'syncpay', failures: 2 });
    expect(run.stderr()).toContain("error: SyncPay rejected the API key for account 'syncpay'");
    expect(run.stderr()).toContain("account 'syncpay' answers again after 2 failed polls");
  });
});

describe('watch --until', () => {
  it('exits 0 as soon as the deposit settles', async () => {
    const { sandbox, configPath } = await settleSandbox();
    const { code, stdout, stderr } = await runCli([
      'watch',
      '--json',
      '--until',
      'USDT>=500',
      '--timeout',
      '10s',
      '--interval',
      '1s',
      '--account',
      'syncpay',
      '--config',
      configPath,
    ]);
    const exitedAt = Date.now();
    expect(code).toBe(0);
    expect(stderr).toBe('USDT >= 500 holds: 500.00 available\n');
    expect(
      events(stdout)
        .slice(-2)
        .map((e) => `${e.field} ${e.old} → ${e.new}`),
    ).toEqual(['available 200.00 → 500.00', 'pending 300.00 → 0.00']);
    // The 3rd request sees the deposit settled; the watch ends on that answer, without another poll.
    const polls = sandbox.requests.filter((r) => r.provider === 'syncpay');
    expect(polls).toHaveLength(3);
    expect(exitedAt - (polls[2]?.at ?? 0)).toBeLessThan(1_000);
  });

  it('exits 1 when --timeout passes first', async () => {
    const { sandbox, configPath } = await settleSandbox({ scenario: { name: 'settle', afterMs: 60_000 } });
    const { code, stdout, ms } = await runCli([
      'watch',
      '--json',
      '--until',
      'syncpay:USDT@tron>=500',
      '--timeout',
      '2s',
      '--interval',
      '1s',
      '--config',
      configPath,
      '--account',
      'syncpay',
    ]);
    const exitedAt = Date.now();
    expect(code).toBe(1);
    expect(events(stdout)[0]?.type).toBe('snapshot');
    expect(ms).toBeGreaterThanOrEqual(1_900); // spawn comes before the --timeout clock starts
    // The clock starts before the first poll, so from the first request the watch has under 2 s
    // left, plus the time to exit.
    const first = sandbox.requests.find((r) => r.provider === 'syncpay');
    expect(first).toBeDefined();
    expect(exitedAt - (first?.at ?? 0)).toBeLessThan(2_800);
  });
});

describe('thresholds', () => {
  it('fire once per crossing and once on recovery, from flags and the config, and run --exec with the event on stdin', async () => {
    const { dir, config } = await settleSandbox();
    const configPath = writeConfig(dir, { ...config, alerts: { 'low-tron-usdt': { currency: 'USDT', network: 'tron', below: '300' } } }, 'alerts.json');
    const hookOut = join(dir, 'hook.ndjson');
    const { code, stdout, stderr } = await runCli([
      'watch',
      '--json',
      '--interval',
      '1s',
      '--count',
      '4',
      '--account',
      'syncpay',
      '--config',
      configPath,
      '--above',
      'syncpay:USD=1000',
      '--exec',
      `cat >> '${hookOut}'`,
    ]);
    expect(code).toBe(1); // the --above level is still exceeded at the end
    const fired = events(stdout)
      .filter((e) => e.type === 'threshold')
      .map(({ rule, state, amount, previous, level }) => ({ rule, state, amount, previous, level }));
    expect(fired).toEqual([
      { rule: '--above syncpay:USD=1000', state: 'crossed', amount: '1250.50', previous: null, level: '1000' },
      { rule: 'low-tron-usdt', state: 'crossed', amount: '200.00', previous: null, level: '300' },
      { rule: 'low-tron-usdt', state: 'recovered', amount: '500.00', previous: '200.00', level: '300' },
    ]);
    const hooked = readFileSync(hookOut, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(hooked.map((e) => [e.type, e.rule, e.state])).toEqual(fired.map((e) => ['threshold', e.rule, e.state]));
    expect(stderr).toContain('alert: USDT@tron available 200.00 (below 300)');
    expect(stderr).toContain('recovered: USDT@tron available 500.00 (below 300)');
  });
});

let usageConfig: string;
beforeAll(async () => {
  const { sandbox, configPath } = await sandboxWithConfig();
  usageConfig = configPath;
  await sandbox.close();
});

describe('usage errors (exit 2, nothing on stdout)', () => {
  it.each([
    [['--below', 'USDT=1e3'], /--below "USDT=1e3": "1e3" is not a plain decimal amount/],
    [['--below', 'USDT<100'], /--below "USDT<100": expected \[account:\]CURRENCY\[@network\]=AMOUNT/],
    [['--below', 'US$=100'], /--below "US\$=100": "US\$" is not a currency code/],
    [['--above', 'USDT=abc'], /--above "USDT=abc": "abc" is not a plain decimal amount/],
    [['--until', 'USDT>500 USD'], /--until "USDT>500 USD": "500 USD" is not a plain decimal amount/],
    [['--until', 'USDT'], /--until "USDT": expected \[account:\]CURRENCY\[@network\]>=AMOUNT/],
    [['--until', 'nosuch:USDT>=1'], /--until: unknown account 'nosuch'/],
    [['--below', 'flow-main:USDT=1', '--account', 'syncpay'], /--below flow-main:USDT=1: account 'flow-main' is not being watched/],
    [['--interval', '5'], /--interval "5" is not a duration/],
    [['--interval', '1ms'], /--interval "1ms" is too short; the shortest is 50ms/],
    [['--count', '0'], /--count "0" is not a positive whole number/],
    [['--metrics', 'localhost:99999'], /--metrics "localhost:99999" is not \[host:\]port/],
    [['--csv'], /--csv is not supported/],
    [['--currency', 'USDT@tronn'], /--currency "USDT@tronn": "tronn" is not a network we know \(did you mean 'tron'\?\)/],
    [['--currency', 'nosuch:USDT'], /--currency nosuch:USDT: unknown account 'nosuch'/],
    [['--until', 'USDT@tronn>=1'], /--until "USDT@tronn>=1": "tronn" is not a network we know/],
  ])('%j', async (args, message) => {
    // Refused before any request: a config pointing at a closed port is enough.
    const { code, stdout, stderr } = await runCli(['watch', ...args, '--config', usageConfig]);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(message);
  });
});

describe('watch says what cannot work, once', () => {
  it('--until on a selector matching nothing warns at the first snapshot (with close codes), not only at --timeout', async () => {
    const { configPath } = await settleSandbox({});
    const { code, stderr } = await runCli([
      'watch',
      '--json',
      '--until',
      'USTD>=1',
      '--timeout',
      '4s',
      '--interval',
      '1s',
      '--account',
      'syncpay',
      '--config',
      configPath,
    ]);
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    const warned = lines.findIndex((l) =>
      l.startsWith('warning: --until USTD >= 1: USTD matches no balance of the watched accounts yet; it cannot hold until one appears'),
    );
    expect(warned).toBeGreaterThanOrEqual(0);
    expect(lines[warned]).toContain("(did you mean 'USDT'");
    expect(lines.findIndex((l) => l.includes('did not hold within --timeout'))).toBeGreaterThan(warned);
  });

  it('--until on a known currency no account holds: warned without look-alikes', async () => {
    const { configPath } = await settleSandbox({});
    const { code, stderr } = await runCli([
      'watch',
      '--json',
      '--until',
      'BTC>=1',
      '--count',
      '1',
      '--interval',
      '1s',
      '--account',
      'syncpay',
      '--config',
      configPath,
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('warning: --until BTC >= 1: BTC matches no balance of the watched accounts yet; it cannot hold until one appears\n');
  });

  it('a raised interval is announced once per account, with the measured request count (never a stale guess)', async () => {
    const { configPath } = await settleSandbox({});
    const { stderr } = await runCli(
      ['watch', '--json', '--count', '2', '--interval', '100ms', '--account', 'casino-v1,casino-v3', '--timeout', '12s', '--config', configPath],
      { timeoutMs: 20_000 },
    );
    const notices = stderr.split('\n').filter((l) => l.includes('instead of 100ms'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      /^Cryptofuse allows 100 requests per minute per key \((\d+) requests per poll\) \(accounts sharing its key counted together\): polling accounts 'casino-v1', 'casino-v3' every [\d.]+m?s instead of 100ms$/,
    );
    expect(Number(/\((\d+) requests per poll\)/.exec(notices[0]!)?.[1])).toBeGreaterThan(2);
  });
});
