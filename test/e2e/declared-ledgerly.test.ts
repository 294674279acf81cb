// A provider we do not ship, declared (examples/providers/ledgerly.yaml): OAuth 2.0 client
// credentials, cursor pagination, wallets with rows, minor units. Run against a small loopback fake
// through every command a built-in provider works in, and the library API.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load.js';
import { canWithdraw, createRuntime, fetchBalances, loadConfig } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeConfig } from '../helpers/fixtures.js';
import { defaultWallets, LEDGERLY_CLIENT, LEDGERLY_TOKEN, startLedgerlyFake, type LedgerlyFake } from '../helpers/ledgerly-fake.js';

const EXAMPLE = join(import.meta.dirname, '../../examples/providers/ledgerly.yaml');
const ENV = { LEDGERLY_CLIENT_ID: LEDGERLY_CLIENT.id, LEDGERLY_CLIENT_SECRET: LEDGERLY_CLIENT.secret };

let fake: LedgerlyFake;
let dir: string;
let config: string;

/** The example as written, with its declared base URL pointing at the fake (and `extra` merged into the config). */
async function writeExample(extra: Record<string, unknown> = {}, name = 'ledgerly.json', declaration: Record<string, unknown> = {}): Promise<string> {
  const example = (await loadConfigFile(EXAMPLE)) as { providers: { ledgerly: Record<string, unknown> } };
  Object.assign(example.providers.ledgerly, { baseUrl: fake.url, ...declaration });
  return writeConfig(dir, { ...example, ...extra }, name);
}

/** The metrics page once it carries balance series (they are set as the poll's results are recorded). */
async function scrape(url: string): Promise<string> {
  let text = '';
  for (let attempt = 0; attempt < 50 && !text.includes('balance_inspector_available_balance{'); attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    text = await (await fetch(url)).text();
  }
  return text;
}

const cli = (args: string[], env: Record<string, string> = {}) => runCli([...args, '--config', config], { env: { ...ENV, ...env } });

beforeAll(async () => {
  fake = await startLedgerlyFake();
  dir = tempDir();
  config = await writeExample();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.wallets = defaultWallets();
  fake.override = null;
  fake.tokensIssued = 0;
});

describe('ledgerly (OAuth2, cursor pages, minor units)', () => {
  it('balances --json: every wallet of every page, amounts scaled exactly, one token', async () => {
    const { code, stdout, stderr } = await cli(['balances', '--json']);
    expect([code, stderr]).toEqual([0, '']);
    const doc = JSON.parse(stdout);
    expect(doc.complete).toBe(true);
    const rows = doc.balances.map((b: Record<string, unknown>) => [
      b.wallet,
      b.walletName,
      b.currency,
      b.network,
      b.available,
      b.pending,
      b.total,
      b.mode,
      b.provider,
      b.updatedAt,
    ]);
    expect(rows).toEqual([
      ['wal_ops', 'Operations', 'USDT', 'tron', '1250.500000', '2.000000', '1252.500000', 'test', 'ledgerly', '2026-11-21T09:58:00.000Z'],
      ['wal_ops', 'Operations', 'USD', null, '9900.50', '0.00', '9900.50', 'test', 'ledgerly', '2026-11-21T09:58:00.000Z'],
      [
        'wal_payouts',
        'Payouts',
        'USDC',
        'ethereum',
        '123456.789012345678901234',
        '0.000000000000000000',
        '123456.789012345678901234',
        'test',
        'ledgerly',
        '2026-11-21T09:58:00.000Z',
      ],
      ['wal_cold', 'Cold storage', 'BTC', 'bitcoin', '50.00000000', '0.00000000', '50.00000000', 'test', 'ledgerly', '2026-11-21T09:58:00.000Z'],
    ]);
    expect(fake.tokensIssued).toBe(1);
    const pages = fake.requests.filter((r) => r.path === '/v2/wallets');
    expect(pages.map((r) => [r.query.get('status'), r.query.get('limit'), r.query.get('cursor')])).toEqual([
      ['active', '50', null],
      ['active', '50', 'c2'],
    ]);
  });

  it('can-withdraw: minimums and decimals as declared; a currency without a minimum is unknown, never yes', async () => {
    const ask = async (currency: string, amount: string) => {
      const { code, stdout } = await cli(['can-withdraw', currency, amount, '--json']);
      return [code, JSON.parse(stdout).decision];
    };
    expect(await ask('USDT', '1250.5')).toEqual([0, 'yes']);
    expect(await ask('USDT', '1250.500001')).toEqual([1, 'no']);
    expect(await ask('USDT', '5')).toEqual([1, 'no']);
    expect(await ask('USDT', '1.0000001')).toEqual([1, 'no']);
    expect(await ask('BTC', '1')).toEqual([6, 'unknown']);
    // A payout run: the first 1,000 USDT is promised, so the second cannot have it too.
    const run = join(dir, 'run.csv');
    writeFileSync(run, 'id,currency,amount\np1,USDT,1000\np2,USDT,1000\np3,USDC,100\n');
    const batch = await cli(['can-withdraw', '--batch', run, '--csv']);
    expect([
      batch.code,
      batch.stdout
        .split('\r\n')
        .slice(1, 4)
        .map((line) => line.split(',').slice(0, 3).join(',')),
    ]).toEqual([1, ['p1,yes,ledgerly-main', 'p2,no,', 'p3,yes,ledgerly-main']]);
  });

  it('total, watch --count, snapshot and history work on the declared account', async () => {
    const total = await cli(['total', '--json']);
    expect(total.code).toBe(0);
    expect(JSON.parse(total.stdout).groups.map((g: { key: string }) => g.key)).toEqual(expect.arrayContaining(['USDT', 'USD', 'USDC', 'BTC']));

    // watch with --metrics: the snapshot event, then the Prometheus page, both carrying the declared balances.
    let url = '';
    const scraped: { page: Promise<string> | null } = { page: null };
    // The example asks for polls 10 s apart at least (the default); the fake allows 1 s.
    const fast = await writeExample({}, 'fast.json', { pollInterval: '1s' });
    const watch = await runCli(['watch', '--json', '--interval', '1s', '--count', '3', '--metrics', '127.0.0.1:0', '--config', fast], {
      env: ENV,
      onStderr: (chunk) => (url ||= /Prometheus metrics at (http:\S+)/.exec(chunk)?.[1] ?? ''),
      onStdout: (chunk) => {
        if (scraped.page === null && url && chunk.includes('"snapshot"')) scraped.page = scrape(url);
      },
    });
    expect(watch.code).toBe(0);
    const snapshot = JSON.parse(watch.stdout.split('\n')[0] ?? '');
    expect([snapshot.type, snapshot.complete, snapshot.balances.length]).toEqual(['snapshot', true, 4]);
    expect(await scraped.page).toMatch(
      /balance_inspector_available_balance\{account="ledgerly-main",provider="ledgerly",mode="test",wallet="wal_ops",currency="USDT"[^}]*\} 1250\.5\n/,
    );

    const store = join(dir, 'history.db');
    expect((await cli(['snapshot', '--store', store])).code).toBe(0);
    const history = JSON.parse((await cli(['history', '--json', '--store', store])).stdout);
    expect(JSON.stringify(history)).toContain('"provider":"ledgerly"');
  });

  it('the library API reads it: loadConfig, fetchBalances, canWithdraw', async () => {
    const loaded = await loadConfig({ configPath: config, env: ENV });
    const runtime = createRuntime();
    try {
      const result = await fetchBalances(loaded, { env: ENV, runtime });
      expect(result.complete).toBe(true);
      expect(result.balances.map((b) => b.available?.toFixed())).toEqual(['1250.5', '9900.5', '123456.789012345678901234', '50']);
      const decision = await canWithdraw(loaded, { currency: 'USDT', amount: '100' }, { env: ENV, runtime });
      expect([decision.decision, decision.account]).toEqual(['yes', 'ledgerly-main']);
    } finally {
      await runtime.close();
    }
  });

  it('--provider selects declared providers, in any case; completion offers them', async () => {
    const accountsOf = (stdout: string) => [...new Set((JSON.parse(stdout).balances as { account: string }[]).map((b) => b.account))];
    const lower = await cli(['balances', '--json', '--provider', 'ledgerly']);
    expect([lower.code, accountsOf(lower.stdout)]).toEqual([0, ['ledgerly-main']]);
    const mixed = await cli(['balances', '--json', '--provider', 'Ledgerly']);
    expect([mixed.code, accountsOf(mixed.stdout)]).toEqual([0, ['ledgerly-main']]);
    const unknown = await cli(['balances', '--provider', 'ledgerlly']);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining("unknown provider 'ledgerlly' (did you mean 'ledgerly'?)")]);
    const completion = await cli(['completion', '--providers']);
    expect(completion).toMatchObject({ code: 0, stdout: 'flow-payments\nsyncpay\nbachs\nswipelux\ncryptofuse\nledgerly\n', stderr: '' });
    // The scripts ask for them where the global --provider is taken; config init --provider offers the built-in ones.
    const script = (await runCli(['completion', 'bash'])).stdout;
    expect(script).toContain(`*'|-p'|*'|--provider') echo '@providers' ;;`);
    expect(script).toContain(`'config init|-p'|'config init|--provider') echo 'flow-payments syncpay bachs swipelux cryptofuse' ;;`);
  });

  it('the client secret and the access token never appear, even when the provider echoes them', async () => {
    fake.override = (req) =>
      req.path === '/v2/wallets'
        ? { status: 500, body: `{"error": {"code": "boom", "message": "token ${LEDGERLY_TOKEN} and secret ${LEDGERLY_CLIENT.secret} rejected"}}` }
        : null;
    const { code, stdout, stderr } = await cli(['balances', '--json', '--debug']);
    expect(code).toBe(5);
    for (const secret of [LEDGERLY_TOKEN, LEDGERLY_CLIENT.secret, LEDGERLY_TOKEN.slice(4, 20)]) {
      expect(stdout + stderr).not.toContain(secret);
    }
    expect(JSON.parse(stdout).errors[0]).toMatchObject({ code: 'PROVIDER_ERROR', message: expect.stringContaining('500 boom: token') });
  });
});
