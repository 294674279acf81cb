// Which proxy a request goes through: the variables, their precedence, NO_PROXY forms, loopback.
import { describe, expect, it } from 'vitest';
import { describeDecision, noProxyMatches, proxyFor } from '../../src/http/proxy.js';

const route = (url: string, env: NodeJS.ProcessEnv) => describeDecision(proxyFor(new URL(url), env));

describe('proxyFor', () => {
  it('HTTPS uses https_proxy, then HTTPS_PROXY, then the HTTP ones; empty means unset', () => {
    expect(route('https://api.x.com', {})).toBe('direct (no proxy set)');
    expect(route('https://api.x.com', { HTTPS_PROXY: 'http://up:1', https_proxy: 'http://low:2' })).toBe('via proxy http://low:2 (https_proxy)');
    expect(route('https://api.x.com', { https_proxy: '', HTTPS_PROXY: 'http://up:1' })).toBe('via proxy http://up:1 (HTTPS_PROXY)');
    expect(route('https://api.x.com', { HTTP_PROXY: 'http://p:3' })).toBe('via proxy http://p:3 (HTTP_PROXY)');
  });

  it('a value without a scheme is http://; credentials never show', () => {
    expect(route('https://api.x.com', { HTTPS_PROXY: 'user:pa55@proxy.corp:3128' })).toBe('via proxy http://proxy.corp:3128 (HTTPS_PROXY)');
    const decision = proxyFor(new URL('https://api.x.com'), { HTTPS_PROXY: 'http://user:pa55@proxy.corp:3128' });
    expect(decision.kind === 'proxy' && decision.proxy.url.password).toBe('pa55');
  });

  it('loopback is never proxied, whatever NO_PROXY says', () => {
    for (const url of ['http://127.0.0.1:8787', 'http://localhost:1', 'http://[::1]:2', 'https://127.9.9.9']) {
      expect(route(url, { HTTPS_PROXY: 'http://p:1', HTTP_PROXY: 'http://p:1', NO_PROXY: '' })).toBe('direct (loopback)');
    }
  });

  it('refuses schemes it cannot speak, without echoing the value', () => {
    expect(() => proxyFor(new URL('https://a.com'), { HTTPS_PROXY: 'socks5://u:secret@h:1' })).toThrow(
      /^HTTPS_PROXY: proxy scheme socks5:\/\/ is not supported$/,
    );
    expect(() => proxyFor(new URL('https://a.com'), { HTTPS_PROXY: 'http://[oops' })).toThrow(/^HTTPS_PROXY is not a proxy URL$/);
  });
});

describe('noProxyMatches', () => {
  it.each([
    ['*', 'api.x.com', '443', true],
    ['x.com', 'api.x.com', '443', true],
    ['x.com', 'notx.com', '443', false],
    ['.x.com', 'x.com', '443', true],
    ['*.x.com', 'api.x.com', '443', true],
    ['API.X.COM', 'api.x.com', '443', true],
    ['api.x.com:443', 'api.x.com', '443', true],
    ['api.x.com:8443', 'api.x.com', '443', false],
    ['other.com, x.com', 'api.x.com', '443', true],
    ['other.com x.com', 'api.x.com', '443', true],
    ['[2001:db8::1]:443', '[2001:db8::1]', '443', true],
    ['2001:db8::1', '[2001:db8::1]', '443', true],
    ['10.0.0.1', '10.0.0.1', '443', true],
    ['', 'api.x.com', '443', false],
  ])('%j vs %s:%s → %s', (list, host, port, expected) => {
    expect(noProxyMatches(list, host, port)).toBe(expected);
  });
});
