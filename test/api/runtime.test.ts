// The explicit runtime (src/http/runtime.ts, issue 12): what one run owns — secrets to redact,
// pacing per credential, OAuth tokens, sockets — is shared by the calls given the same runtime
// and by no other. A library call without one creates its own and leaves no socket open.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRuntime, fetchBalances, parseConfig, type Config, type Runtime } from '../../src/index.js';
import { HttpTransport } from '../../src/http/transport.js';
import { SANDBOX_KEYS } from '../../src/providers/sandbox-keys.js';
import type { Sandbox } from '../../src/sandbox/server.js';
import { sandboxWithConfig } from '../helpers/fixtures.js';

let sandbox: Sandbox;
let config: Config;
beforeAll(async () => {
  let raw: Record<string, unknown>;
  ({ sandbox, config: raw } = await sandboxWithConfig());
  config = parseConfig(raw);
});
afterAll(() => sandbox.close());

const opened: Runtime[] = [];
function runtime(): Runtime {
  const created = createRuntime();
  opened.push(created);
  return created;
}
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(opened.splice(0).map((r) => r.close()));
});

/** TCP connections the sandbox accepted while `call` ran. */
async function connectionsDuring(call: () => Promise<unknown>): Promise<number> {
  const before = sandbox.connections();
  await call();
  return sandbox.connections() - before;
}

const tokenRequests = () => sandbox.requests.filter((r) => r.provider === 'cryptofuse' && r.path.split('?')[0] === '/o/token/').length;
const OAUTH = { accounts: ['casino-v2'], env: {} };
const ONE_KEY = { accounts: ['syncpay'], env: {} };

describe('two runtimes in one process', () => {
  it('do not share redaction; well-known key shapes are redacted by both', () => {
    const [a, b] = [runtime(), runtime()];
    a.redactor.register('zq-private-value-0123456789');
    expect(a.redactor.redact('x zq-private-value-0123456789 y')).toBe('x «redacted» y');
    expect(b.redactor.redact('x zq-private-value-0123456789 y')).toBe('x zq-private-value-0123456789 y');
    for (const r of [a, b]) expect(r.redactor.redact('key sk_live_abcdef123456')).toBe('key «redacted»');
  });

  it('do not share pacing: one limiter per credential within a runtime, another in the next', () => {
    const [a, b] = [runtime(), runtime()];
    const options = { concurrency: 1, rateLimit: { requests: 1, windowMs: 60_000 } };
    expect(a.limiters.for('syncpay:k', options)).toBe(a.limiters.for('syncpay:k', options));
    expect(b.limiters.for('syncpay:k', options)).not.toBe(a.limiters.for('syncpay:k', options));
  });

  it('do not share tokens: each asks for its own', async () => {
    const before = tokenRequests();
    const [a, b] = [runtime(), runtime()];
    expect((await fetchBalances(config, { ...OAUTH, runtime: a })).errors).toEqual([]);
    expect((await fetchBalances(config, { ...OAUTH, runtime: b })).errors).toEqual([]);
    expect(tokenRequests() - before).toBe(2);
  });

  it('do not share sockets', async () => {
    const [a, b] = [runtime(), runtime()];
    await fetchBalances(config, { ...ONE_KEY, runtime: a });
    expect([a.transport.open, b.transport.open]).toEqual([true, false]);
    await fetchBalances(config, { ...ONE_KEY, runtime: b });
    await a.close();
    expect([a.transport.open, b.transport.open]).toEqual([false, true]);
  });
});

describe('fetchBalances with a caller runtime', () => {
  it("reuses its token across calls (one token request) and its secrets are the runtime's", async () => {
    const before = tokenRequests();
    const shared = runtime();
    for (let i = 0; i < 2; i++) expect((await fetchBalances(config, { ...OAUTH, runtime: shared })).errors).toEqual([]);
    expect(tokenRequests() - before).toBe(1);
    expect(shared.redactor.redact(`id ${SANDBOX_KEYS.cryptofuse.clientSecret!}`)).toBe('id «redacted»');
  });

  it('leaves its sockets open for the next call until the caller closes it', async () => {
    const shared = runtime();
    const close = vi.spyOn(HttpTransport.prototype, 'close');
    await fetchBalances(config, { ...ONE_KEY, runtime: shared });
    await fetchBalances(config, { ...ONE_KEY, runtime: shared });
    expect(close).not.toHaveBeenCalled();
    expect(shared.transport.open).toBe(true);
    await shared.close();
    expect(shared.transport.open).toBe(false);
  });
});

describe('fetchBalances without a runtime', () => {
  it('closes the sockets it opened before returning: the next call connects anew', async () => {
    const close = vi.spyOn(HttpTransport.prototype, 'close');
    expect(await connectionsDuring(() => fetchBalances(config, ONE_KEY))).toBeGreaterThan(0);
    expect(close).toHaveBeenCalledTimes(1);
    // The transport it created and closed holds no socket pool any more.
    const transport = close.mock.contexts[0] as HttpTransport;
    expect(transport.open).toBe(false);
  });

  it('asks for a token on each call (nothing kept between calls)', async () => {
    const before = tokenRequests();
    await fetchBalances(config, OAUTH);
    await fetchBalances(config, OAUTH);
    expect(tokenRequests() - before).toBe(2);
  });
});
