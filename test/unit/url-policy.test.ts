import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../src/http/url-policy.js';

describe('isLoopbackHost (baseUrl policy and the watch --metrics warning)', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST.', '::1', '[::1]'])('%s is this machine', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  it.each(['127.foo.lan', '127.0.0.1.evil.example', '0.0.0.0', '10.0.0.1', '::', 'example.com'])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});
