// The Swipelux emulator's data beyond the Balances page: the customer list, customer-scoped v1
// wallets (the shape Swipelux's own starter app reads; one amount is a JSON number, kept exact by
// lossless-json), and v3 customers with their accounts (one ready wallet with pending, one without
// pending, one bank account, one still provisioning). Values are illustrative, shapes documented.
import { LosslessNumber } from 'lossless-json';

export interface SwipeluxV3Account {
  id: string;
  type: 'wallet' | 'bank';
  origin: 'issued' | 'external';
  status: string;
  openTaskIds: string[];
  currency: string;
  network?: string;
  label?: string;
  details: Record<string, unknown> | null;
  balances?: Array<{ currency: string; available: string; pending?: string }>;
}

export interface SwipeluxExtraState {
  /** GET /v1/customers: the customer objects, paged by limit/offset as {customers, totalCount, hasMore}. */
  customerList: Array<Record<string, unknown>>;
  /** GET /v1/customers/{id}/wallets[/{walletId}]: wallets by customer (amounts string or number). */
  customerWallets: Map<string, Array<Record<string, unknown>>>;
  /** GET /v3/customers and /v3/customers/{id}/accounts[/{accountId}]. */
  v3Customers: Array<{ id: string; type: string }>;
  v3Accounts: Map<string, SwipeluxV3Account[]>;
  /** The most items one page returns, whatever limit was asked (v1 and v3 lists). */
  maxPageSize: number;
  /**
   * How list pages spell their paging, for tests of the paginator: as documented (camelCase,
   * JSON booleans), snake_case under `pagination` (still clear), hasMore as a string or a number
   * (not clear), or (v1) a totalCount one more than the list holds (ends short of its total).
   */
  pagingStyle: 'documented' | 'snake-case' | 'hasMore-as-string' | 'hasMore-as-number' | 'total-short';
}

export function swipeluxExtraFixtures(): SwipeluxExtraState {
  return {
    customerList: [
      { id: 'cus_abc123', type: 'individual', verificationStatus: 'approved' },
      { id: 'biz_def456', type: 'business', verificationStatus: 'approved' },
    ],
    customerWallets: new Map([
      [
        'cus_abc123',
        [
          { id: 'wal_poly_001', address: '0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb', chain: 'polygon', balances: [{ amount: '2450.00', currency: 'USDC' }] },
          {
            id: 'wal_base_002',
            address: '0x9876543210987654321098765432109876543210',
            chain: 'base',
            balances: [{ amount: new LosslessNumber('310.125'), currency: 'USDC' }],
          },
        ],
      ],
      ['biz_def456', [{ id: 'wal_eth_003', address: '0x1111111111111111111111111111111111111111', chain: 'ethereum', balances: [] }]],
    ]),
    v3Customers: [
      { id: 'cus_abc123', type: 'individual' },
      { id: 'biz_def456', type: 'business' },
    ],
    v3Accounts: new Map([
      [
        'cus_abc123',
        [
          {
            id: 'acc_1',
            type: 'wallet',
            origin: 'issued',
            status: 'ready',
            openTaskIds: [],
            currency: 'USDC',
            network: 'base',
            label: 'Treasury',
            details: { address: '0x742d35Cc6634C0532925a3b844Bc9e7595f0bEb' },
            balances: [{ currency: 'USDC', available: '250.00', pending: '12.50' }],
          },
          {
            id: 'acc_2',
            type: 'wallet',
            origin: 'issued',
            status: 'ready',
            openTaskIds: [],
            currency: 'USDC',
            network: 'polygon',
            label: 'Payouts',
            details: { address: '0x9876543210987654321098765432109876543210' },
            balances: [{ currency: 'USDC', available: '1000.000001' }],
          },
          {
            id: 'acc_3',
            type: 'wallet',
            origin: 'issued',
            status: 'provisioning',
            openTaskIds: ['task_1'],
            currency: 'USDC',
            network: 'ethereum',
            details: null,
          },
        ],
      ],
      [
        'biz_def456',
        [
          {
            id: 'acc_bank_1',
            type: 'bank',
            origin: 'issued',
            status: 'ready',
            openTaskIds: [],
            currency: 'USD',
            label: 'Operating',
            details: { accountNumber: '****6789' },
            balances: [{ currency: 'USD', available: '500.00', pending: '25.00' }],
          },
        ],
      ],
    ]),
    maxPageSize: 100,
    pagingStyle: 'documented',
  };
}
