// The Cryptofuse emulator's data: the docs' example bodies for the first wallet (one per API
// version, exactly as the pages show them, so the same wallet has a different name per version),
// and a constructed second wallet from the wallet list. v2 and v3 amounts that the docs show as
// JSON numbers are LosslessNumber values, which lossless-json serializes digit for digit.
import { LosslessNumber } from 'lossless-json';

const n = (text: string) => new LosslessNumber(text);
type Amount = string | LosslessNumber;

export const TRADING_WALLET = '550e8400-e29b-41d4-a716-446655440000';
export const SAVINGS_WALLET = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

export interface V2Balance {
  available: Amount;
  pending: Amount;
  total: Amount;
  usd_value: Amount;
  address: string;
  blockchain: string;
  last_transaction_at: string;
}

export interface CryptofuseState {
  /** Every wallet the sandbox knows (GET /wallets/ lists them; unknown ids are 404). */
  wallets: Array<{ id: string; name: string; created_at: string }>;
  /**
   * GET /wallets/ answers {result: {wallets, total, limit, offset}}, like the other docs page a bare
   * array, or like the newer page {accounts: [wallet + its v3 balances], total}.
   */
  listShape: 'result' | 'array' | 'accounts';
  /** Which list path answers: both, or only one (the other redirects with 301, or is 404). */
  listPath: 'both' | '/wallets' | '/wallets/';
  otherListPath: 301 | 404;
  /** The most wallets one list page returns, whatever limit was asked (docs: 100). */
  maxPageSize: number;
  v1: Record<string, { name: string; balances: Array<{ currency: string; amount: Amount; pendingAmount: Amount }> }>;
  v2: Record<string, { name: string; balances: Record<string, V2Balance>; totalUsd: Amount; lastUpdated: string }>;
  v3: Record<string, { account: { id: string; name: string; external_id: string; wallet_id: string }; balances: Array<Record<string, Amount>> }>;
  withdrawalCurrencies: Array<Record<string, Amount>>;
  /** OAuth clients (id → secret) and the tokens issued to them (token → expiry, ms). */
  clients: Map<string, string>;
  tokens: Map<string, number>;
  /** expires_in of new tokens; the integration guide's example says 36000. */
  tokenLifetimeSeconds: number;
}

export function cryptofuseFixtures(): Omit<CryptofuseState, 'clients' | 'tokens'> {
  return {
    wallets: [
      { id: TRADING_WALLET, name: 'Trading Wallet', created_at: '2025-03-15T10:20:30.456Z' },
      { id: SAVINGS_WALLET, name: 'Savings Wallet', created_at: '2025-04-01T08:15:30.123Z' },
    ],
    listShape: 'result',
    listPath: 'both',
    otherListPath: 301,
    maxPageSize: 100,
    v1: {
      // Doc page 003's example.
      [TRADING_WALLET]: {
        name: 'Trading Wallet',
        balances: [
          { currency: 'usdttrc20', amount: '1000.50', pendingAmount: '0.00' },
          { currency: 'usdterc20', amount: '500.75', pendingAmount: '100.00' },
          { currency: 'btc', amount: '0.05', pendingAmount: '0.00' },
        ],
      },
      [SAVINGS_WALLET]: { name: 'Savings Wallet', balances: [{ currency: 'usdcerc20', amount: '2500.000000', pendingAmount: '0.000000' }] },
    },
    v2: {
      // Doc page 004's example, numbers as written there.
      [TRADING_WALLET]: {
        name: 'Player Account',
        balances: {
          btc: {
            available: n('0.025'),
            pending: n('0.01'),
            total: n('0.035'),
            usd_value: n('1421.75'),
            address: '3FZbgi29cpjq2GjdwV8eyHuJJnkLtktZc5',
            blockchain: 'BTC',
            last_transaction_at: '2025-04-28T09:12:33.456Z',
          },
          eth: {
            available: n('0.5'),
            pending: n('0'),
            total: n('0.5'),
            usd_value: n('1100.00'),
            address: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e',
            blockchain: 'ETH',
            last_transaction_at: '2025-04-15T14:22:45.678Z',
          },
          usdt: {
            available: n('500.00'),
            pending: n('100.00'),
            total: n('600.00'),
            usd_value: n('600.00'),
            address: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e',
            blockchain: 'ETH',
            last_transaction_at: '2025-04-29T16:30:12.345Z',
          },
        },
        totalUsd: n('3121.75'),
        lastUpdated: '2025-04-30T16:45:22.123Z',
      },
      // Constructed: an ETH balance with all 18 decimals as a JSON number (float64 would lose them),
      // and a zero row that include_zero_balances decides about.
      [SAVINGS_WALLET]: {
        name: 'Savings Wallet',
        balances: {
          eth: {
            available: n('1.234567890123456789'),
            pending: n('0'),
            total: n('1.234567890123456789'),
            usd_value: n('2895.92'),
            address: '0x9876543210987654321098765432109876543210',
            blockchain: 'ETH',
            last_transaction_at: '2025-04-30T12:00:00.000Z',
          },
          trx: {
            available: n('0'),
            pending: n('0'),
            total: n('0'),
            usd_value: n('0'),
            address: 'TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE',
            blockchain: 'TRX',
            last_transaction_at: '2025-02-01T00:00:00.000Z',
          },
        },
        totalUsd: n('2895.92'),
        lastUpdated: '2025-04-30T16:45:22.123Z',
      },
    },
    v3: {
      // The current (/pl/) docs' example: strings although the table says number.
      [TRADING_WALLET]: {
        account: { id: TRADING_WALLET, name: 'Player 12345', external_id: 'player-12345', wallet_id: 'w_abc123def456' },
        balances: [
          { currency: 'USDTTRC20', amount: '500.00', pending_amount: '100.00', available_balance: '400.00' },
          { currency: 'BTC', amount: '0.025', pending_amount: '0.00', available_balance: '0.025' },
        ],
      },
      // Constructed: JSON numbers, as the table documents them.
      [SAVINGS_WALLET]: {
        account: { id: SAVINGS_WALLET, name: 'Savings Wallet', external_id: 'treasury-1', wallet_id: 'w_789savings000' },
        balances: [
          { currency: 'USDTPOLYGON', amount: n('250.50'), pending_amount: n('0'), available_balance: n('250.50') },
          { currency: 'USDCERC20', amount: n('1000.000000'), pending_amount: n('250.000000'), available_balance: n('750.000000') },
        ],
      },
    },
    // Constructed from the documented fields of /withdrawal/available-currencies/.
    withdrawalCurrencies: [
      {
        currency: 'USDTTRC20',
        name: 'Tether USD (TRC20)',
        blockchain: 'TRX',
        token: 'USDT',
        balance: '400.00',
        min_withdrawal: '10.00',
        max_withdrawal: '400.00',
      },
      {
        currency: 'USDTERC20',
        name: 'Tether USD (ERC20)',
        blockchain: 'ETH',
        token: 'USDT',
        balance: '400.75',
        min_withdrawal: '20.00',
        max_withdrawal: '400.75',
      },
      { currency: 'BTC', name: 'Bitcoin', blockchain: 'BTC', token: 'BTC', balance: '0.025', min_withdrawal: '0.0001', max_withdrawal: '0.025' },
      {
        currency: 'USDCERC20',
        name: 'USD Coin (ERC20)',
        blockchain: 'ETH',
        token: 'USDC',
        balance: n('750.000000'),
        min_withdrawal: n('20'),
        max_withdrawal: n('750.000000'),
      },
    ],
    tokenLifetimeSeconds: 36_000,
  };
}
