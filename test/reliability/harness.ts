// The fault-suite harness (issue 6). Each scenario gets its own sandbox and its own config whose
// keys are unique canaries — planted literally in the config, in environment variables and in key
// files — so scenarios can run concurrently and every captured output can be scanned for them.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { SAVINGS_WALLET, TRADING_WALLET } from '../../src/providers/cryptofuse/emulator/data.js';
import { runCli, spawnCli, startCli, type CliResult, type SpawnOptions } from '../helpers/cli.js';
import { basicPair, encodedForms } from '../helpers/secrets.js';
import { tempDir, writeConfig } from '../helpers/fixtures.js';

export interface Canaries {
  flow: string;
  syncpay: string;
  swipelux: string;
  cfV1: string;
  cfV3: string;
  cfClientId: string;
  cfClientSecret: string;
}

export interface ScenarioEnv {
  sandbox: Sandbox;
  dir: string;
  configPath: string;
  env: Record<string, string>;
  canaries: Canaries;
  /** Raw config, for scenarios that write a variant of it. */
  config: Record<string, unknown>;
  /** Extra servers a scenario starts (redirect targets); closed afterwards. */
  extra: Sandbox[];
  /** Other servers a scenario starts (misbehaving proxies); closed afterwards. */
  servers: Array<{ close(): Promise<void> }>;
}

export type StdoutRule = 'empty' | 'json-complete' | 'json-partial' | RegExp | ((stdout: string, env: ScenarioEnv) => void);

export interface Scenario {
  id: string;
  what: string;
  args: string[] | ((env: ScenarioEnv) => string[]);
  setup?: (env: ScenarioEnv) => void | Promise<void>;
  env?: Record<string, string | undefined>;
  /** Run in this directory instead of the scenario's temp dir. */
  cwd?: (env: ScenarioEnv) => string;
  exit: number;
  stderr: RegExp;
  stdout: StdoutRule;
  /** Requests the sandbox must have seen for a provider (exact, or [min, max]). */
  attempts?: { provider: string; count: number | [number, number] };
  maxMs: number;
  /** A real OS signal to the spawned CLI, `afterMs` after its first request reached the sandbox. */
  signal?: { name: NodeJS.Signals; afterMs: number };
  /** The same moment, in-process: the run is stopped as that signal's handler would (no process). */
  interrupt?: { name: 'SIGINT' | 'SIGTERM'; afterMs: number };
  /** Extra assertions after the run (e.g. nothing reached a redirect target). */
  check?: (result: CliResult, env: ScenarioEnv) => void;
  /** Skip the --debug rerun (signals, stateful setups that cannot be repeated). */
  once?: boolean;
  /** Extra process options: stdout to a file, stdout or stderr closed early, stderr into stdout. */
  cli?: Pick<SpawnOptions, 'stdoutTo' | 'closeStdoutEarly' | 'closeStderrEarly' | 'stderrToStdout'>;
}

/** What one suite's scenarios captured: runs made and outputs scanned for the canaries. */
export interface Tally {
  outputs: number;
  runs: number;
}

const canary = (prefix: string) => `${prefix}CANARY${randomBytes(10).toString('hex')}`;

export async function scenarioEnv(): Promise<ScenarioEnv> {
  const sandbox = await startSandbox({ rateLimits: { 'flow-payments': null, cryptofuse: null } });
  const canaries: Canaries = {
    flow: canary('sk_test_'),
    syncpay: canary('sk_test_'),
    swipelux: canary('sk.sbx.'),
    cfV1: canary('cfk_'),
    cfV3: canary('cfk_'),
    cfClientId: canary('cfid_'),
    cfClientSecret: canary('cfsec_'),
  };
  sandbox.state.keys['flow-payments']?.add(canaries.flow);
  sandbox.state.keys.syncpay?.add(canaries.syncpay);
  sandbox.state.keys.swipelux?.add(canaries.swipelux);
  sandbox.state.keys.cryptofuse?.add(canaries.cfV1);
  sandbox.state.keys.cryptofuse?.add(canaries.cfV3);
  sandbox.state.cryptofuse.clients.set(canaries.cfClientId, canaries.cfClientSecret);

  const dir = tempDir('bi-fault-');
  writeFileSync(join(dir, 'swipelux.key'), `${canaries.swipelux}\n`, { mode: 0o600 });
  writeFileSync(join(dir, 'cf3.key'), canaries.cfV3, { mode: 0o600 });
  const base = sandbox.baseUrl;
  const config = {
    accounts: {
      'flow-main': { provider: 'flow-payments', baseUrl: `${base('flow-payments')}/api`, apiKey: canaries.flow, mode: 'test' },
      syncpay: { provider: 'syncpay', baseUrl: base('syncpay'), apiKey: '${BI_SYNCPAY_KEY}' },
      swipelux: { provider: 'swipelux', baseUrl: base('swipelux'), apiKeyFile: 'swipelux.key', wallets: ['wal_abc123'], customers: ['cus_abc123'] },
      'casino-v1': { provider: 'cryptofuse', apiVersion: 'v1', baseUrl: base('cryptofuse'), apiKey: '${BI_CF_KEY}', wallets: [TRADING_WALLET] },
      'casino-v2': {
        provider: 'cryptofuse',
        apiVersion: 'v2',
        baseUrl: base('cryptofuse'),
        clientId: '${BI_CF_CLIENT}',
        clientSecret: canaries.cfClientSecret,
        wallets: [TRADING_WALLET, SAVINGS_WALLET],
      },
      'casino-v3': { provider: 'cryptofuse', apiVersion: 'v3', baseUrl: base('cryptofuse'), apiKeyFile: 'cf3.key' },
    },
    rates: { NGN: '0.00065' },
    pegged: ['USDT', 'USDC'],
  };
  const configPath = writeConfig(dir, config);
  const env = { BI_SYNCPAY_KEY: canaries.syncpay, BI_CF_KEY: canaries.cfV1, BI_CF_CLIENT: canaries.cfClientId, HOME: dir };
  return { sandbox, dir, configPath, env, canaries, config, extra: [], servers: [] };
}

/** Every form a leaked key could take in output: raw, base64(url), URL-encoded, Basic, 12-char pieces. */
export function secretForms(canaries: Canaries, extra: string[] = []): string[] {
  const values = [...Object.values(canaries), ...extra];
  const forms = new Set<string>();
  for (const value of values) {
    for (const form of encodedForms(value)) forms.add(form);
    const random = value.slice(value.indexOf('CANARY') + 6);
    for (let i = 0; i + 12 <= random.length; i += 4) forms.add(random.slice(i, i + 12));
  }
  for (const form of encodedForms(basicPair(canaries.cfClientId, canaries.cfClientSecret))) forms.add(form);
  return [...forms];
}

/** Access tokens the sandbox issued during the run are secrets too. */
function issuedTokens(sandbox: Sandbox): string[] {
  return sandbox.requests.flatMap((r) => /^Bearer\s+(\S+)$/i.exec(r.headers.authorization ?? '')?.[1] ?? []).filter((t) => !t.includes('CANARY'));
}

export function expectNoLeak(texts: string[], env: ScenarioEnv, tally: Tally): void {
  const forms = secretForms(env.canaries, issuedTokens(env.sandbox));
  for (const text of texts) {
    tally.outputs += 1;
    for (const form of forms) if (text.includes(form)) throw new Error(`secret leaked (${form.slice(0, 6)}…) in: ${text.slice(0, 300)}`);
  }
}

/** No key reached a provider other than its own (all providers share the loopback origin). */
export function expectKeysStayHome(env: ScenarioEnv): void {
  const owner: Array<[string, string[]]> = [
    ['flow-payments', [env.canaries.flow]],
    ['syncpay', [env.canaries.syncpay]],
    ['swipelux', [env.canaries.swipelux]],
    ['cryptofuse', [env.canaries.cfV1, env.canaries.cfV3, env.canaries.cfClientId, env.canaries.cfClientSecret]],
  ];
  for (const request of env.sandbox.requests) {
    const seen = JSON.stringify(request);
    for (const [provider, keys] of owner) {
      if (provider === request.provider) continue;
      for (const key of keys) expect(seen.includes(key), `${provider} key sent to ${request.provider}`).toBe(false);
    }
  }
}

function checkStdout(rule: StdoutRule, stdout: string, env: ScenarioEnv): void {
  if (rule === 'empty') expect(stdout).toBe('');
  else if (rule === 'json-complete' || rule === 'json-partial') {
    const doc = JSON.parse(stdout) as { complete: boolean; schemaVersion: number };
    expect(doc.schemaVersion).toBe(1);
    expect(doc.complete).toBe(rule === 'json-complete');
  } else if (rule instanceof RegExp) expect(stdout).toMatch(rule);
  else rule(stdout, env);
}

export async function runScenario(s: Scenario, tally: Tally): Promise<void> {
  const env = await scenarioEnv();
  try {
    await s.setup?.(env);
    const args = typeof s.args === 'function' ? s.args(env) : s.args;
    const options = { cwd: s.cwd?.(env) ?? env.dir, env: { ...env.env, ...s.env }, timeoutMs: s.maxMs + 5_000, ...s.cli };
    const started = env.sandbox.requests.length;
    // Signals go out once the request has reached the sandbox, so a slow start cannot race them.
    const signalWhen = () => env.sandbox.requests.length > started;
    // Signals and a closed or full stdout need a real process; everything else runs in-process.
    const result = s.signal
      ? await spawnCli(args, { ...options, signal: s.signal.name, signalAfterMs: s.signal.afterMs, signalWhen })
      : s.cli
        ? await spawnCli(args, options)
        : s.interrupt
          ? await interrupted(args, options, s.interrupt, signalWhen)
          : await runCli(args, options);
    tally.runs += 1;
    const context = `${s.id} (${s.what})\nstdout: ${result.stdout.slice(0, 400)}\nstderr: ${result.stderr.slice(0, 600)}`;
    expect(result.code, context).toBe(s.exit);
    expect(result.stderr, context).toMatch(s.stderr);
    expect(result.stderr, context).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // never a stack trace
    checkStdout(s.stdout, result.stdout, env);
    if (s.attempts) {
      const seen = env.sandbox.requests.slice(started).filter((r) => r.provider === s.attempts?.provider).length;
      const [min, max] = typeof s.attempts.count === 'number' ? [s.attempts.count, s.attempts.count] : s.attempts.count;
      expect(seen, `${context}\nattempts`).toBeGreaterThanOrEqual(min);
      expect(seen, `${context}\nattempts`).toBeLessThanOrEqual(max);
    }
    expect(result.ms, `${context}\nelapsed`).toBeLessThanOrEqual(s.maxMs);
    s.check?.(result, env);
    expectNoLeak([result.stdout, result.stderr], env, tally);
    if (!s.once) {
      env.sandbox.faults.clear();
      await s.setup?.(env);
      const debug = s.cli ? await spawnCli([...args, '--debug'], options) : await runCli([...args, '--debug'], options);
      tally.runs += 1;
      expect(debug.code, `${s.id} with --debug`).toBe(s.exit);
      expectNoLeak([debug.stdout, debug.stderr], env, tally);
    }
    expectKeysStayHome(env);
  } finally {
    await Promise.all([env.sandbox.close(), ...env.extra.map((x) => x.close()), ...env.servers.map((x) => x.close())]);
  }
}

/**
 * Loads what the scenarios' commands import lazily before any is timed: the first in-process run
 * of a test file compiles those modules for the runner, and that must not count against a row's
 * time budget (a spawned CLI loads its bundle, which is part of every user's run).
 */
export async function warmUp(): Promise<void> {
  const env = await scenarioEnv();
  try {
    const options = { cwd: env.dir, env: env.env, timeoutMs: 30_000 };
    await Promise.all([
      runCli(['balances', '--json', ...on(env)], options),
      runCli(['balances', ...on(env)], options),
      runCli(['balances', '--csv', ...on(env)], options),
      runCli(['total', ...on(env)], options),
      runCli(['can-withdraw', 'USDT', '1', ...on(env)], options),
      runCli(['snapshot', '--store', join(env.dir, 'warm.db'), ...on(env, '--account', 'syncpay')], options),
      runCli(['watch', '--json', '--count', '1', ...on(env, '--account', 'syncpay')], options),
    ]);
  } finally {
    await env.sandbox.close();
  }
}

/** Runs in-process and interrupts the run `afterMs` after `when` first holds. */
async function interrupted(
  args: string[],
  options: Parameters<typeof startCli>[1],
  interrupt: NonNullable<Scenario['interrupt']>,
  when: () => boolean,
): Promise<CliResult> {
  const run = startCli(args, options);
  await run.waitFor(when, options?.timeoutMs);
  setTimeout(() => run.interrupt(interrupt.name), interrupt.afterMs);
  return run.done;
}

/** `--config <file>` plus the accounts a scenario is about. */
export function on(env: ScenarioEnv, ...rest: string[]): string[] {
  return ['--config', env.configPath, ...rest];
}

/** One account's credentials cannot be resolved: it fails alone, every other account is printed. */
export const othersPrinted = (failed: string) => (stdout: string) => {
  const accounts = new Set(
    stdout
      .split('\n')
      .slice(1)
      .map((line) => line.split(/\s+/)[0])
      .filter(Boolean),
  );
  if (accounts.has(failed) || !accounts.has('flow-main')) throw new Error(`expected every account but '${failed}' printed, got ${[...accounts].join(', ')}`);
};
