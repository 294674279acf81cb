// Issue 21 classes 5 and 6 as users meet them: one provider answer with a repeated row does not
// sink the snapshot (that account is reported, exit 6, the rest recorded); the sandbox never lands
// in the default store unless a store is named; its written config keeps its history beside it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FlowAssetRow } from '../../src/providers/flow-payments/emulator/route.js';
import { sandboxConfigText } from '../../src/sandbox/demo-config.js';
import { runCli } from '../helpers/cli.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { tempDir, writeConfig } from '../helpers/fixtures.js';
import { schemaProblems } from '../helpers/schemas.js';

const e2e = useSandbox();
type Doc = Record<string, any>;

const row = (symbol: string, chain: string, balance: string): FlowAssetRow => ({
  asset: { id: symbol.length, name: symbol, symbol, chain, type: 'token', decimals: 6, usd_rate: '1', network_fee: '0', min_confirmations: 1 },
  balanceJson: `"${balance}"`,
  usdValueJson: `"${balance}"`,
});

async function withFlowRows<T>(rows: FlowAssetRow[], fn: () => Promise<T>): Promise<T> {
  const state = e2e.sandbox.state['flow-payments'];
  const before = state.rows;
  state.rows = rows;
  try {
    return await fn();
  } finally {
    state.rows = before;
  }
}

describe('snapshot with a balance the store cannot take', () => {
  it('records every other balance, reports that account alone (exit 6), and the series shows a gap', async () => {
    const store = join(tempDir(), 'history.db');
    const rows = [row('USDC', 'ethereum', '10'), row('USDC_ERC20', 'ethereum', '20'), row('ETH', 'ethereum', '1.5'), row('ETH', 'ethereum', '0.01')];
    const first = await withFlowRows([row('ETH', 'ethereum', '1.5')], () => e2e.cli('snapshot', '--account', 'flow-main', '--store', store));
    expect(first.code, first.stderr).toBe(0);
    const { code, stdout, stderr } = await withFlowRows(rows, () =>
      e2e.cli('snapshot', '--account', 'flow-main', '--account', 'syncpay', '--json', '--store', store),
    );
    expect(code).toBe(6);
    const doc = JSON.parse(stdout) as Doc;
    expect(schemaProblems('snapshot', doc)).toEqual([]);
    expect(doc.errors).toEqual([
      {
        account: 'flow-main',
        provider: 'flow-payments',
        code: 'NOT_RECORDED',
        message:
          "could not record 2 balances of 'flow-main' in the history: ETH on ethereum appears 2 times in one read, so no figure of it can be told for sure",
      },
    ]);
    expect(doc.accounts.map((a: Doc) => [a.account, a.balances, a.error])).toEqual([
      ['flow-main', 2, 'NOT_RECORDED'],
      ['syncpay', doc.accounts[1].balances, null],
    ]);
    expect(stderr).toMatch(
      /^recorded \d+ balances from 2 accounts in \S+history\.db; 2 balances could not be recorded\nerror: could not record 2 balances of 'flow-main'/m,
    );
    const history = JSON.parse((await runCli(['history', '--json', '--account', 'flow-main', '--store', store])).stdout) as Doc;
    const view = history.series.map((s: Doc) => [s.providerCurrency, s.points.map((p: Doc) => [p.total, p.error])]);
    expect(view).toEqual([
      [
        'ETH',
        [
          ['1.5', null],
          [null, 'NOT_RECORDED'],
        ],
      ],
      ['USDC', [['10', null]]],
      ['USDC_ERC20', [['20', null]]],
    ]);
  });
});

describe('the sandbox and the default store', () => {
  it('snapshot and watch --record refuse to put sandbox accounts in the default store (exit 3); a named store is fine', async () => {
    const home = tempDir();
    const env = { HOME: home, XDG_DATA_HOME: '' };
    for (const args of [
      ['snapshot', '--account', 'syncpay'],
      ['watch', '--record', '--account', 'syncpay', '--count', '1', '--interval', '1s'],
    ]) {
      const { code, stdout, stderr } = await e2e.cliWith(args, { env });
      expect([code, stdout], args.join(' ')).toEqual([3, '']);
      expect(stderr).toMatch(
        /^error: 'syncpay' is an account of the local sandbox, which is not recorded in the default history store\n {2}hint: give --store <file>/,
      );
    }
    expect(existsSync(join(home, '.local', 'share', 'balance-inspector'))).toBe(false);
    expect((await e2e.cliWith(['snapshot', '--account', 'syncpay', '--store', join(home, 'sandbox.db')], { env })).code).toBe(0);
  });

  it('sandbox --write-config keeps its history beside the config, so snapshot works from it', async () => {
    const dir = tempDir();
    const path = join(dir, 'sandbox.yaml');
    const text = await sandboxConfigText(e2e.sandbox.baseUrl, path);
    expect(JSON.parse(text.slice(text.indexOf('{'))).history).toEqual({ store: 'sandbox-history.db' });
    writeConfig(dir, text, 'sandbox.yaml');
    const { code, stderr } = await runCli(['snapshot', '--account', 'syncpay', '--config', path], { env: { HOME: tempDir() } });
    expect(code, stderr).toBe(0);
    expect(existsSync(join(dir, 'sandbox-history.db'))).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain('"store": "sandbox-history.db"');
  });
});
