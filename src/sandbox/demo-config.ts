// The accounts `demo` and `sandbox --write-config` point at the sandbox: one per provider
// (and per Cryptofuse API shape), with the sandbox's own keys.
import { SAVINGS_WALLET, TRADING_WALLET } from './cryptofuse-data.js';
import { SANDBOX_KEYS } from '../providers/sandbox-keys.js';

const CRYPTOFUSE_WALLETS = { trading: TRADING_WALLET, savings: SAVINGS_WALLET };

export function sandboxAccounts(baseUrl: (provider: string) => string): Record<string, Record<string, unknown>> {
  return {
    'flow-main': { provider: 'flow-payments', baseUrl: `${baseUrl('flow-payments')}/api`, apiKey: SANDBOX_KEYS['flow-payments'], mode: 'test' },
    syncpay: { provider: 'syncpay', baseUrl: baseUrl('syncpay'), apiKey: SANDBOX_KEYS.syncpay },
    // SyncPay's current API; the sk_sandbox_ key makes it mode test.
    bachs: { provider: 'bachs', baseUrl: baseUrl('bachs'), apiKey: SANDBOX_KEYS.bachs },
    swipelux: { provider: 'swipelux', baseUrl: baseUrl('swipelux'), apiKey: SANDBOX_KEYS.swipelux, wallets: ['wal_abc123'], customers: ['cus_abc123'] },
    // Cryptofuse, one account per balance API shape: v1 with an API key and one wallet; v2 with
    // OAuth client credentials and two wallets; v3 (the default) listing no wallets, so it reads
    // every wallet the key can see.
    'casino-v1': {
      provider: 'cryptofuse', apiVersion: 'v1', baseUrl: baseUrl('cryptofuse'), apiKey: SANDBOX_KEYS.cryptofuse, mode: 'test',
      wallets: [CRYPTOFUSE_WALLETS.trading],
    },
    'casino-v2': {
      provider: 'cryptofuse', apiVersion: 'v2', baseUrl: baseUrl('cryptofuse'), mode: 'test',
      clientId: SANDBOX_KEYS.cryptofuseClientId, clientSecret: SANDBOX_KEYS.cryptofuseClientSecret,
      wallets: [CRYPTOFUSE_WALLETS.trading, CRYPTOFUSE_WALLETS.savings],
    },
    'casino-v3': { provider: 'cryptofuse', apiVersion: 'v3', baseUrl: baseUrl('cryptofuse'), apiKey: SANDBOX_KEYS.cryptofuse, mode: 'test' },
  };
}

/** The demo's valuation settings: an example user rate for NGN, stablecoins pegged. */
export const SANDBOX_VALUATION = { rates: { NGN: '0.00065' }, pegged: ['USDT', 'USDC'] };

export function sandboxRawConfig(baseUrl: (provider: string) => string): Record<string, unknown> {
  return { accounts: sandboxAccounts(baseUrl), ...SANDBOX_VALUATION };
}

/**
 * The same config as file text. JSON is valid YAML and keeps the values exactly; a YAML file gets
 * a comment header, a .json file none (JSON has no comments).
 */
export function sandboxConfigText(baseUrl: (provider: string) => string, path: string): string {
  const json = `${JSON.stringify(sandboxRawConfig(baseUrl), null, 2)}\n`;
  return path.toLowerCase().endsWith('.json') ? json : `# balance-inspector config for the local sandbox (keys unlock nothing real)\n${json}`;
}
