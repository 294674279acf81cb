// Where a key may be sent. https:// always; http:// only to this machine (127.0.0.0/8, ::1,
// localhost), which is how tests and the sandbox run. URLs are parsed with WHATWG URL so tricks
// like http://localhost@evil.example (host evil.example) or http://127.0.0.1.evil.example fail.
import { isIP } from 'node:net';

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1';
  return false;
}

/** Why this base URL must not be used, or null when it is fine. */
export function baseUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL; expected e.g. https://api.example.com';
  }
  if (url.username || url.password) return 'must not contain a user name or password';
  if (url.search || url.hash) return 'must not contain a query string or fragment';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') {
    return isLoopbackHost(url.hostname)
      ? null
      : `uses http:// to ${url.hostname}, which would send the API key unencrypted; use https:// (http:// is allowed only for 127.0.0.1, ::1 and localhost)`;
  }
  return `uses ${url.protocol}//; expected https://`;
}
