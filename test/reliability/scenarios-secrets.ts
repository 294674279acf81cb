// Secret and channel scenarios (issue 11 §2, §4): 106-character keys of no known shape echoed back
// wherever a provider can put them (error bodies, encoded, cut, \u-escaped, as a currency code that
// is then cached), secrets too short to redact, and hostile characters on stderr and in JSON.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { on, type Scenario, type ScenarioEnv } from './harness.js';
import { patchAccount } from './scenarios-network.js';
import { encodedForms } from '../helpers/secrets.js';

/** A 106-character key of no known shape, planted in the scenario's config for SyncPay. */
const LONG_KEYS = new WeakMap<ScenarioEnv, string>();
function plantLongKey(env: ScenarioEnv): string {
  const key = `lk${randomBytes(52).toString('hex')}`;
  LONG_KEYS.set(env, key);
  env.sandbox.state.keys.syncpay?.add(key);
  patchAccount(env, 'syncpay', { apiKey: key });
  return key;
}

/** No 12-character piece of the long key, in any encoded form, in any of the texts. */
function noPieceOfLongKey(env: ScenarioEnv, texts: string[]): void {
  const key = LONG_KEYS.get(env);
  if (!key) throw new Error('scenario did not plant a long key');
  for (const form of encodedForms(key)) {
    for (let i = 0; i + 12 <= form.length; i++) {
      const piece = form.slice(i, i + 12);
      for (const text of texts) if (text.includes(piece)) throw new Error(`piece ${i} of the long key leaked in: ${text.slice(0, 300)}`);
    }
  }
}

export const syncpay =
  (...rest: string[]) =>
  (env: ScenarioEnv) => ['balances', '--json', ...on(env, '--account', 'syncpay', ...rest)];
const echo = (status: number, body: (key: string) => string, headers?: Record<string, string>) => (env: ScenarioEnv) => {
  const key = plantLongKey(env);
  env.sandbox.faults.add({ provider: 'syncpay', kind: 'status', status, body: body(key), times: 10, ...(headers ? { headers } : {}) });
};
const okBody = (env: ScenarioEnv, row: Record<string, string>) => {
  const key = plantLongKey(env);
  const body = JSON.stringify({
    success: true,
    account_id: 'org_x',
    balances: [{ available_balance: '1.00', pending_balance: '0.00', currency: 'USD', ...row }],
    total_balance_usd: '1.00',
  });
  env.sandbox.faults.add({ provider: 'syncpay', kind: 'body', body: body.replaceAll('KEY', key), times: 10 });
};
const RAW_UNSAFE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\udb40[\udc00-\udc7f]/;
const noRawUnsafe = (where: 'stdout' | 'stderr') => (r: { stdout: string; stderr: string }) => {
  if (RAW_UNSAFE.test(r[where])) throw new Error(`raw control or invisible character on ${where}: ${JSON.stringify(r[where].slice(0, 300))}`);
};

const secrets: Scenario[] = [
  {
    id: 'S01',
    what: '401 body echoes a 106-char key after 150 chars of padding (cut at 200 today)',
    exit: 4,
    stdout: 'json-partial',
    maxMs: 8_000,
    setup: echo(401, (key) => JSON.stringify({ error: { code: 'UNAUTHORIZED', message: `${'x'.repeat(150)} bad key ${key}` } })),
    args: syncpay(),
    stderr: /SyncPay rejected the API key for account 'syncpay' \(401 UNAUTHORIZED: x+ bad key «redacted»/,
    check: (r, env) => noPieceOfLongKey(env, [r.stdout, r.stderr]),
  },
  ...(['base64', 'base64url', 'url'] as const).map((form, i): Scenario => ({
    id: `S0${i + 2}`,
    what: `500 body echoes the key ${form}-encoded, cut in the middle`,
    exit: 5,
    stdout: 'json-partial',
    maxMs: 8_000,
    setup: echo(500, (key) => {
      const encoded = form === 'url' ? encodeURIComponent(`${key}/x`) : Buffer.from(key).toString(form);
      return JSON.stringify({ error: { code: 'E', message: `sent ${encoded.slice(5, 70)}` } });
    }),
    args: syncpay(),
    stderr: /SyncPay failed for account 'syncpay' \(500 E: sent «redacted»\)/,
    check: (r, env) => noPieceOfLongKey(env, [r.stdout, r.stderr]),
  })),
  {
    id: 'S05',
    what: 'key spelled with JSON \\u escapes in an error body',
    exit: 4,
    stdout: 'json-partial',
    maxMs: 8_000,
    setup: echo(
      403,
      (key) => `{"error": {"code": "FORBIDDEN", "message": "key ${[...key].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"}}`,
    ),
    args: syncpay(),
    stderr: /refused account 'syncpay' access to its balances \(403 FORBIDDEN: key «redacted»\)/,
    check: (r, env) => noPieceOfLongKey(env, [r.stdout, r.stderr]),
  },
  {
    id: 'S06',
    what: 'currency code echoing the key, cached with --max-age: not in stdout, stderr or the cache file',
    exit: 0,
    stdout: 'json-complete',
    maxMs: 8_000,
    setup: (env) => {
      okBody(env, { currency: 'KEY' });
      env.env.XDG_CACHE_HOME = join(env.dir, 'cache');
    },
    args: syncpay('--max-age', '1m'),
    stderr: /^$/,
    check: (r, env) => {
      const file = join(env.dir, 'cache', 'balance-inspector', 'balances.json');
      noPieceOfLongKey(env, [r.stdout, r.stderr, existsSync(file) ? readFileSync(file, 'utf8') : '']);
    },
  },
  {
    id: 'S09',
    what: 'a Content-Type header echoing the key on an HTML answer',
    exit: 6,
    stdout: 'json-partial',
    maxMs: 8_000,
    setup: (env) => {
      const key = plantLongKey(env);
      env.sandbox.faults.add({ provider: 'syncpay', kind: 'body', body: '<html>no</html>', contentType: `text/html; k=${key.slice(2, 70)}`, times: 10 });
    },
    args: syncpay(),
    stderr: /sent an HTML page instead of JSON \(HTTP 200, text\/html; k=«redacted»/,
    check: (r, env) => noPieceOfLongKey(env, [r.stdout, r.stderr]),
  },
  {
    id: 'S10',
    what: 'a redirect whose Location carries the key in its path',
    exit: 6,
    stdout: 'json-partial',
    maxMs: 8_000,
    setup: (env) => {
      const key = plantLongKey(env);
      env.sandbox.faults.add({ provider: 'syncpay', kind: 'redirect', location: `https://evil.example/k/${key}/x`, times: 10 });
    },
    args: syncpay(),
    stderr: /redirected account 'syncpay' to evil\.example\/k\/(«redacted»|%C2%ABredacted%C2%BB)\/x/,
    check: (r, env) => noPieceOfLongKey(env, [r.stdout, r.stderr]),
  },
  {
    id: 'S07',
    what: 'a 7-character apiKey is refused as a config error naming the account and field, not the value',
    exit: 3,
    stdout: 'json-partial',
    maxMs: 8_000,
    setup: (env) => patchAccount(env, 'syncpay', { apiKey: 'Q7x!k2z' }),
    args: syncpay(),
    stderr: /accounts\.syncpay\.apiKey: is shorter than 8 characters, too short to keep out of output \(value not shown\)/,
    check: (r) => {
      if (r.stderr.includes('Q7x!k2z')) throw new Error('the short key was printed');
    },
  },
  {
    id: 'S08',
    what: 'a 5-character key from a key file is refused too',
    exit: 3,
    stdout: 'empty',
    maxMs: 8_000,
    setup: (env) => writeFileSync(join(env.dir, 'swipelux.key'), 'abcde\n', { mode: 0o600 }),
    args: (env) => ['balances', ...on(env, '--account', 'swipelux')],
    stderr: /accounts\.swipelux\.apiKeyFile: is shorter than 8 characters/,
  },
];

const channels: Scenario[] = [
  {
    id: 'E01',
    what: 'ESC/OSC/CR in an error message cannot draw a fake line on stderr',
    exit: 4,
    stdout: 'json-partial',
    maxMs: 8_000,
    setup: echo(401, () => JSON.stringify({ error: { code: 'X\u001b]0;pwned\u0007', message: '\r\u001b[2Kno: fake\u001b[8m hidden \u009b31m' } })),
    args: syncpay(),
    stderr: /\(401 X\\e\]0;pwned\\x07: \\r\\e\[2Kno: fake\\e\[8m hidden \\x9b31m\)/,
    check: noRawUnsafe('stderr'),
  },
  {
    id: 'E02',
    what: 'invisible characters in a currency code are shown escaped in the table (US\\u2060DT never reads USDT)',
    exit: 0,
    stdout: /US\\u2060DT/,
    maxMs: 8_000,
    setup: (env) => okBody(env, { currency: 'US\u2060DT' }),
    args: (env) => ['balances', ...on(env, '--account', 'syncpay')],
    stderr: /.*/s,
    check: (r) => {
      noRawUnsafe('stdout')(r);
      noRawUnsafe('stderr')(r);
    },
  },
  ...[
    ['soft hyphen', '\u00ad'],
    ['U+180E', '\u180e'],
    ['tag character', '\udb40\udc41'],
    ['bidi override', '\u202e'],
    ['zero-width space', '\u200b'],
    ['BOM', '\ufeff'],
  ].map(([name, ch], i): Scenario => ({
    id: `E1${i}`,
    what: `${name} in a provider error: shown escaped on stderr and in JSON errors`,
    exit: 4,
    stdout: 'json-partial',
    maxMs: 8_000,
    setup: echo(403, () => JSON.stringify({ error: { code: 'NO', message: `US${ch ?? ''}DT` } })),
    args: syncpay(),
    stderr: /403 NO: US\\(u\{e0041\}|u[0-9a-f]{4}|x[0-9a-f]{2})DT\)/,
    check: (r) => {
      noRawUnsafe('stdout')(r);
      noRawUnsafe('stderr')(r);
      const doc = JSON.parse(r.stdout) as { errors: Array<{ message: string }> };
      if (!/US\\(u\{e0041\}|u[0-9a-f]{4}|x[0-9a-f]{2})DT/.test(doc.errors[0]?.message ?? '')) throw new Error('JSON error message lost the visible escape');
    },
  })),
];

export const secretScenarios: Scenario[] = [...secrets, ...channels];
