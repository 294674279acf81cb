// The accounts `demo` and `sandbox --write-config` point at the sandbox: one per provider
// (and per Cryptofuse API shape once those mounts exist), with the sandbox's own keys.
import { SANDBOX_KEYS } from './keys.js';

export function sandboxAccounts(baseUrl: (provider: string) => string): Record<string, Record<string, unknown>> {
  return {
    'flow-main': { provider: 'flow-payments', baseUrl: `${baseUrl('flow-payments')}/api`, apiKey: SANDBOX_KEYS['flow-payments'], mode: 'test' },
    syncpay: { provider: 'syncpay', baseUrl: baseUrl('syncpay'), apiKey: SANDBOX_KEYS.syncpay },
    swipelux: { provider: 'swipelux', baseUrl: baseUrl('swipelux'), apiKey: SANDBOX_KEYS.swipelux, wallets: ['wal_abc123'], customers: ['cus_abc123'] },
  };
}

/** The demo's valuation settings: an example user rate for NGN, stablecoins pegged. */
export const SANDBOX_VALUATION = { rates: { NGN: '0.00065' }, pegged: ['USDT', 'USDC'] };

export function sandboxRawConfig(baseUrl: (provider: string) => string): Record<string, unknown> {
  return { accounts: sandboxAccounts(baseUrl), ...SANDBOX_VALUATION };
}

/** The same config as YAML text (JSON is valid YAML, and keeps the values exactly). */
export function sandboxConfigYaml(baseUrl: (provider: string) => string): string {
  return `# balance-inspector config for the local sandbox (keys unlock nothing real)\n${JSON.stringify(sandboxRawConfig(baseUrl), null, 2)}\n`;
}
