// Which proxy, if any, a request goes through: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (and their
// lowercase forms), the conventions curl and undici's EnvHttpProxyAgent follow. The transport asks
// this module per request and keeps one undici ProxyAgent per proxy URL; HTTPS goes through a
// CONNECT tunnel, so the proxy sees the host name but never the key. Pure: the environment is an
// argument, nothing here reads process.env or opens a socket.
import { ConfigError } from '../core/errors.js';
import { isLoopbackHost } from './url-policy.js';
import { publicUrl } from '../core/url-credentials.js';

export interface ProxyChoice {
  /** The proxy's URL, credentials included (for undici only: never print it). */
  url: URL;
  /** The variable it came from, e.g. HTTPS_PROXY. */
  variable: string;
  /** scheme://host:port, without credentials: what messages and --debug may show. */
  display: string;
}

export type ProxyDecision = { kind: 'proxy'; proxy: ProxyChoice } | { kind: 'direct'; why: 'no proxy set' | 'loopback' | 'NO_PROXY' };

/** The first set (non-empty) variable among names; lowercase first, as curl reads them. */
function firstSet(env: NodeJS.ProcessEnv, names: string[]): { name: string; value: string } | null {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return { name, value };
  }
  return null;
}

/** scheme://host:port of a proxy URL: never its user name, password, path or parameters. */
export function displayProxy(url: URL): string {
  return publicUrl(`${url.protocol}//${url.host}`).text;
}

function parseProxy(variable: string, value: string): ProxyChoice {
  // curl accepts "proxy.corp:3128" and means http://; so do we.
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // The value may hold a password: name the variable, not its value.
    throw new ConfigError(`${variable} is not a proxy URL`, { hint: `expected e.g. ${variable}=http://proxy.example:3128` });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${variable}: proxy scheme ${url.protocol}// is not supported`, { hint: 'use an http:// or https:// proxy' });
  }
  return { url, variable, display: displayProxy(url) };
}

/** Does a NO_PROXY list exclude this host (and port)? `*`, `.example.com`, `*.example.com`, `host:port`. */
export function noProxyMatches(list: string, hostname: string, port: string): boolean {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  for (const raw of list.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    let entryPort: string | null = null;
    // host:port, [v6]:port; a bare IPv6 address has several colons and no port.
    const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
    if (withPort) {
      entry = withPort[1] ?? entry;
      entryPort = withPort[2] ?? null;
    }
    entry = entry
      .replace(/^\[|\]$/g, '')
      .replace(/^\*?\./, '')
      .replace(/\.$/, '');
    if (entryPort !== null && entryPort !== port) continue;
    if (host === entry || host.endsWith(`.${entry}`)) return true;
  }
  return false;
}

/** How a request to `target` goes out, given the environment. Throws ConfigError for a bad proxy URL. */
export function proxyFor(target: URL, env: NodeJS.ProcessEnv): ProxyDecision {
  // Loopback is this machine: the sandbox, tests, a local tunnel. A proxy could not reach it anyway.
  if (isLoopbackHost(target.hostname)) return { kind: 'direct', why: 'loopback' };
  const https = target.protocol === 'https:';
  const names = https ? ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
  const set = firstSet(env, names);
  if (!set) return { kind: 'direct', why: 'no proxy set' };
  const noProxy = firstSet(env, ['no_proxy', 'NO_PROXY']);
  const port = target.port || (https ? '443' : '80');
  if (noProxy && noProxyMatches(noProxy.value, target.hostname, port)) return { kind: 'direct', why: 'NO_PROXY' };
  return { kind: 'proxy', proxy: parseProxy(set.name, set.value) };
}

/** For people: "via proxy http://proxy:3128 (HTTPS_PROXY)" or "direct (NO_PROXY)". */
export function describeDecision(decision: ProxyDecision): string {
  return decision.kind === 'proxy' ? `via proxy ${decision.proxy.display} (${decision.proxy.variable})` : `direct (${decision.why})`;
}
