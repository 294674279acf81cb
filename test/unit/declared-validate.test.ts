// A declaration (`providers:`) is validated with the config: every problem names its path and what
// was expected, all at once, and the config is refused (exit 3) before anything is sent.
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/schema.js';
import { ConfigError } from '../../src/core/errors.js';

const GOOD = {
  baseUrl: 'https://api.nimbus.example',
  auth: { type: 'bearer' },
  balances: { path: '/v2/wallets', records: '$.data[*]', currency: '$.asset', available: '$.available' },
};

function problems(declaration: unknown, account: Record<string, unknown> = { provider: 'nimbus', apiKey: '${K}' }, id = 'nimbus'): string[] {
  try {
    validateConfig({ providers: { [id]: declaration }, accounts: { 'nimbus-main': account } }, '/x/.balancerc.yaml', 'search');
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    expect(error.exitCode).toBe(3);
    return (error as ConfigError & { problems: string[] }).problems;
  }
}

const withBalances = (balances: Record<string, unknown>) => ({ ...GOOD, balances: { ...GOOD.balances, ...balances } });

describe('declared providers: validation', () => {
  it('a good declaration gives a provider the accounts may name, after the built-in ones', () => {
    const config = validateConfig({ providers: { nimbus: GOOD }, accounts: { a: { provider: 'nimbus', apiKey: '${K}' } } }, null, 'builtin');
    expect(config.providers.ids).toEqual(['flow-payments', 'syncpay', 'bachs', 'swipelux', 'cryptofuse', 'nimbus']);
    expect(config.providers.declaredIds).toEqual(['nimbus']);
    expect(config.providers.info('nimbus')).toMatchObject({
      displayName: 'nimbus',
      defaultBaseUrl: 'https://api.nimbus.example',
      rateLimit: { requests: 60, windowMs: 60_000 },
      concurrency: 2,
      minPollIntervalMs: 10_000,
    });
    expect(config.accounts[0]?.provider).toBe('nimbus');
  });

  it.each([
    [
      'a path that does not parse',
      withBalances({ currency: 'asset' }),
      "providers.nimbus.balances.currency: expected a JSONPath, got \"asset\" (expected '$', found 'a' at character 1)",
    ],
    [
      'an unclosed bracket',
      withBalances({ records: '$.data[' }),
      'providers.nimbus.balances.records: expected a JSONPath, got "$.data[" (unclosed bracketed selection at character 8)',
    ],
    [
      'a number for a path',
      withBalances({ available: 5 }),
      'providers.nimbus.balances.available: expected a JSONPath (a string such as $.data[*]), got a number',
    ],
    [
      'a missing currency',
      withBalances({ currency: undefined }),
      'providers.nimbus.balances.currency: missing; expected a JSONPath to the currency code of a row, e.g. $.currency',
    ],
    [
      'a missing available',
      withBalances({ available: undefined }),
      'providers.nimbus.balances.available: missing; expected a JSONPath to the available amount of a row, e.g. $.available',
    ],
    [
      'a missing records',
      withBalances({ records: undefined }),
      'providers.nimbus.balances.records: missing; expected a JSONPath to the records of a page, e.g. $.data[*]',
    ],
    ['an unknown auth type', { ...GOOD, auth: { type: 'digest' } }, 'providers.nimbus.auth.type: "digest" is not one of bearer, header, query, basic, oauth2'],
    [
      'a header auth without its name',
      { ...GOOD, auth: { type: 'header' } },
      'providers.nimbus.auth.name: missing; expected the header carrying the key, e.g. X-Api-Key',
    ],
    [
      'a header the client sets itself',
      { ...GOOD, auth: { type: 'header', name: 'Host' } },
      'providers.nimbus.auth.name: Host is set by the HTTP client itself; name the header the provider reads the key from',
    ],
    [
      'oauth2 without a token URL',
      { ...GOOD, auth: { type: 'oauth2' } },
      'providers.nimbus.auth.tokenUrl: missing; expected the token endpoint: a path under the base URL (/oauth/token) or a URL',
    ],
    [
      'an http token URL to another host',
      { ...GOOD, auth: { type: 'oauth2', tokenUrl: 'http://auth.example/token' } },
      expect.stringMatching(/^providers\.nimbus\.auth\.tokenUrl: uses http:\/\/ to auth\.example, which would send the API key unencrypted/),
    ],
    [
      'an http base URL',
      { ...GOOD, baseUrl: 'http://api.nimbus.example' },
      expect.stringMatching(/^providers\.nimbus\.baseUrl: uses http:\/\/ to api\.nimbus\.example/),
    ],
    [
      'a base URL with a password',
      { ...GOOD, baseUrl: 'https://u:p@api.nimbus.example' },
      'providers.nimbus.baseUrl: must not contain a user name or password',
    ],
    ['no base URL', { ...GOOD, baseUrl: undefined }, "providers.nimbus.baseUrl: missing; expected the API's base URL, e.g. https://api.example.com"],
    [
      'a path stepping up',
      withBalances({ path: '/v2/../admin' }),
      'providers.nimbus.balances.path: expected a path such as /v1/balances (no query string, no . or .. step), got "/v2/../admin"',
    ],
    [
      'a path with a query',
      withBalances({ path: '/v2/wallets?all=1' }),
      'providers.nimbus.balances.path: expected a path such as /v1/balances (no query string, no . or .. step), got "/v2/wallets?all=1"',
    ],
    ['a misspelt key', withBalances({ availble: '$.x' }), "providers.nimbus.balances.availble: unknown key (did you mean 'available'?)"],
    [
      'an unknown paging type',
      withBalances({ paginate: { type: 'link' } }),
      'providers.nimbus.balances.paginate.type: "link" is not one of cursor, page, offset',
    ],
    [
      'a cursor list that does not say where its cursor is',
      withBalances({ paginate: { type: 'cursor' } }),
      'providers.nimbus.balances.paginate.next: missing; expected a JSONPath to the next cursor on a page, e.g. $.next_cursor',
    ],
    [
      'a next cursor on a page list',
      withBalances({ paginate: { type: 'page', next: '$.n' } }),
      'providers.nimbus.balances.paginate.next: only cursor lists give a next cursor; a page list asks by page number',
    ],
    ['a scale too large', withBalances({ scale: 99 }), 'providers.nimbus.balances.scale: expected a whole number of decimals from 0 to 36, got a number'],
    [
      'an unquoted minimum',
      { ...GOOD, withdrawals: { minimums: { USDT: 10.5 } } },
      'providers.nimbus.withdrawals.minimums.USDT: expected a decimal string such as "10", got a number (quote it, so no digits are lost)',
    ],
    [
      'overlapping key prefixes',
      { ...GOOD, mode: { live: { keyPrefix: 'nk_' }, test: { keyPrefix: 'nk_test_' } } },
      "providers.nimbus.mode: the live and test key prefixes overlap ('nk_', 'nk_test_'), so a key's mode could not be told",
    ],
    [
      'a rate limit without its window',
      { ...GOOD, rateLimit: { requests: 10 } },
      'providers.nimbus.rateLimit: expected both requests and perSeconds, e.g. { requests: 60, perSeconds: 60 }',
    ],
    [
      'a ${VAR} outside a secret',
      { ...GOOD, displayName: '${NAME}' },
      'providers.nimbus.displayName: expected a string (without control characters or ${VAR}), got "${NAME}"',
    ],
  ])('%s', (_, declaration, expected) => {
    expect(problems(declaration)).toEqual([expected]);
  });

  it('a built-in id cannot be declared, and a bad id is refused', () => {
    expect(problems(GOOD, { provider: 'flow-payments', apiKey: '${K}' }, 'flow-payments')).toEqual([
      "providers.flow-payments: 'flow-payments' is a built-in provider; declare yours under another id (accounts then name it in provider:)",
    ]);
    expect(problems(GOOD, { provider: 'Nimbus Pay', apiKey: '${K}' }, 'Nimbus Pay')).toEqual([
      "providers.Nimbus Pay: provider ids may use lower-case letters, digits, '_' and '-' (at most 40), starting with a letter",
    ]);
  });

  it('every problem of a declaration at once; its accounts are not reported again as unknown', () => {
    const bad = { ...GOOD, auth: { type: 'digest' }, balances: { ...GOOD.balances, currency: 'x', available: undefined } };
    expect(problems(bad)).toEqual([
      'providers.nimbus.auth.type: "digest" is not one of bearer, header, query, basic, oauth2',
      "providers.nimbus.balances.currency: expected a JSONPath, got \"x\" (expected '$', found 'x' at character 1)",
      'providers.nimbus.balances.available: missing; expected a JSONPath to the available amount of a row, e.g. $.available',
    ]);
  });

  it("accounts take the credentials their provider's auth needs", () => {
    const oauth = { ...GOOD, auth: { type: 'oauth2', tokenUrl: '/oauth/token' } };
    expect(problems(oauth, { provider: 'nimbus', apiKey: '${K}' })).toEqual(['accounts.nimbus-main: no credentials; expected clientId + clientSecret']);
    expect(problems(oauth, { provider: 'nimbus', clientId: '${I}', clientSecret: '${S}' })).toEqual([]);
    expect(problems({ ...GOOD, auth: { type: 'basic' } }, { provider: 'nimbus', apiKey: '${K}' })).toEqual([]);
    expect(problems(GOOD, { provider: 'nimbus', clientId: '${I}', clientSecret: '${S}' })).toEqual([
      'accounts.nimbus-main.clientId: unknown key',
      'accounts.nimbus-main.clientSecret: unknown key',
      'accounts.nimbus-main: no credentials; expected apiKey (e.g. apiKey: ${MY_KEY}) or apiKeyFile',
    ]);
  });
});
