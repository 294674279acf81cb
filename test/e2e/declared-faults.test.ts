// A declared provider keeps every guarantee of a built-in one when its answers go wrong: the one
// paginator (anything but a clear end is LIST_INCOMPLETE), the shape rules (a missing list, an
// amount that is not a decimal or not whole minor units), the sanity boundary, the mapping of HTTP
// statuses to exit codes, no redirect followed, secrets kept out of every output; and `config
// check --explain` shows where a declaration goes wrong. Against the Ledgerly fake (loopback).
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load.js';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeConfig } from '../helpers/fixtures.js';
import { schemaProblems } from '../helpers/schemas.js';
import { defaultWallets, LEDGERLY_CLIENT, startLedgerlyFake, type FakeAnswer, type LedgerlyFake } from '../helpers/ledgerly-fake.js';

const EXAMPLE = join(import.meta.dirname, '../../examples/providers/ledgerly.yaml');
const ENV = { LEDGERLY_CLIENT_ID: LEDGERLY_CLIENT.id, LEDGERLY_CLIENT_SECRET: LEDGERLY_CLIENT.secret };

let fake: LedgerlyFake;
let dir: string;
let config: string;

async function writeExample(
  name: string,
  change: (ledgerly: Record<string, unknown> & { balances: Record<string, unknown> }) => void = () => undefined,
): Promise<string> {
  const example = (await loadConfigFile(EXAMPLE)) as { providers: { ledgerly: Record<string, unknown> & { balances: Record<string, unknown> } } };
  example.providers.ledgerly.baseUrl = fake.url;
  change(example.providers.ledgerly);
  return writeConfig(dir, example, name);
}

const cli = (args: string[], path = config) => runCli([...args, '--config', path], { env: ENV });
const json = (body: string): FakeAnswer => ({ status: 200, body });
/** Serve `pages` in order for the wallet list (the token endpoint answers as usual). */
const pages = (...bodies: FakeAnswer[]) => {
  let next = 0;
  fake.override = (req) => (req.path === '/v2/wallets' ? (bodies[Math.min(next++, bodies.length - 1)] ?? null) : null);
};
const wallet = (id: string, rows: string) => `{"id": "${id}", "label": "W ${id}", "balances": [${rows}]}`;
const usdt = (available: string, pending = '0') => `{"asset": "USDT", "chain": "tron", "available": ${available}, "pending": ${pending}, "decimals": 6}`;

beforeAll(async () => {
  fake = await startLedgerlyFake();
  dir = tempDir();
  config = await writeExample('ledgerly.json');
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.wallets = defaultWallets();
  fake.override = null;
});

describe('declared provider: lists end only where they clearly end', () => {
  it.each([
    ['has_more as a string', '{"data": [W1], "has_more": "true", "next_cursor": "c1"}', 'says $.has_more: "true" (a string), not true or false'],
    ['no signal at all', '{"data": [W1]}', 'says neither whether more follow nor where'],
    ['has_more false with a next cursor', '{"data": [W1], "has_more": false, "next_cursor": "c1"}', 'says $.has_more: false but gives a next cursor'],
    ['more promised without a cursor', '{"data": [W1], "has_more": true, "next_cursor": null}', 'says it has more ($.has_more) but gives no next cursor'],
  ])('%s: LIST_INCOMPLETE (exit 6), what was read still shown', async (_, body, why) => {
    pages(json(body.replace('W1', wallet('wal_a', usdt('1000000')))));
    const { code, stdout, stderr } = await cli(['balances', '--json']);
    const doc = JSON.parse(stdout);
    expect([code, doc.complete, doc.balances.length, doc.errors[0]?.code]).toEqual([6, false, 1, 'LIST_INCOMPLETE']);
    expect(doc.errors[0].message).toContain(why);
    expect(stderr).toContain('check providers.ledgerly.balances.paginate');
  });

  it('a repeated cursor ends the read; a wallet named on two pages is used from neither', async () => {
    const page = (cursor: string, id: string) => json(`{"data": [${wallet(id, usdt('1000000'))}], "has_more": true, "next_cursor": "${cursor}"}`);
    pages(page('c1', 'wal_a'), page('c1', 'wal_b'));
    expect(JSON.parse((await cli(['balances', '--json'])).stdout).errors[0].message).toContain('repeated the cursor c1');
    pages(page('c1', 'wal_a'), json(`{"data": [${wallet('wal_a', usdt('5000000000'))}], "has_more": false, "next_cursor": null}`));
    const { code, stdout } = await cli(['balances', '--json']);
    const doc = JSON.parse(stdout);
    expect([code, doc.balances.length, doc.errors[0].code]).toEqual([6, 0, 'LIST_INCOMPLETE']);
    expect(doc.errors[0].message).toContain('names "wal_a" more than once');
    // ...and a payout is never approved on it.
    pages(page('c1', 'wal_a'), json(`{"data": [${wallet('wal_a', usdt('5000000000'))}], "has_more": false, "next_cursor": null}`));
    expect((await cli(['can-withdraw', 'USDT', '100', '--json'])).code).toBe(6);
  });
});

describe('declared provider: shapes and figures', () => {
  it.each([
    ['a missing list', '{"items": [], "has_more": false, "next_cursor": null}', '$: expected a list at $.data, got nothing'],
    [
      'an amount that is not a decimal',
      `{"data": [${wallet('wal_a', usdt('"abc"'))}], "has_more": false, "next_cursor": null}`,
      '$.data[0].balances[0].available: expected a decimal amount, got "abc" is not a plain decimal amount',
    ],
    [
      'minor units with a fraction',
      `{"data": [${wallet('wal_a', usdt('12.5'))}], "has_more": false, "next_cursor": null}`,
      '$.data[0].balances[0].available: expected a whole number of minor units, got 12.5',
    ],
    [
      'a wallet without its id',
      `{"data": [{"label": "x", "balances": []}], "has_more": false, "next_cursor": null}`,
      '$.data[0].id: expected a non-empty string, got nothing',
    ],
  ])('%s: BAD_SHAPE (exit 6) naming the path', async (_, body, problem) => {
    pages(json(body));
    const { code, stdout } = await cli(['balances', '--json']);
    const error = JSON.parse(stdout).errors[0];
    expect([code, error.code]).toEqual([6, 'BAD_SHAPE']);
    expect(error.message).toBe(`Ledgerly sent a response for account 'ledgerly-main' that does not match its declaration: ${problem}`);
  });

  it('the sanity boundary: a negative figure and a currency listed twice in a wallet are inconsistent, never a yes', async () => {
    pages(json(`{"data": [${wallet('wal_a', `${usdt('-1000000')}, ${usdt('900000000')}, ${usdt('800000000')}`)}], "has_more": false, "next_cursor": null}`));
    const doc = JSON.parse((await cli(['balances', '--json'])).stdout);
    expect(doc.balances.map((b: { available: string; inconsistent?: unknown[] }) => [b.available, (b.inconsistent ?? []).length > 0])).toEqual([
      ['-1.000000', true],
      ['900.000000', true],
      ['800.000000', true],
    ]);
    const decision = await cli(['can-withdraw', 'USDT', '10', '--json']);
    expect([decision.code, JSON.parse(decision.stdout).decision]).toEqual([6, 'unknown']);
  });
});

describe("declared provider: HTTP answers map to the same errors as a built-in provider's", () => {
  it.each([
    [401, 'AUTH_FAILED', 4, "Ledgerly rejected the OAuth access token for account 'ledgerly-main' (401 invalid_token: nope)"],
    [403, 'FORBIDDEN', 4, "Ledgerly refused account 'ledgerly-main' access to the balance list /v2/wallets (403 invalid_token: nope)"],
    [404, 'NOT_FOUND', 4, "Ledgerly does not know the balance list /v2/wallets for account 'ledgerly-main' (404 invalid_token: nope)"],
    [503, 'PROVIDER_ERROR', 5, "Ledgerly failed for account 'ledgerly-main' (503 invalid_token: nope) after 3 attempts"],
  ])('%i → %s, exit %i, with the message the declaration points at', async (status, code, exit, message) => {
    pages({ status, body: '{"error": {"code": "invalid_token", "message": "nope"}}' });
    const run = await cli(['balances', '--json']);
    expect([run.code, JSON.parse(run.stdout).errors[0]]).toEqual([exit, expect.objectContaining({ code, message })]);
  });

  it('a refused client: exit 4 naming the OAuth client; an escape sequence in the message is escaped', async () => {
    fake.override = (req) =>
      req.path === '/oauth/token' ? { status: 401, body: '{"error": {"code": "invalid_client", "message": "bad \\u001b[31mclient"}}' } : null;
    const { code, stdout, stderr } = await cli(['balances', '--json']);
    const error = JSON.parse(stdout).errors[0];
    expect([code, error.code]).toEqual([4, 'AUTH_FAILED']);
    expect(error.message).toContain('rejected the OAuth client credentials');
    expect(stderr).toContain('check accounts.ledgerly-main.clientId/clientSecret');
    expect(stdout + stderr).not.toContain('\u001b');
  });

  it('429 with Retry-After is waited out and retried; a redirect is not followed', async () => {
    let calls = 0;
    fake.override = (req) => (req.path === '/v2/wallets' && calls++ === 0 ? { status: 429, body: '{}', headers: { 'retry-after': '1' } } : null);
    expect((await cli(['balances', '--json'])).code).toBe(0);
    fake.override = (req) => (req.path === '/v2/wallets' ? { status: 302, body: '{}', headers: { location: 'https://evil.example/steal' } } : null);
    const { code, stdout } = await cli(['balances', '--json']);
    expect([code, JSON.parse(stdout).errors[0].code]).toEqual([6, 'REDIRECT']);
    expect(fake.requests.every((r) => r.path === '/oauth/token' || r.path === '/v2/wallets')).toBe(true);
  });

  it('a key sent as a query parameter never appears in the --debug log', async () => {
    const key = 'lgr_test_querykey_0000000001';
    const path = await writeExample('query-auth.json', (l) => {
      l.auth = { type: 'query', name: 'api_key' };
    });
    const account = { provider: 'ledgerly', apiKey: key };
    const raw = JSON.parse(JSON.stringify(await loadConfigFile(path))) as Record<string, unknown>;
    const configPath = writeConfig(dir, { ...raw, accounts: { 'ledgerly-main': account } }, 'query-auth-key.json');
    fake.override = (req) => (req.path === '/v2/wallets' ? { status: 500, body: `{"error": {"code": "x", "message": "bad key ${key}"}}` } : null);
    const { code, stdout, stderr } = await runCli(['balances', '--json', '--debug', '--config', configPath]);
    expect(code).toBe(5);
    expect(fake.requests.some((r) => r.query.get('api_key') === key)).toBe(true);
    expect(stderr).toContain('api_key=');
    expect(stdout + stderr).not.toContain(key);
  });
});

describe('config check --explain', () => {
  it('shows the first page path by path: records, paging, wallets, rows, each field and what it reads as', async () => {
    const asJson = JSON.parse((await cli(['config', 'check', '--explain', 'ledgerly-main', '--json'])).stdout);
    expect([schemaProblems('config-explain', asJson), asJson.ok, asJson.balances]).toEqual([[], true, 3]);
    const { code, stdout, stderr } = await cli(['config', 'check', '--explain', 'ledgerly-main']);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toContain("Account 'ledgerly-main' (declared provider ledgerly): GET /v2/wallets?status=active&limit=50");
    expect(stdout).toContain('Records ($.data[*]): 2 on the first page');
    expect(stdout).toContain('Paging: more: the next page is asked for with cursor c2');
    expect(stdout).toContain('$.data[0] wallet wal_ops "Operations", 2 rows');
    expect(stdout).toMatch(/available +\$\.available +1250500000 +→ 1250\.500000/);
    expect(stdout).toMatch(/currency +\$\.asset +"USDT" +→ USDT \(provider code USDT\)/);
    expect(stdout).toContain('The first page maps to 3 balances; no problems.');
    // The found column lines up on every field line, the widest path's included.
    const fieldLines = stdout.split('\n').filter((line) => /^ {4}\w+ +\$/.test(line));
    expect(fieldLines.length).toBeGreaterThan(5);
    expect(new Set(fieldLines.map((line) => /^ {4}\w+ +\S+ +/.exec(line)?.[0].length))).toEqual(new Set([fieldLines[0]?.indexOf('"USDT"')]));
  });

  it('--json, and a path that finds nothing or the wrong thing: exit 6 with the problem', async () => {
    const broken = await writeExample('broken.json', (l) => {
      l.balances.available = '$.amount';
      l.balances.currency = '$.decimals';
    });
    const { code, stdout } = await cli(['config', 'check', '--explain', 'ledgerly-main', '--json'], broken);
    const doc = JSON.parse(stdout);
    expect(schemaProblems('config-explain', doc)).toEqual([]);
    expect([code, doc.ok, doc.balances, doc.records.found]).toEqual([6, false, 0, 2]);
    // Every field's problem, of every row.
    expect(doc.problems.slice(0, 2)).toEqual([
      '$.data[0].balances[0].decimals: expected a non-empty string, got the number 6',
      '$.data[0].balances[0].amount: expected an amount, got nothing',
    ]);
    const fields = doc.shown[0].shown[0].fields;
    expect(fields.find((f: { name: string }) => f.name === 'available')).toEqual({
      name: 'available',
      path: '$.amount',
      found: null,
      reads: null,
      problem: 'expected an amount, got nothing',
    });
    expect(fields.find((f: { name: string }) => f.name === 'currency')).toEqual({
      name: 'currency',
      path: '$.decimals',
      found: '6',
      reads: null,
      problem: 'expected a non-empty string, got the number 6',
    });
    expect(fields.find((f: { name: string }) => f.name === 'pending')).toMatchObject({ found: '"2000000"', problem: null });
  });

  it('a built-in account cannot be explained (exit 2); an unset variable is exit 3 as everywhere', async () => {
    const both = writeConfig(
      dir,
      {
        ...((await loadConfigFile(config)) as object),
        accounts: { flow: { provider: 'flow-payments', apiKey: '${NOPE}' }, l: { provider: 'ledgerly', clientId: '${NOPE}', clientSecret: '${NOPE}' } },
      },
      'both.json',
    );
    const builtIn = await cli(['config', 'check', '--explain', 'flow'], both);
    expect([builtIn.code, builtIn.stderr]).toEqual([2, expect.stringContaining("account 'flow' uses the built-in provider flow-payments")]);
    expect((await cli(['config', 'check', '--explain', 'l'], both)).code).toBe(3);
  });
});
