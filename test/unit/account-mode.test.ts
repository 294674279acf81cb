// One place tells an account's mode from its setup (providers/account-mode.ts): config `mode`,
// then a host that is one mode, then the key's prefix — for every provider, so a failed read, a
// successful one and `config check` agree.
import { describe, expect, it } from 'vitest';
import { setupMode } from '../../src/providers/account-mode.js';
import { PROVIDERS } from '../../src/providers/catalog.js';

const mode = (provider: keyof typeof PROVIDERS, baseUrl: string | null, apiKey?: string, configured: 'live' | 'test' | null = null) =>
  setupMode({ mode: configured, baseUrl, ...(apiKey === undefined ? {} : { credentials: { apiKey } }) }, PROVIDERS[provider]);

describe('setupMode', () => {
  it.each([
    ['flow-payments', 'https://api-staging.flow-payments.com/api', 'sk_live_x', null, 'test'],
    ['flow-payments', null, 'sk_test_x', null, 'live'],
    ['flow-payments', 'http://127.0.0.1:9/api', 'sk_test_x', null, 'test'],
    ['syncpay', null, 'sk_test_x', null, 'test'],
    ['syncpay', null, 'sk_live_x', null, 'live'],
    ['syncpay', null, 'sk_live_x', 'test', 'test'],
    ['bachs', null, 'sk_sandbox_x', null, 'test'],
    ['bachs', 'http://127.0.0.1:9', 'sk_test_x', null, 'test'],
    ['bachs', null, 'sk_live_x', null, 'live'],
    ['swipelux', 'https://platform.sbx.swipelux.com', 'sk.live.x', null, 'test'],
    ['swipelux', null, 'sk.sbx.x', null, 'test'],
    ['swipelux', null, 'sk_test_x', null, null],
    ['cryptofuse', null, 'cfk_x', null, null],
    ['cryptofuse', null, 'cfk_x', 'test', 'test'],
  ] as const)('%s at %s with key %s (config mode %s) is %s', (provider, baseUrl, key, configured, expected) => {
    expect(mode(provider, baseUrl, key, configured)).toBe(expected);
  });

  it('without credentials (an unset ${VAR}) only the config and the host tell', () => {
    expect(mode('syncpay', null)).toBeNull();
    expect(mode('swipelux', 'https://platform.sbx.swipelux.com/')).toBe('test');
    expect(mode('syncpay', null, undefined, 'live')).toBe('live');
  });
});
