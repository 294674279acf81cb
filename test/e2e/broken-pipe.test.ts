// Exit codes survive broken pipes on every channel (issue 21 class 9): a reader that stops early
// — on stdout, on stderr, or on both at once (`2>&1 | head -1`) — ends the run quietly with the
// code its command decided: never 1 ("no") after a yes, never 0 after a failure, never 70, no
// stack trace. Needs a real process and real pipes, so these spawn the built CLI.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/history/store/open.js';
import { spawnCli } from '../helpers/cli.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { tempDir, writeConfig } from '../helpers/fixtures.js';
import { bal, HOUR, read, recordAt, T0 } from '../history/helpers.js';

const e2e = useSandbox();
const yes = ['can-withdraw', 'USDT', '100', '--account', 'syncpay'];
const no = ['can-withdraw', 'USDT', '100000', '--account', 'syncpay'];
/** The sandbox's accounts plus one nobody answers for (exit 5). */
const withDownAccount = (file: string) =>
  writeConfig(
    e2e.dir,
    {
      ...e2e.config,
      accounts: { ...(e2e.config.accounts as object), down: { provider: 'syncpay', baseUrl: 'http://127.0.0.1:9', apiKey: 'sk_test_down_0123456789' } },
    },
    file,
  );

describe('2>&1 | head -1', () => {
  it('a yes whose note goes to the closed pipe is still 0', async () => {
    for (let i = 0; i < 3; i++) {
      const { code, signal, stdout } = await e2e.spawnWith(yes, { stderrToStdout: true, closeStdoutEarly: true });
      expect([code, signal]).toEqual([0, null]);
      expect(stdout).toMatch(/^yes: 'syncpay' can withdraw 100 USDT/);
    }
  });

  it('a no stays 1 and an unknown keeps its own code', async () => {
    expect((await e2e.spawnWith(no, { stderrToStdout: true, closeStdoutEarly: true })).code).toBe(1);
    e2e.sandbox.faults.add({ provider: 'syncpay', kind: 'status', status: 503, times: 10 });
    expect((await e2e.spawnWith([...yes, '--timeout', '2s'], { stderrToStdout: true, closeStdoutEarly: true })).code).toBe(5);
  });

  it("balances with a failing account keeps the failure's code", async () => {
    const configPath = withDownAccount('with-down.json');
    const { code, stderr } = await spawnCli(['balances', '--account', 'syncpay,down', '--config', configPath], {
      stderrToStdout: true,
      closeStdoutEarly: true,
    });
    expect(code).toBe(5);
    expect(stderr).not.toMatch(/\n\s+at |internal error/);
  });
});

describe('a closed stderr alone', () => {
  it('a yes with its note on a closed stderr is 0, and the answer is still on stdout', async () => {
    const { code, stdout } = await e2e.spawnWith(yes, { closeStderrEarly: true });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^yes: /);
  });

  it('a usage error on a closed stderr is still 2', async () => {
    expect((await e2e.spawnWith(['can-withdraw', 'USDT', 'lots'], { closeStderrEarly: true })).code).toBe(2);
  });
});

describe('a closed stdout alone', () => {
  it("balances | head -1 with a failing account is that failure's code, not 0", async () => {
    const configPath = withDownAccount('with-down-2.json');
    const { code, stderr } = await spawnCli(['balances', '--json', '--config', configPath], { closeStdoutEarly: true });
    expect(code).toBe(5);
    expect(stderr).toMatch(/cannot reach SyncPay for account 'down'/);
  });
});

describe('a reader that stops early on a streamed output (history, export)', () => {
  /** A store whose export and --csv are far more than one 64 KB chunk, so writing outlives the reader. */
  async function bigStore(): Promise<string> {
    const path = join(tempDir(), 'history.db');
    const db = await openStore({ kind: 'sqlite', path }, 'create');
    const balances = (i: number) => Array.from({ length: 20 }, (_, k) => bal('a', `T${k}`, `${i}.${k}`, { wallet: `wallet-${k}` }));
    for (let i = 0; i < 150; i++) await recordAt(db, T0 + i * HOUR, [read('a', balances(i))]);
    await db.close();
    return path;
  }

  it('history export | head -1 and history --csv | head -1 end quietly with 0, not 74', async () => {
    const store = await bigStore();
    const until = new Date(T0 + 200 * HOUR).toISOString();
    for (const args of [
      ['history', 'export'],
      ['history', '--csv', '--since', '2026-11-01', '--until', until],
      ['history', '--json', '--since', '2026-11-01', '--until', until],
    ]) {
      const { code, stderr } = await spawnCli([...args, '--store', store], { closeStdoutEarly: true });
      expect(code, `${args.join(' ')}: ${stderr}`).toBe(0);
      expect(stderr).not.toMatch(/error|EPIPE/);
    }
  }, 60_000);
});
