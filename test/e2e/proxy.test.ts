// Behind a proxy: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (and lowercase) are honoured, HTTPS goes
// through a CONNECT tunnel (the key never crosses the proxy in clear), loopback is never proxied,
// and --debug / config check say which proxy was used without its credentials.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.js';
import { SANDBOX_KEYS } from '../../src/providers/sandbox-keys.js';
import { runCli, spawnCli } from '../helpers/cli.js';
import { sandboxWithConfig, tempDir, writeConfig } from '../helpers/fixtures.js';
import { startProxy, startTlsTerminator } from '../helpers/proxy.js';
import { schemaProblems } from '../helpers/schemas.js';

const HOST = 'api.flow.test';
const KEY = SANDBOX_KEYS['flow-payments'].apiKey;

let sandbox: Sandbox;
let sandboxConfig: string;
let dir: string;
let remoteConfig: string;
let caFile: string;
let terminator: Awaited<ReturnType<typeof startTlsTerminator>> | null = null;

function haveOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  ({ sandbox, configPath: sandboxConfig } = await sandboxWithConfig());
  dir = tempDir('bi-proxy-');
  // A host that does not resolve: only a proxy can reach it.
  remoteConfig = writeConfig(dir, {
    accounts: { 'flow-main': { provider: 'flow-payments', baseUrl: `https://${HOST}/flow-payments/api`, apiKey: KEY, mode: 'test' } },
  });
  if (haveOpenssl()) {
    const keyFile = join(dir, 'key.pem');
    caFile = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        caFile,
        '-days',
        '2',
        '-subj',
        `/CN=${HOST}`,
        '-addext',
        `subjectAltName=DNS:${HOST}`,
      ],
      { stdio: 'ignore' },
    );
    const sandboxPort = Number(new URL(sandbox.baseUrl('flow-payments')).port);
    terminator = await startTlsTerminator(readFileSync(keyFile, 'utf8'), readFileSync(caFile, 'utf8'), sandboxPort);
  }
});
afterAll(async () => {
  await terminator?.close();
  await sandbox.close();
});

describe('HTTPS through a CONNECT proxy', () => {
  it.skipIf(!haveOpenssl())('reads balances through HTTPS_PROXY; the proxy sees the host, never the key', async () => {
    const proxy = await startProxy({ tunnelTo: terminator?.port });
    try {
      // Spawned: Node reads NODE_EXTRA_CA_CERTS (the test CA) only when a process starts.
      const { code, stdout, stderr } = await spawnCli(['balances', '--json', '--debug', '--config', remoteConfig], {
        env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: caFile },
      });
      expect(code, stderr).toBe(0);
      expect(JSON.parse(stdout).balances.map((b: { currency: string }) => b.currency)).toContain('ETH');
      expect(proxy.connects).toEqual([`${HOST}:443`]);
      expect(proxy.plainRequests).toEqual([]);
      expect(proxy.seen()).not.toContain(KEY);
      expect(stderr).toContain(`GET https://${HOST}/flow-payments/api/balances via proxy ${proxy.url} → 200`);
    } finally {
      await proxy.close();
    }
  });

  it.skipIf(!haveOpenssl())('lowercase https_proxy works; proxy credentials are sent to the proxy and printed nowhere', async () => {
    const proxy = await startProxy({ tunnelTo: terminator?.port });
    try {
      const withAuth = proxy.url.replace('http://', 'http://alice:pr0xy-s3cret@');
      const { code, stdout, stderr } = await spawnCli(['balances', '--debug', '--config', remoteConfig], {
        env: { https_proxy: withAuth, NODE_EXTRA_CA_CERTS: caFile },
      });
      expect(code, stderr).toBe(0);
      expect(proxy.connects).toEqual([`${HOST}:443`]);
      expect(proxy.authorizations).toEqual([`Basic ${Buffer.from('alice:pr0xy-s3cret').toString('base64')}`]);
      expect(stdout + stderr).not.toContain('pr0xy-s3cret');
      expect(stdout + stderr).not.toContain('alice');
      expect(stderr).toContain(`via proxy ${proxy.url}`);
    } finally {
      await proxy.close();
    }
  });

  it('a proxy that refuses the tunnel is exit 5 naming the proxy and its variable', async () => {
    const proxy = await startProxy({ refuseWith: 403 });
    try {
      const { code, stdout, stderr } = await runCli(['balances', '--config', remoteConfig], { env: { HTTPS_PROXY: proxy.url } });
      expect(code).toBe(5);
      expect(stdout).toBe('');
      expect(stderr).toContain(
        `cannot reach Flow Payments for account 'flow-main' at ${HOST} via proxy ${proxy.url} (HTTPS_PROXY): the proxy refused the tunnel (proxy answered 403 to CONNECT)`,
      );
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(proxy.connects).toEqual([`${HOST}:443`]);
    } finally {
      await proxy.close();
    }
  });

  it('HTTP_PROXY alone also carries HTTPS requests (as curl and undici read it)', async () => {
    const proxy = await startProxy({ refuseWith: 403 });
    try {
      const { code } = await runCli(['balances', '--config', remoteConfig], { env: { HTTP_PROXY: proxy.url } });
      expect(code).toBe(5);
      expect(proxy.connects).toEqual([`${HOST}:443`]);
    } finally {
      await proxy.close();
    }
  });
});

describe('what is never proxied', () => {
  it.each([
    ['NO_PROXY', HOST],
    ['no_proxy', `.flow.test`],
    ['NO_PROXY', `*.flow.test`],
    ['NO_PROXY', `example.org, ${HOST}:443`],
    ['NO_PROXY', '*'],
  ])('%s=%s sends the request directly', async (variable, value) => {
    const proxy = await startProxy({ refuseWith: 403 });
    try {
      const { code, stderr } = await runCli(['balances', '--config', remoteConfig], { env: { HTTPS_PROXY: proxy.url, [variable]: value } });
      expect(proxy.connects).toEqual([]);
      // Direct, the host does not resolve: the plain DNS error, no proxy named.
      expect(code).toBe(5);
      expect(stderr).toContain('host not found');
      expect(stderr).not.toContain('via proxy');
    } finally {
      await proxy.close();
    }
  });

  it('NO_PROXY with another port still proxies', async () => {
    const proxy = await startProxy({ refuseWith: 403 });
    try {
      await runCli(['balances', '--config', remoteConfig], { env: { HTTPS_PROXY: proxy.url, NO_PROXY: `${HOST}:8443` } });
      expect(proxy.connects).toEqual([`${HOST}:443`]);
    } finally {
      await proxy.close();
    }
  });

  it('loopback (the sandbox) is reached directly even with a proxy set', async () => {
    const proxy = await startProxy({ refuseWith: 403 });
    try {
      const { code, stderr } = await runCli(['balances', '--json', '--config', sandboxConfig], { env: { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url } });
      expect(code, stderr).toBe(0);
      expect(proxy.connects).toEqual([]);
      expect(proxy.plainRequests).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});

describe('proxy settings in messages and config check', () => {
  /** One account per route: through the proxy, excluded by NO_PROXY=direct.flow.test, loopback. */
  const threeRoutes = (file: string) =>
    writeConfig(
      dir,
      {
        accounts: {
          remote: { provider: 'flow-payments', baseUrl: `https://${HOST}/api`, apiKey: KEY, mode: 'test' },
          direct: { provider: 'flow-payments', baseUrl: 'https://direct.flow.test/api', apiKey: KEY, mode: 'test' },
          local: { provider: 'flow-payments', baseUrl: `${sandbox.baseUrl('flow-payments')}/api`, apiKey: KEY, mode: 'test' },
        },
      },
      file,
    );

  it('config check lists the route of every account, without proxy credentials', async () => {
    const proxy = await startProxy({ refuseWith: 403 });
    try {
      const configPath = threeRoutes('check.json');
      const withAuth = proxy.url.replace('http://', 'http://bob:hunter22@');
      const { stdout, stderr } = await runCli(['config', 'check', '--config', configPath], { env: { HTTPS_PROXY: withAuth, NO_PROXY: 'direct.flow.test' } });
      expect(stdout).toContain(`Network:\n  remote  via proxy ${proxy.url} (HTTPS_PROXY)\n  direct  direct (NO_PROXY)\n  local   direct (loopback)\n`);
      expect(stdout + stderr).not.toContain('hunter22');
    } finally {
      await proxy.close();
    }
  });

  it('config check --json gives each account its proxy (no credentials), valid against the schema', async () => {
    const configPath = threeRoutes('check-json.json');
    // A closed port: the check's calls fail fast; the document still says the route.
    const env = { HTTPS_PROXY: 'http://bob:hunter22@127.0.0.1:9', NO_PROXY: 'direct.flow.test' };
    const { stdout, stderr } = await runCli(['config', 'check', '--json', '--timeout', '5s', '--config', configPath], { env });
    const doc = JSON.parse(stdout) as { accounts: Array<{ account: string; proxy?: unknown }> };
    expect(schemaProblems('config-check', doc)).toEqual([]);
    expect(Object.fromEntries(doc.accounts.map((a) => [a.account, a.proxy]))).toEqual({
      remote: { used: true, url: 'http://127.0.0.1:9', variable: 'HTTPS_PROXY', reason: null, error: null },
      direct: { used: false, url: null, variable: null, reason: 'NO_PROXY', error: null },
      local: { used: false, url: null, variable: null, reason: 'loopback', error: null },
    });
    expect(stdout + stderr).not.toContain('hunter22');
    const bad = JSON.parse(
      (await runCli(['config', 'check', '--json', '--config', configPath, '--account', 'remote'], { env: { HTTPS_PROXY: 'socks5://u:hunter22@h:1' } })).stdout,
    );
    expect(schemaProblems('config-check', bad)).toEqual([]);
    expect(bad.accounts[0].proxy).toEqual({
      used: false,
      url: null,
      variable: null,
      reason: 'invalid',
      error: 'HTTPS_PROXY: proxy scheme socks5:// is not supported',
    });
    const none = JSON.parse((await runCli(['config', 'check', '--json', '--config', sandboxConfig, '--account', 'syncpay'])).stdout);
    expect(none.accounts[0]).not.toHaveProperty('proxy');
  });

  it('config check without any proxy variable shows no Network section', async () => {
    const { stdout } = await runCli(['config', 'check', '--config', sandboxConfig, '--account', 'syncpay']);
    expect(stdout).not.toContain('Network:');
  });

  it.each([
    ['socks5://127.0.0.1:1080', 'HTTPS_PROXY: proxy scheme socks5:// is not supported'],
    ['http://[bad', 'HTTPS_PROXY is not a proxy URL'],
  ])('an unusable HTTPS_PROXY=%s is a config error (exit 3) that does not echo it', async (value, message) => {
    const { code, stdout, stderr } = await runCli(['balances', '--config', remoteConfig], { env: { HTTPS_PROXY: value } });
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).not.toContain(value);
  });
});
