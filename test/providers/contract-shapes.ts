// Every response shape the adapters support, as a sandbox account (plus the sandbox setting that
// makes the emulator answer that shape). The contract test runs each one.
import type { Sandbox } from '../../src/sandbox/server.js';
import { sandboxAccounts } from '../../src/sandbox/demo-config.js';

export interface ShapeCase {
  shape: string;
  account: Record<string, unknown>;
  /** Make the sandbox answer this shape (reset by the next case's own setup). */
  setup?: (sandbox: Sandbox) => void;
}

/** The cases with accounts pointing at `baseUrl` (a placeholder works for listing their names). */
export async function shapeCases(baseUrl: (provider: string) => string): Promise<ShapeCase[]> {
  const demo = await sandboxAccounts(baseUrl);
  const swipe = (settings: Record<string, unknown>) => ({ ...demo.swipelux, wallets: undefined, customers: undefined, ...settings });
  const cfList = (listShape: 'result' | 'array' | 'accounts') => (s: Sandbox) => {
    s.state.cryptofuse.listShape = listShape;
  };
  return [
    { shape: 'flow-payments GET /api/balances', account: demo['flow-main']! },
    { shape: 'syncpay GET /api/v1/accounts/balances', account: demo.syncpay! },
    { shape: 'bachs GET /v1/accounts/balances', account: demo.bachs! },
    { shape: 'swipelux v1 GET /v1/wallets/{id}/balance', account: swipe({ wallets: ['wal_abc123'] }) },
    { shape: 'swipelux v1 GET /v1/customers/{id}/balances', account: swipe({ customers: ['cus_abc123'] }) },
    { shape: 'swipelux v1 GET /v1/customers/{c}/wallets/{w}', account: swipe({ wallets: ['cus_abc123/wal_base_002'] }) },
    { shape: 'swipelux v1 GET /v1/customers + /v1/customers/{id}/wallets', account: swipe({}) },
    { shape: 'swipelux v3 GET /v3/customers/{c}/accounts', account: swipe({ apiVersion: 'v3', customers: ['cus_abc123'] }) },
    { shape: 'swipelux v3 GET /v3/customers/{c}/accounts/{a}', account: swipe({ apiVersion: 'v3', wallets: ['biz_def456/acc_bank_1'] }) },
    { shape: 'swipelux v3 GET /v3/customers + accounts', account: swipe({ apiVersion: 'v3' }) },
    { shape: 'cryptofuse v1 GET /wallets/balances', account: demo['casino-v1']! },
    { shape: 'cryptofuse v2 POST /wallets/balance (OAuth)', account: demo['casino-v2']! },
    { shape: 'cryptofuse v3 POST /wallets/balances/ via {result: {wallets}}', account: demo['casino-v3']!, setup: cfList('result') },
    { shape: 'cryptofuse v3 via a bare wallet array', account: demo['casino-v3']!, setup: cfList('array') },
    { shape: 'cryptofuse GET /wallets/ {accounts: [… balances]}', account: demo['casino-v3']!, setup: cfList('accounts') },
  ];
}
