// Duplicates decide nothing, wherever they appear (issue 21 class 1): a wallet, a balance row or a
// withdrawal limit named twice makes the figures of that identity unknown — can-withdraw answers
// "unknown" (exit 6), never a yes from whichever entry came first, never a no. Each provider and
// each list a decision rests on, in several spellings.
import { describe, expect, it } from 'vitest';
import { SAVINGS_WALLET, TRADING_WALLET } from '../../src/providers/cryptofuse/emulator/data.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';

const e2e = useSandbox();
const body = (provider: string, path: string, doc: unknown, times = 1) =>
  e2e.sandbox.faults.add({ provider, path, kind: 'body', body: JSON.stringify(doc), times });
const v3Row = (currency: string, available: string) => ({ currency, amount: available, pending_amount: '0.00', available_balance: available });
const listed = (...entries: Array<{ id: string; rows: unknown[] }>) => ({
  accounts: entries.map((e) => ({ id: e.id, name: 'Wallet', external_id: e.id, wallet_id: 'w_1', balances: e.rows })),
  total: entries.length,
});

describe('a wallet list naming one wallet twice', () => {
  it('Cryptofuse: 5,000 and 10 USDT for one wallet is unknown, not a yes from the 5,000', async () => {
    body(
      'cryptofuse',
      '/wallets/',
      listed({ id: TRADING_WALLET, rows: [v3Row('USDTTRC20', '5000.00')] }, { id: TRADING_WALLET, rows: [v3Row('USDTTRC20', '10.00')] }),
    );
    const { code, stdout, stderr } = await e2e.cli('can-withdraw', 'USDTTRC20', '100', '--account', 'casino-v3');
    expect(code).toBe(6);
    expect(stdout).toBe('');
    // The paginator reads neither entry of an id named twice: the list is incomplete.
    expect(stderr).toMatch(
      /the wallet list names "550e8400-e29b-41d4-a716-446655440000" more than once \(page 1\); the list is not stable, so neither entry is used/,
    );
  });

  it('with the id in another case (which the list does not call the same), the sanity boundary still catches it', async () => {
    body(
      'cryptofuse',
      '/wallets/',
      listed({ id: TRADING_WALLET, rows: [v3Row('USDTTRC20', '10.00')] }, { id: TRADING_WALLET.toUpperCase(), rows: [v3Row('usdttrc20', '5000.00')] }),
    );
    const { code, stderr } = await e2e.cli('can-withdraw', 'USDTTRC20', '5', '--account', 'casino-v3');
    expect(code).toBe(6);
    expect(stderr).toMatch(/listed 2 times in one read \(10\.00, 5000\.00\)/);
  });

  it('the other wallets of the list still answer', async () => {
    body(
      'cryptofuse',
      '/wallets/',
      listed(
        { id: TRADING_WALLET, rows: [v3Row('USDTTRC20', '10.00')] },
        { id: TRADING_WALLET, rows: [v3Row('USDTTRC20', '5000.00')] },
        { id: SAVINGS_WALLET, rows: [v3Row('USDCERC20', '750.000000')] },
      ),
    );
    const { code, stdout } = await e2e.cli('can-withdraw', 'USDCERC20', '100', '--account', 'casino-v3', '--quiet');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^yes: 'casino-v3' can withdraw 100 USDCERC20/);
  });

  it('balances --json marks every copy inconsistent when one wallet comes back under two spellings of its id', async () => {
    body(
      'cryptofuse',
      '/wallets/',
      listed({ id: TRADING_WALLET, rows: [v3Row('USDTTRC20', '5000.00')] }, { id: TRADING_WALLET.toUpperCase(), rows: [v3Row('USDTTRC20', '10.00')] }),
    );
    const { code, stdout } = await e2e.cli('balances', '--account', 'casino-v3', '--json');
    expect(code).toBe(0);
    const rows = (JSON.parse(stdout) as { balances: Array<{ available: string; inconsistent?: unknown[] }> }).balances;
    expect(rows.map((r) => [r.available, Boolean(r.inconsistent)])).toEqual([
      ['5000.00', true],
      ['10.00', true],
    ]);
  });
});

describe('a balance list naming one currency twice', () => {
  it('Flow: ETH listed twice (in two spellings of its symbol) is unknown', async () => {
    const asset = (symbol: string) => ({ symbol, chain: 'ethereum', decimals: 18, usd_rate: '3000', network_fee: '0' });
    body('flow-payments', '/balances', {
      data: [
        { asset: asset('ETH'), balance: '9.5' },
        { asset: asset('eth'), balance: '0.01' },
      ],
    });
    const { code, stderr } = await e2e.cli('can-withdraw', 'ETH', '1', '--account', 'flow-main');
    expect(code).toBe(6);
    expect(stderr).toMatch(/listed 2 times in one read \(9\.5, 0\.01\)/);
  });

  it('SyncPay: USDT_TRC20 and usdttrc20 in one answer are one currency named twice', async () => {
    body('syncpay', '/accounts/balances', {
      success: true,
      balances: [
        { currency: 'USDT_TRC20', available_balance: '5000.00', pending_balance: '0.00' },
        { currency: 'usdttrc20', available_balance: '10.00', pending_balance: '0.00' },
      ],
    });
    const { code, stderr } = await e2e.cli('can-withdraw', 'USDT', '100', '--account', 'syncpay');
    expect(code).toBe(6);
    expect(stderr).toMatch(/listed 2 times in one read/);
  });

  it('Swipelux: a wallet read on its own and inside its customer, with different figures, decides nothing', async () => {
    body('swipelux', '/v1/customers/cus_abc123/balances', {
      customerId: 'cus_abc123',
      wallets: [{ walletId: 'wal_abc123', network: 'polygon', balances: [{ currency: 'USDC', amount: '9000.00' }] }],
    });
    const { code, stderr } = await e2e.cli('can-withdraw', 'USDC', '2000', '--account', 'swipelux', '--mode', 'test');
    expect(code).toBe(6);
    expect(stderr).toMatch(/listed 2 times in one read \(1250\.50, 9000\.00\)/);
  });

  it('Swipelux: the same wallet with the same figures in both reads is counted once and answers', async () => {
    body('swipelux', '/v1/customers/cus_abc123/balances', {
      customerId: 'cus_abc123',
      wallets: [
        {
          walletId: 'wal_abc123',
          network: 'polygon',
          balances: [
            { currency: 'USDC', amount: '1250.50' },
            { currency: 'USDT', amount: '0.00' },
          ],
        },
      ],
    });
    const { code, stdout } = await e2e.cli('can-withdraw', 'USDC', '1000', '--account', 'swipelux', '--mode', 'test', '--quiet');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^yes: 'swipelux' can withdraw 1000 USDC/);
  });
});

describe('a limits list naming one currency twice', () => {
  const limit = (currency: string, blockchain: string, max: string) => ({
    currency,
    name: currency,
    blockchain,
    token: 'USDT',
    balance: '400.00',
    min_withdrawal: '10.00',
    max_withdrawal: max,
  });
  const cases: Array<[string, unknown[]]> = [
    ['the same code twice', [limit('USDTTRC20', 'TRX', '100000'), limit('USDTTRC20', 'TRX', '50')]],
    ['the code in two spellings', [limit('USDTTRC20', 'TRX', '50'), limit('usdt_trc20', 'TRX', '100000')]],
    ['two codes for one coin on one network', [limit('USDTTRC20', 'TRX', '100000'), limit('USDT', 'TRX', '50')]],
  ];
  for (const [what, currencies] of cases) {
    it(`${what}: max 100,000 and max 50 give no yes for 200 (unknown, exit 6)`, async () => {
      body('cryptofuse', '/withdrawal/available-currencies/', { currencies, total: currencies.length });
      const { code, stdout, stderr } = await e2e.cli('can-withdraw', 'USDTTRC20', '200', '--account', 'casino-v3');
      expect([code, stdout]).toEqual([6, '']);
      // The same code twice: the paginator refuses the list; other spellings: the sanity boundary.
      expect(stderr).toMatch(
        /inconsistent limits: Cryptofuse reported .*one currency listed 2 times for USDTTRC20 in 'casino-v3'|unknown minimum: Cryptofuse withdrawal limits could not be read/,
      );
    });
  }

  it('a limit listed once beside another currency still decides (a known no above its maximum)', async () => {
    body('cryptofuse', '/withdrawal/available-currencies/', { currencies: [limit('USDTTRC20', 'TRX', '50'), limit('USDTERC20', 'ETH', '100000')], total: 2 });
    const { code, stderr } = await e2e.cli('can-withdraw', 'USDTTRC20', '200', '--account', 'casino-v3');
    expect(code).toBe(1);
    expect(stderr).toMatch(/above maximum: 200 > 50 USDTTRC20/);
  });
});
