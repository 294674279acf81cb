// The redactor works by value, whatever a key looks like, and leaves no 12-character piece of it.
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { LosslessNumber } from '../../src/core/json.js';
import { FRAGMENT_LENGTH, Redactor } from '../../src/core/secrets.js';
import { encodedForms, expectNoSecrets } from '../helpers/secrets.js';

/** A long key of no known shape (no sk_ prefix): letters, digits and the odd punctuation. */
const longKey = (length = 106) =>
  `k${randomBytes(length)
    .toString('base64url')
    .slice(0, length - 1)}`;

/** Every FRAGMENT_LENGTH-character window of every encoded form of the secret. */
function expectNoFragment(text: string, secret: string): void {
  for (const form of encodedForms(secret)) {
    for (let i = 0; i + FRAGMENT_LENGTH <= form.length; i++) {
      const piece = form.slice(i, i + FRAGMENT_LENGTH);
      if (text.includes(piece)) expect.fail(`fragment ${i} of a ${form.length}-char form leaked in: ${text.slice(0, 200)}`);
    }
  }
}

// Each test starts with a redactor that knows no secret.
let redactor = new Redactor();
beforeEach(() => {
  redactor = new Redactor();
});
const registerSecret = (value: string) => redactor.register(value);
const registerBasicAuth = (user: string, password: string) => redactor.registerBasicAuth(user, password);
const redact = (text: string) => redactor.redact(text);
const redactDeep = <T>(value: T): T => redactor.redactDeep(value);

describe('redact', () => {
  it('removes a 106-character key of any shape, whole, cut at either end, or cut in the middle', () => {
    const key = longKey();
    registerSecret(key);
    const cases = [key, key.slice(0, 30), key.slice(-30), key.slice(40, 52), `${key.slice(5, 80)}…`];
    for (const piece of cases) {
      const out = redact(`detail: invalid key ${piece} (truncated)`);
      expectNoFragment(out, key);
      expect(out).toMatch(/^detail: invalid key «redacted»(…)? \(truncated\)$/);
    }
  });

  it('removes base64, base64url and URL-encoded forms and their pieces', () => {
    const key = `${longKey(60)}/+=&?`;
    registerSecret(key);
    for (const form of encodedForms(key)) {
      expectNoFragment(redact(`x ${form} y`), key);
      expectNoFragment(redact(`x ${form.slice(7, 40)} y`), key);
    }
  });

  it('removes the HTTP Basic value of a client id/secret pair', () => {
    registerBasicAuth('client_1234', longKey(40));
    const header = Buffer.from(`client_1234:`).toString('base64');
    expect(redact(`Authorization: Basic ${header}`)).toContain('«redacted»');
  });

  it('removes 8–11 character secrets whole (they have no 12-character window)', () => {
    registerSecret('Zq8#x1Lp');
    expect(redact('key=Zq8#x1Lp; next')).toBe('key=«redacted»; next');
  });

  it('keeps ordinary text: amounts with long runs of zeros, words around a key', () => {
    registerSecret('sk_test_syncpaysandbox000000000001');
    expect(redact('ETH 0.000000000000000001 and 1000000000000.00')).toBe('ETH 0.000000000000000001 and 1000000000000.00');
    expect(redact('account syncpay (SyncPay) ok')).toBe('account syncpay (SyncPay) ok');
  });

  it('redacts every string of a parsed body, keys included, and keeps other values as they are', () => {
    const key = longKey();
    registerSecret(key);
    const number = new LosslessNumber('12.50');
    const out = redactDeep({ name: `wallet ${key}`, [key]: 1, list: [key.slice(3, 40), number], __proto__x: 'a' });
    expectNoSecrets([JSON.stringify(out)], [key]);
    expectNoFragment(JSON.stringify(out), key);
    expect((out.list as unknown[])[1]).toBe(number);
    const hostile = redactDeep(JSON.parse(`{"__proto__": {"polluted": "${key}"}}`) as Record<string, unknown>);
    expect(Object.keys(hostile)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('redact, exactly', () => {
  /** 26 distinct letters then 26 more: any two 12-character windows far apart differ. */
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

  it('a secret shorter than 8 characters is not registered (it would match ordinary words)', () => {
    registerSecret('short');
    registerSecret('');
    expect(redact('a short word, shortly')).toBe('a short word, shortly');
  });

  it('every occurrence of a whole secret goes, special characters taken literally', () => {
    registerSecret('pa$$.w*d+x');
    expect(redact('pa$$.w*d+x and again pa$$.w*d+x')).toBe('«redacted» and again «redacted»');
    expect(redact('paa$$.w*d+x pa$$Xw*d+x')).toBe('paa$$.w*d+x pa$$Xw*d+x');
  });

  it('the longer of two overlapping secrets goes whole, not leaving its tail', () => {
    registerSecret('k3y-0f-8');
    registerSecret('k3y-0f-8-and-m0re');
    expect(redact('[k3y-0f-8-and-m0re]')).toBe('[«redacted»]');
    expect(redact('[k3y-0f-8]')).toBe('[«redacted»]');
  });

  it('a text that is exactly one 12-character piece, or ends with one, is redacted', () => {
    registerSecret(ALPHABET);
    expect(redact(ALPHABET.slice(3, 15))).toBe('«redacted»');
    expect(redact(`x${ALPHABET.slice(3, 15)}`)).toBe('x«redacted»');
    expect(redact(`${ALPHABET.slice(3, 15)}x`)).toBe('«redacted»x');
    expect(redact(ALPHABET.slice(3, 14))).toBe(ALPHABET.slice(3, 14));
  });

  it('pieces that touch are one mark; pieces apart are one mark each, with the text between kept', () => {
    registerSecret(ALPHABET);
    const [a, b] = [ALPHABET.slice(0, 12), ALPHABET.slice(30, 42)];
    expect(redact(`<${a}${b}>`)).toBe('<«redacted»>');
    expect(redact(`<${a} and ${b}>`)).toBe('<«redacted» and «redacted»>');
    expect(redact(`${a}-${b}-${a}`)).toBe('«redacted»-«redacted»-«redacted»');
  });

  it('a piece of only 4 distinct characters still counts; fewer (a run of zeros) does not', () => {
    const secret = 'abcdabcdabcdWXYZ0000000000000';
    registerSecret(secret);
    expect(redact('is abcdabcdabcd here')).toBe('is «redacted» here');
    expect(redact('amount 10000000000000.00')).toBe('amount 10000000000000.00');
  });

  it('a fresh redactor still removes well-known key shapes and bearer tokens', () => {
    const shapes = ['sk_live_abc123', 'rk_test_ABCDEF', 'pk_sandbox_a1b2c3', 'sk.live.abc-def_gh.ij', 'sk.sbx.aB3.dEf'];
    for (const shape of shapes) expect(redact(`key ${shape}!`), shape).toBe('key «redacted»!');
    expect(redact('Authorization: Bearer abcdefgh.ijk+/l~==')).toBe('Authorization: Bearer «redacted»');
    expect(redact('Bearer \t abcdefghij')).toBe('Bearer «redacted»');
    expect(redact('sk_live_abc12 and sk.live.abc12 and Bearer abcdefg')).toBe('sk_live_abc12 and sk.live.abc12 and Bearer abcdefg');
    expect(redact('ask_live_abcdefgh')).toBe('ask_live_abcdefgh');
  });

  it('redactDeep copies any plain object, prototype-less ones too, into ordinary objects', () => {
    registerSecret(ALPHABET);
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { note: `key ${ALPHABET}` });
    const out = redactDeep({ bare, n: 5, flag: true, none: null, gone: undefined, list: [undefined, 1] });
    expect(out).toEqual({ bare: { note: 'key «redacted»' }, n: 5, flag: true, none: null, gone: undefined, list: [undefined, 1] });
    out.n = 6;
    delete (out as Partial<typeof out>).flag;
    expect(out).toEqual({ bare: { note: 'key «redacted»' }, n: 6, none: null, gone: undefined, list: [undefined, 1] });
    const date = new Date(0);
    expect(redactDeep({ date }).date).toBe(date);
    expect(redactDeep(undefined)).toBeUndefined();
  });
});

describe('redact, a secret the run obtained (an OAuth access token)', () => {
  const registerObtained = (value: string) => redactor.registerObtained(value);

  it('one of 8 characters or more is registered like any secret: redacted even inside a longer word', () => {
    registerObtained('tok12345');
    expect(redact('xtok12345y')).toBe('x«redacted»y');
  });

  it('a shorter one is still a secret: redacted wherever it stands as a whole token', () => {
    registerObtained('ab12Z');
    expect(redact('ab12Z')).toBe('«redacted»');
    expect(redact('{"detail": "token ab12Z is invalid"} (ab12Z). ab12Z')).toBe('{"detail": "token «redacted» is invalid"} («redacted»). «redacted»');
  });

  it('a shorter one next to a token character is part of another word and left alone (a dot counts only between them)', () => {
    registerObtained('ab12Z');
    for (const word of ['xab12Z', 'ab12Zy', '_ab12Z', 'ab12Z-', 'v.ab12Z', 'ab12Z.v2', '=ab12Z', 'ab12Z/'])
      expect(redact(`is ${word} ok`), word).toBe(`is ${word} ok`);
    expect(redact('. ab12Z. and ab12Z.')).toBe('. «redacted». and «redacted».');
  });

  it('every encoded form of a short token goes (base64 of "abc" is "YWJj")', () => {
    registerObtained('abc');
    registerObtained('a b');
    expect(redact('abc YWJj a%20b')).toBe('«redacted» «redacted» «redacted»');
  });

  it('an empty token registers nothing: the text stays as it is', () => {
    registerObtained('');
    expect(redact('a, b; c')).toBe('a, b; c');
  });
});
