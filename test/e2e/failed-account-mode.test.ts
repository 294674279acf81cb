// A failed account keeps its mode (issue 21 class 10): when a test-mode account cannot be read,
// its test-mode siblings still answer as test money — the failed account's mode comes from its
// setup (config mode, a sandbox host, the key's prefix), as `config check` says it. Each provider
// whose key or host tells the mode, failing in different ways.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { writeConfig } from '../helpers/fixtures.js';

const e2e = useSandbox();
const askUsdc = (...accounts: string[]) => e2e.cli('can-withdraw', 'USDC', '100', '--account', accounts.join(','));

describe('a test-mode account that cannot be read', () => {
  const failures: Array<[string, string, () => void]> = [
    ['SyncPay (sk_test_ key), down with 503s', 'syncpay', () => e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 503, times: 20 })],
    ['SyncPay (sk_test_ key), key refused', 'syncpay', () => e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 401, times: 5 })],
    ['Bachs (sk_sandbox_ key), not understood', 'bachs', () => e2e.sandbox.faults.add({ provider: 'bachs', kind: 'html', times: 5 })],
  ];
  for (const [what, failing, fail] of failures) {
    it(`${what}: its test sibling still answers yes as test money`, async () => {
      fail();
      const { code, stdout, stderr } = await askUsdc(failing, 'swipelux');
      expect(code, stderr).toBe(0);
      expect(stdout).toMatch(/^yes: 'swipelux' can withdraw 100 USDC .*\[test mode\]/);
      expect(stdout + stderr).not.toMatch(/other mode/);
    });
  }

  it('--json says the decision is about test money and lists the sibling as eligible', async () => {
    e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 401, times: 5 });
    const { code, stdout } = await e2e.cli('can-withdraw', 'USDC', '100', '--account', 'syncpay,swipelux', '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { decision: string; mode: string };
    expect([doc.decision, doc.mode]).toEqual(['yes', 'test']);
  });

  it('an account whose ${VAR} is unset keeps the mode its config states', async () => {
    const accounts = e2e.config.accounts as Record<string, Record<string, unknown>>;
    const configPath = writeConfig(
      e2e.dir,
      { ...e2e.config, accounts: { ...accounts, syncpay: { ...accounts.syncpay, apiKey: '${UNSET_SYNCPAY_KEY}', mode: 'test' } } },
      'unset-var.json',
    );
    const { code, stdout } = await runCli(['can-withdraw', 'USDC', '100', '--account', 'syncpay,swipelux', '--config', configPath]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^yes: 'swipelux' .*\[test mode\]/);
  });

  it('a live-key account that fails still makes test money "other mode" (live wins, fail closed)', async () => {
    const accounts = e2e.config.accounts as Record<string, Record<string, unknown>>;
    const configPath = writeConfig(
      e2e.dir,
      { ...e2e.config, accounts: { ...accounts, live: { provider: 'syncpay', baseUrl: 'http://127.0.0.1:9', apiKey: 'sk_live_downdowndown0000' } } },
      'live-down.json',
    );
    const { code, stderr } = await runCli(['can-withdraw', 'USDC', '100', '--account', 'live,swipelux', '--config', configPath, '--timeout', '3s']);
    expect(code).toBe(5);
    expect(stderr).toMatch(/other mode: 'swipelux' holds test money and live accounts are selected/);
  });
});
