// The proof of issue 24: Flow Payments and SyncPay written as declarations (examples/providers/)
// read the sandbox's emulators exactly as the built-in adapters do. `balances --json`, `total --json`
// and `can-withdraw --json` (decisions, exit codes, every figure and reason) are compared with the
// built-in provider's, the same account name in two configs; only provenance may differ.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load.js';
import { SANDBOX_KEYS } from '../../src/providers/sandbox-keys.js';
import { runCli } from '../helpers/cli.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { writeConfig } from '../helpers/fixtures.js';

const e2e = useSandbox();
const EXAMPLES = join(import.meta.dirname, '../../examples/providers');
const ENV = { FLOW_API_KEY: SANDBOX_KEYS['flow-payments'].apiKey, SYNCPAY_API_KEY: SANDBOX_KEYS.syncpay.apiKey };

/**
 * The fields allowed to differ, each with its reason: the provider's id (`flow-declared` vs
 * `flow-payments`), and the USD source, which names the provider whose own rate or value priced a
 * balance (valuation: "<provider id>", "<provider id>:<account>").
 */
const PROVENANCE = ['provider', 'usdSource', 'sources', 'generatedAt'];

function withoutProvenance(value: unknown, builtIn: string, declared: string): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutProvenance(v, builtIn, declared));
  if (typeof value === 'string') return value.replaceAll(declared, builtIn);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !PROVENANCE.includes(key))
      .map(([key, v]) => [key, withoutProvenance(v, builtIn, declared)]),
  );
}

interface Pair {
  builtIn: string;
  declared: string;
  example: string;
  account: string;
  /** The account's base URL on the sandbox (each provider is mounted under /<id>). */
  baseUrl: () => string;
}

const PAIRS: Pair[] = [
  {
    builtIn: 'flow-payments',
    declared: 'flow-declared',
    example: 'flow-payments.yaml',
    account: 'flow-main',
    baseUrl: () => `${e2e.sandbox.baseUrl('flow-payments')}/api`,
  },
  { builtIn: 'syncpay', declared: 'syncpay-declared', example: 'syncpay.yaml', account: 'syncpay', baseUrl: () => e2e.sandbox.baseUrl('syncpay') },
];

/** The example as written, its account pointed at the sandbox; and the same account with the built-in provider. */
async function configs(pair: Pair): Promise<{ declared: string; builtIn: string }> {
  const example = (await loadConfigFile(join(EXAMPLES, pair.example))) as { providers: unknown; accounts: Record<string, Record<string, unknown>> };
  const account = { ...example.accounts[pair.account], baseUrl: pair.baseUrl() };
  const extra = { rates: { NGN: '0.00065' }, pegged: ['USDT'] };
  return {
    declared: writeConfig(e2e.dir, { providers: example.providers, accounts: { [pair.account]: account }, ...extra }, `${pair.declared}.json`),
    builtIn: writeConfig(e2e.dir, { accounts: { [pair.account]: { ...account, provider: pair.builtIn } }, ...extra }, `${pair.builtIn}.json`),
  };
}

async function both(pair: Pair, args: string[]) {
  const paths = await configs(pair);
  const run = (config: string) => runCli([...args, '--config', config], { env: ENV });
  const [builtIn, declared] = [await run(paths.builtIn), await run(paths.declared)];
  return { builtIn, declared };
}

const WITHDRAWALS: Record<string, string[][]> = {
  'flow-main': [
    ['ETH', '0.00009'],
    ['ETH', '0.000090074983482468'],
    ['ETH', '0.0001'],
    ['ETH', '0.0000000000000000001'],
    ['BTC', '0.001'],
    ['USDT', '1'],
  ],
  syncpay: [
    ['XOF', '1000'],
    ['USD', '100'],
    ['USD', '5'],
    ['USD', '1250.51'],
    ['NGN', '10000'],
    ['GHS', '60'],
    ['USDT', '10'],
    ['USDT', '0.123456789'],
    ['USDT', '9'],
    ['KES', '600'],
  ],
};

describe.each(PAIRS)('$example declares $builtIn', (pair) => {
  it('balances --json: the same balances and figures', async () => {
    const { builtIn, declared } = await both(pair, ['balances', '--json']);
    expect([declared.code, declared.stderr]).toEqual([builtIn.code, builtIn.stderr]);
    const [a, b] = [JSON.parse(builtIn.stdout), JSON.parse(declared.stdout)];
    expect(a.balances.length).toBeGreaterThan(1);
    expect(b.balances.every((x: { provider: string }) => x.provider === pair.declared)).toBe(true);
    expect(withoutProvenance(b, pair.builtIn, pair.declared)).toEqual(withoutProvenance(a, pair.builtIn, pair.declared));
  });

  it('total --json: the same groups, total and reconciliation', async () => {
    const { builtIn, declared } = await both(pair, ['total', '--json']);
    expect(declared.code).toBe(builtIn.code);
    expect(withoutProvenance(JSON.parse(declared.stdout), pair.builtIn, pair.declared)).toEqual(
      withoutProvenance(JSON.parse(builtIn.stdout), pair.builtIn, pair.declared),
    );
  });

  it('can-withdraw: the same decision, exit code and reasons for every request', async () => {
    // A SyncPay currency outside its documented minimum table: unknown minimum, an "unknown" answer.
    const rows = e2e.sandbox.state.syncpay.balances;
    rows.push({ currency: 'XOF', available_balance: '90000.00', pending_balance: '0.00' });
    const decisions: string[] = [];
    try {
      for (const [currency = '', amount = ''] of WITHDRAWALS[pair.account] ?? []) {
        const { builtIn, declared } = await both(pair, ['can-withdraw', currency, amount, '--json']);
        const [a, b] = [JSON.parse(builtIn.stdout), JSON.parse(declared.stdout)];
        expect(declared.code, `${currency} ${amount}`).toBe(builtIn.code);
        expect(withoutProvenance(b, pair.builtIn, pair.declared), `${currency} ${amount}`).toEqual(withoutProvenance(a, pair.builtIn, pair.declared));
        decisions.push(`${currency} ${amount}: ${a.decision}`);
      }
    } finally {
      rows.pop();
    }
    // The same requests as one payout run (--batch): each approved payout is promised its money.
    const run = join(e2e.dir, `${pair.account}-run.csv`);
    writeFileSync(
      run,
      ['id,currency,amount', ...(WITHDRAWALS[pair.account] ?? []).map(([c, a], i) => `p${i},${c},${a}`), 'again,USD,1200', 'again-eth,ETH,0.00009'].join('\n'),
    );
    const { builtIn, declared } = await both(pair, ['can-withdraw', '--batch', run, '--json']);
    expect(declared.code).toBe(builtIn.code);
    expect(withoutProvenance(JSON.parse(declared.stdout), pair.builtIn, pair.declared)).toEqual(
      withoutProvenance(JSON.parse(builtIn.stdout), pair.builtIn, pair.declared),
    );
    // The requests cover every kind of answer, so the comparison is not of yeses alone.
    expect(new Set(decisions.map((d) => d.split(': ')[1]))).toEqual(new Set(pair.account === 'syncpay' ? ['yes', 'no', 'unknown'] : ['yes', 'no']));
  });
});
