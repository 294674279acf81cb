// Retry, backoff, Retry-After, timeouts and the other transport rules, against the sandbox.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { sandboxRawConfig } from '../../src/sandbox/demo-config.js';
import { parseRetryAfter, backoffDelay } from '../../src/http/retry.js';
import { fetchWith } from '../helpers/adapters.js';
import { freshRuntime } from '../helpers/runtime.js';

let sandbox: Sandbox;
let config: Record<string, unknown>;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: { 'flow-payments': null } });
  config = await sandboxRawConfig(sandbox.baseUrl);
});
afterAll(() => sandbox.close());
beforeEach(() => freshRuntime());

function attemptsSince(start: number): number {
  return sandbox.requests.slice(start).filter((r) => r.provider === 'syncpay').length;
}

async function syncpayWith(fault: Parameters<Sandbox['faults']['add']>[0] | null, http = {}) {
  sandbox.faults.clear();
  if (fault) sandbox.faults.add({ provider: 'syncpay', ...fault });
  const start = sandbox.requests.length;
  const started = Date.now();
  const result = await fetchWith(config, ['syncpay'], http);
  return { result, attempts: attemptsSince(start), ms: Date.now() - started, error: result.errors[0] };
}

describe('retries', () => {
  it.each([500, 502, 503, 504, 408])('retries %i and succeeds', async (status) => {
    const { result, attempts } = await syncpayWith({ kind: 'status', status, times: 2 });
    expect(result.errors).toEqual([]);
    expect(attempts).toBe(3);
    expect(result.balances).toHaveLength(4);
  });

  it('gives up after 3 attempts on a persistent 5xx with exit 5', async () => {
    const { error, attempts } = await syncpayWith({ kind: 'status', status: 503, times: 10 });
    expect(attempts).toBe(3);
    expect([error?.code, error?.exitCode]).toEqual(['PROVIDER_ERROR', 5]);
    expect(error?.message).toBe("SyncPay failed for account 'syncpay' (503 SANDBOX_FAULT: injected 503) after 3 attempts");
  });

  it.each([400, 401, 403, 404, 422])('never retries %i', async (status) => {
    const { error, attempts } = await syncpayWith({ kind: 'status', status });
    expect(attempts).toBe(1);
    expect(error?.exitCode).toBe(4);
  });

  it('retries a connection reset and a truncated body', async () => {
    expect((await syncpayWith({ kind: 'reset' })).result.errors).toEqual([]);
    const truncated = await syncpayWith({ kind: 'truncate', times: 3 });
    expect(truncated.attempts).toBe(3);
    expect(truncated.error?.message).toBe(
      "cannot reach SyncPay for account 'syncpay' at " + new URL(sandbox.url).host + ': connection closed before the whole response arrived',
    );
    expect(truncated.error?.exitCode).toBe(5);
  });
});

describe('Retry-After', () => {
  it('waits a short Retry-After and then succeeds', async () => {
    const { result, ms, attempts } = await syncpayWith({ kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    expect(result.errors).toEqual([]);
    expect(attempts).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(950);
  });

  it('stops at once when Retry-After does not fit the deadline, saying when to retry', async () => {
    const { error, attempts, ms } = await syncpayWith({ kind: 'status', status: 429, headers: { 'retry-after': '3600' } });
    expect(attempts).toBe(1);
    expect(ms).toBeLessThan(2_000);
    expect([error?.code, error?.exitCode]).toEqual(['RATE_LIMITED', 5]);
    expect(error?.message).toMatch(/^SyncPay rate-limited account 'syncpay' \(429 SANDBOX_FAULT: injected 429\); retry after 1h \(\d{4}-\d\d-\d\dT/);
  });

  it('falls back to backoff for a garbage Retry-After', async () => {
    const { result, attempts } = await syncpayWith({ kind: 'status', status: 429, headers: { 'retry-after': 'soon-ish' } });
    expect(result.errors).toEqual([]);
    expect(attempts).toBe(2);
  });

  it('parses seconds and HTTP dates, rejects garbage', () => {
    const now = Date.parse('2026-11-21T10:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Sat, 21 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('-1', now)).toBeNull();
    expect(parseRetryAfter('1.5', now)).toBeNull();
    expect(parseRetryAfter('garbage', now)).toBeNull();
  });

  it('backs off exponentially with jitter between 50 and 100 % of the step, capped', () => {
    const settings = { baseDelayMs: 500, maxDelayMs: 5000 };
    expect(backoffDelay(1, { ...settings, random: () => 0 })).toBe(250);
    expect(backoffDelay(2, { ...settings, random: () => 1 })).toBe(1000);
    expect(backoffDelay(10, { ...settings, random: () => 1 })).toBe(5000);
  });
});

describe('timeouts and hostile answers', () => {
  it('ends a request that never answers at the deadline with exit 5', async () => {
    const { error, ms } = await syncpayWith({ kind: 'hang', times: 5 }, { deadline: Date.now() + 1_500, timeoutLabel: '1.5s' });
    expect([error?.code, error?.exitCode]).toEqual(['TIMEOUT', 5]);
    expect(error?.message).toBe("timed out waiting for SyncPay for account 'syncpay' (no answer within 1.5s)");
    expect(ms).toBeLessThan(3_000);
  });

  it('retries a stalled body after the body timeout', async () => {
    const { error, attempts } = await syncpayWith({ kind: 'stall-body', times: 5 }, { bodyTimeoutMs: 300, deadline: Date.now() + 5_000 });
    expect(attempts).toBe(3);
    expect(error?.code).toBe('TIMEOUT');
  });

  it('refuses an oversized body without retrying', async () => {
    const { error, attempts } = await syncpayWith({ kind: 'oversize', bytes: 3 * 1024 * 1024 }, { maxResponseBytes: 1024 * 1024 });
    expect(attempts).toBe(1);
    expect([error?.exitCode, error?.message]).toEqual([6, "SyncPay for account 'syncpay' sent a response larger than 1 MiB; refusing to read it"]);
  });

  it('does not follow a redirect to another host', async () => {
    const { error, attempts } = await syncpayWith({ kind: 'redirect', location: 'https://evil.example/steal' });
    expect(attempts).toBe(1);
    expect([error?.code, error?.exitCode]).toEqual(['REDIRECT', 6]);
    expect(error?.message).toBe("SyncPay redirected account 'syncpay' to evil.example/steal (302); not followed, so the key is not sent to another address");
  });

  it.each([
    [{ kind: 'html' as const }, "SyncPay for account 'syncpay' sent an HTML page instead of JSON (HTTP 200, text/html)"],
    [{ kind: 'empty' as const }, "SyncPay for account 'syncpay' sent an empty response (HTTP 200)"],
    [
      { kind: 'body' as const, body: '{"success": true, "balances": [' },
      "SyncPay for account 'syncpay' sent invalid JSON at character 31: Array item or end of array ']' expected but reached end of input",
    ],
    [
      { kind: 'body' as const, body: '{"balances": [], "balances": [{"currency": "USD"}]}' },
      "SyncPay for account 'syncpay' sent the key 'balances' twice at character 18; refusing to guess which value counts",
    ],
  ])('explains a body it cannot use: %j', async (fault, message) => {
    const { error } = await syncpayWith(fault);
    expect([error?.exitCode, error?.message]).toEqual([6, message]);
  });

  it('reports connection refused after 3 attempts', async () => {
    const closed = await startSandbox();
    const url = closed.baseUrl('syncpay');
    await closed.close();
    // Nothing listens, so no sandbox records the attempts: the client's own hook counts them.
    const attempts: number[] = [];
    const result = await fetchWith({ accounts: { syncpay: { provider: 'syncpay', baseUrl: url, apiKey: 'sk_test_x00000000' } } }, undefined, {
      onRequest: (attempt) => attempts.push(attempt),
    });
    expect(attempts).toEqual([1, 2, 3]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toBe(`cannot reach SyncPay for account 'syncpay' at ${new URL(url).host}: connection refused`);
    expect(result.errors[0]?.exitCode).toBe(5);
  });
});
