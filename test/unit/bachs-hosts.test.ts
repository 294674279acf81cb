// Which host and mode a Bachs account uses, decided before any request; and the X-RateLimit-*
// reading that paces it.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { exhaustedUntil } from '../../src/http/rate-limit-headers.js';
import { bachsTarget } from '../../src/providers/bachs/hosts.js';
import { BACHS_INFO } from '../../src/providers/bachs/info.js';
import type { AdapterContext } from '../../src/providers/kit/adapter.js';
import { defaultHttpSettings } from '../../src/http/client.js';
import { createRuntime } from '../../src/http/runtime.js';

function ctx(apiKey: string, baseUrl: string | null = null, mode: 'live' | 'test' | null = null): AdapterContext {
  return {
    account: { name: 'pay', provider: 'bachs', baseUrl, mode, secrets: {}, settings: {}, credentials: { apiKey } },
    info: BACHS_INFO,
    baseUrl: baseUrl ?? BACHS_INFO.defaultBaseUrl,
    http: defaultHttpSettings({ runtime: createRuntime() }),
    includeZero: true,
  };
}

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('bachsTarget', () => {
  it.each([
    ['sk_sandbox_abc123def456', 'https://sandbox-api.bachs.io', 'test'],
    ['sk_test_abc123def456', 'https://sandbox-api.bachs.io', 'test'],
    ['sk_live_abc123def456', 'https://api.bachs.io', 'live'],
  ])('%s → %s (mode %s)', (key, baseUrl, mode) => {
    expect(bachsTarget(ctx(key))).toEqual({ baseUrl, mode });
  });

  it('a baseUrl replaces the host; the key prefix still sets the mode', () => {
    expect(bachsTarget(ctx('sk_live_abc123def456', 'http://127.0.0.1:9/bachs'))).toEqual({ baseUrl: 'http://127.0.0.1:9/bachs', mode: 'live' });
    expect(bachsTarget(ctx('sk_sandbox_abc123def456', 'https://proxy.example/bachs'))).toEqual({ baseUrl: 'https://proxy.example/bachs', mode: 'test' });
  });

  it('a sandbox key sent to the production host is a config error (exit 3) that never shows the key', () => {
    const error = configError(() => bachsTarget(ctx('sk_sandbox_secret0123456789', 'https://api.bachs.io')));
    expect(error.exitCode).toBe(3);
    expect(error.message).toBe('accounts.pay sends a sandbox key (sk_sandbox_…) to the production host api.bachs.io; Bachs would reject it');
    expect(`${error.message} ${error.hint}`).not.toContain('secret0123');
  });

  it('a live key sent to the sandbox host is a config error too (host case ignored)', () => {
    const error = configError(() => bachsTarget(ctx('sk_live_abc123def456', 'https://SANDBOX-API.bachs.io/')));
    expect(error.message).toContain('a live key (sk_live_…) to the sandbox host sandbox-api.bachs.io');
  });

  it('an unknown prefix without baseUrl or mode cannot pick a host', () => {
    const error = configError(() => bachsTarget(ctx('abc123def456')));
    expect(error.message).toBe('accounts.pay.apiKey does not start with sk_sandbox_ or sk_live_, so the Bachs host (sandbox or production) is unknown');
    expect(bachsTarget(ctx('abc123def456', null, 'live'))).toEqual({ baseUrl: 'https://api.bachs.io', mode: 'live' });
    expect(bachsTarget(ctx('abc123def456', 'http://127.0.0.1:9'))).toEqual({ baseUrl: 'http://127.0.0.1:9', mode: null });
  });

  it('a mode that contradicts the key is a config error', () => {
    expect(configError(() => bachsTarget(ctx('sk_sandbox_abc123def456', null, 'live'))).message).toBe(
      'accounts.pay.mode is live, but its key (sk_sandbox_…) is a test key',
    );
  });
});

describe('exhaustedUntil (X-RateLimit-Remaining / -Reset)', () => {
  const now = 1_800_000_000_000;
  it('Remaining 0 with a Unix-seconds reset pauses until then', () => {
    expect(exhaustedUntil({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1800000030' }, now)).toBe(now + 30_000);
  });
  it('a small reset is seconds from now', () => {
    expect(exhaustedUntil({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '12' }, now)).toBe(now + 12_000);
  });
  it.each([
    [{ 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '1800000030' }],
    [{ 'x-ratelimit-remaining': '0' }],
    [{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': 'soon' }],
    [{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1799999990' }],
    [{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '99999999999' }],
    [{ 'x-ratelimit-remaining': '-1', 'x-ratelimit-reset': '10' }],
    [{}],
  ])('no pause for %j', (headers) => {
    expect(exhaustedUntil(headers, now)).toBeNull();
  });
});
