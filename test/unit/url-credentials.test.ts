// Every secret-bearing URL is cleaned at one place (issue 21 class 3): core/url-credentials.ts takes
// the userinfo and every secret parameter out of any URL we print, in every spelling, and the
// run's redactor cleans URLs inside any text it writes; short tokens the run obtained are secrets.
import { describe, expect, it } from 'vitest';
import { isSecretParameter, publicUrl, redactUrlsIn, urlForOutput } from '../../src/core/url-credentials.js';
import { Redactor } from '../../src/core/secrets.js';
import { driverReason } from '../../src/history/store/errors.js';
import { displayProxy } from '../../src/http/proxy.js';

const R = '«redacted»';

describe('publicUrl', () => {
  const cases: Array<[string, string, string[]]> = [
    ['postgres://bi:hunter2pw@db.internal:5432/treasury', `postgres://${R}@db.internal:5432/treasury`, ['hunter2pw']],
    ['postgres://ops@db.internal/treasury', `postgres://${R}@db.internal/treasury`, []],
    ['postgresql://db/t?password=s3cret-pw&sslmode=require', `postgresql://db/t?password=${R}&sslmode=require`, ['s3cret-pw']],
    ['postgres://db/t?sslmode=require&sslpassword=key-pass-1', `postgres://db/t?sslmode=require&sslpassword=${R}`, ['key-pass-1']],
    ['postgres://db/t?PASSWORD=Upper-Case-1', `postgres://db/t?PASSWORD=${R}`, ['Upper-Case-1']],
    ['postgres://u:p%40ss%2Fw0rd@db/t', `postgres://${R}@db/t`, ['p%40ss%2Fw0rd', 'p@ss/w0rd']],
    ['postgres://u:pa/ss@w0rd@db/t?application_name=bi', `postgres://${R}@db/t?application_name=bi`, ['pa/ss@w0rd']],
    [
      'https://api.example/v1?token=t1&access_token=t2&apikey=t3&api_key=t4&X-Api-Key=t5&client_secret=t6&sig=t7&limit=100',
      `https://api.example/v1?token=${R}&access_token=${R}&apikey=${R}&api_key=${R}&X-Api-Key=${R}&client_secret=${R}&sig=${R}&limit=100`,
      ['t1', 't2', 't3', 't4', 't5', 't6', 't7'],
    ],
    ['https://app.example/cb#access_token=frag-tok&state=1', `https://app.example/cb#access_token=${R}&state=1`, ['frag-tok']],
    ['http://proxyuser:proxypass@proxy.corp:3128', `http://${R}@proxy.corp:3128`, ['proxypass']],
    ['postgres://db/t?pass%77ord=enc-name', `postgres://db/t?pass%77ord=${R}`, ['enc-name']],
  ];
  for (const [input, text, secrets] of cases) {
    it(`cleans ${input}`, () => {
      const clean = publicUrl(input);
      expect(clean.text).toBe(text);
      expect(clean.secrets).toEqual(secrets);
    });
  }

  it('leaves URLs without credentials exactly as written', () => {
    for (const url of [
      'https://api.example.com',
      'https://docs.example/x/y?limit=10&offset=0#top',
      'https://host/users/@me',
      'postgres://db:5432/t?sslmode=require',
    ]) {
      expect(publicUrl(url)).toEqual({ text: url, secrets: [] });
    }
  });

  it('names secret parameters case-insensitively and by the word they contain', () => {
    for (const name of [
      'password',
      'sslpassword',
      'PGPASSWORD',
      'passwd',
      'pwd',
      'token',
      'Access_Token',
      'refresh_token',
      'key',
      'apiKey',
      'secret',
      'auth',
      'authorization',
      'signature',
      'credential',
      'session_id',
    ]) {
      expect(isSecretParameter(name), name).toBe(true);
    }
    for (const name of ['sslmode', 'limit', 'offset', 'cursor', 'wallet_id', 'application_name', 'host']) expect(isSecretParameter(name), name).toBe(false);
  });

  it('registers what it removes, so no other spelling of it is printed afterwards', () => {
    const redactor = new Redactor();
    expect(urlForOutput('postgres://bi:hunter2-s3cret@db/t?sslpassword=another-s3cret', redactor)).toBe(`postgres://${R}@db/t?sslpassword=${R}`);
    const out = redactor.redact('FATAL: password "hunter2-s3cret" rejected; key another-s3cret; b64 aHVudGVyMi1zM2NyZXQ=');
    expect(out).not.toMatch(/hunter2|another-s3cret|aHVudGVyMi1zM2NyZXQ/);
  });
});

describe('URLs inside any text', () => {
  it('cleans every URL in a line and leaves the rest', () => {
    const line = 'connect postgres://a:b-secret@h1/db?password=p1 failed (via http://u:v@proxy:3128), see https://docs.example/x';
    expect(redactUrlsIn(line)).toBe(`connect postgres://${R}@h1/db?password=${R} failed (via http://${R}@proxy:3128), see https://docs.example/x`);
  });

  it('keeps the punctuation that follows a URL in a sentence', () => {
    expect(redactUrlsIn('store postgres://h/db?password=x1: refused; (see http://u:p@h/a?key=k1), done.')).toBe(
      `store postgres://h/db?password=${R}: refused; (see http://${R}@h/a?key=${R}), done.`,
    );
  });

  it('finds URLs anywhere: at the start, back to back, after a non-scheme "://", in JSON', () => {
    expect(redactUrlsIn('http://u:p@a/x')).toBe(`http://${R}@a/x`);
    expect(redactUrlsIn('://junk then ftp://u:p@b/y?key=k')).toBe(`://junk then ftp://${R}@b/y?key=${R}`);
    expect(redactUrlsIn('{"a":"https://h/?token=t1","b":"https://h/?token=t2"}')).toBe(`{"a":"https://h/?token=${R}","b":"https://h/?token=${R}"}`);
    expect(redactUrlsIn('no url here, 10:30 // comment')).toBe('no url here, 10:30 // comment');
  });

  it('a driver message quoting the URL never carries its password', () => {
    expect(driverReason(new Error('getaddrinfo ENOTFOUND for postgres://bi:pw-12345678@nowhere/db?password=q1\nstack'))).toBe(
      `getaddrinfo ENOTFOUND for postgres://${R}@nowhere/db?password=${R}`,
    );
  });

  it('the redactor cleans URLs it never saw registered (a provider echoing one)', () => {
    expect(new Redactor().redact('{"detail":"callback https://user:pw@hooks.example/x?token=abc failed"}')).toBe(
      `{"detail":"callback https://${R}@hooks.example/x?token=${R} failed"}`,
    );
  });

  it('a proxy is shown as scheme://host:port only', () => {
    expect(displayProxy(new URL('http://user:pass@proxy.corp:3128/path?token=x'))).toBe('http://proxy.corp:3128');
  });
});

describe('short secrets the run obtained', () => {
  it('a 5-character OAuth token echoed in an error body is redacted as a whole token', () => {
    const redactor = new Redactor();
    redactor.registerObtained('ab12Z');
    expect(redactor.redact('{"detail": "token ab12Z is invalid"}')).toBe(`{"detail": "token ${R} is invalid"}`);
    expect(redactor.redact('invalid token: ab12Z.')).toBe(`invalid token: ${R}.`);
    expect(redactor.redact('Authorization: Bearer ab12Z')).toBe(`Authorization: Bearer ${R}`);
    // Inside a longer word it is another word, not the token.
    expect(redactor.redact('xab12Zy ab12Z_1 ab12Z.v2')).toBe('xab12Zy ab12Z_1 ab12Z.v2');
  });

  it('tokens of 8 characters or more go through the usual registration', () => {
    const redactor = new Redactor();
    redactor.registerObtained('tok-12345678');
    expect(redactor.redact('x tok-12345678y')).toBe(`x ${R}y`);
  });

  it('registering the same secret again changes nothing', () => {
    const redactor = new Redactor();
    for (let i = 0; i < 3; i++) redactor.register('same-secret-value');
    redactor.registerObtained('abc');
    redactor.registerObtained('abc');
    expect(redactor.redact('same-secret-value abc')).toBe(`${R} ${R}`);
  });
});
