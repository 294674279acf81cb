// The Cryptofuse accounts `demo` and `sandbox --write-config` point at this emulator, one per
// balance API shape: v1 with an API key and one wallet; v2 with OAuth client credentials and two
// wallets; v3 (the default) listing no wallets, so it reads every wallet the key can see.
import { CRYPTOFUSE_INFO } from '../info.js';
import { SAVINGS_WALLET, TRADING_WALLET } from './data.js';

export function cryptofuseDemoAccounts(base: string): Record<string, Record<string, unknown>> {
  const keys = CRYPTOFUSE_INFO.sandboxCredentials;
  return {
    'casino-v1': {
      provider: 'cryptofuse',
      apiVersion: 'v1',
      baseUrl: base,
      apiKey: keys.apiKey,
      mode: 'test',
      wallets: [TRADING_WALLET],
    },
    'casino-v2': {
      provider: 'cryptofuse',
      apiVersion: 'v2',
      baseUrl: base,
      mode: 'test',
      clientId: keys.clientId,
      clientSecret: keys.clientSecret,
      wallets: [TRADING_WALLET, SAVINGS_WALLET],
    },
    'casino-v3': { provider: 'cryptofuse', apiVersion: 'v3', baseUrl: base, apiKey: keys.apiKey, mode: 'test' },
  };
}
