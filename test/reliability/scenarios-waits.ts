// Every wait is inside --timeout, the proxy included (issue 21, class 7): proxies that close,
// stall, refuse or garble the CONNECT, TLS handshakes that stall or drop, a stalled OAuth token
// endpoint. Each ends with exit 5 at the budget, after at most the documented 3 attempts (counted
// as connections at the misbehaving server). Headers and body stalls are N04, N05 and N08.
import { misbehave, startRawServer, type RawServer } from '../helpers/proxy.js';
import { on, type Scenario, type ScenarioEnv } from './harness.js';
import { patchAccount } from './scenarios-network.js';

/** A host that does not resolve: only a proxy can reach it. */
const REMOTE = 'https://api.flow.test/api';
const flowJson = (env: ScenarioEnv) => ['balances', '--json', ...on(env, '--account', 'flow-main')];
const flowJsonWithin = (budget: string) => (env: ScenarioEnv) => [...flowJson(env), '--timeout', budget];

/** The servers a scenario started, by role, for its check. */
const started = new WeakMap<ScenarioEnv, Record<string, RawServer>>();

async function server(env: ScenarioEnv, role: string, onConnection: Parameters<typeof startRawServer>[0]): Promise<RawServer> {
  const raw = await startRawServer(onConnection);
  env.servers.push(raw);
  // The --debug rerun repeats the setup but keeps the first run's settings: keep the first server.
  const roles = started.get(env) ?? {};
  roles[role] ??= raw;
  started.set(env, roles);
  return roles[role];
}

/** flow-main behind HTTPS_PROXY=<a server that misbehaves as told>. */
const behindProxy = (onConnection: Parameters<typeof startRawServer>[0]) => async (env: ScenarioEnv) => {
  const proxy = await server(env, 'proxy', onConnection);
  patchAccount(env, 'flow-main', { baseUrl: REMOTE });
  env.env.HTTPS_PROXY = proxy.url;
};

/** flow-main directly at https://127.0.0.1:<a server that misbehaves as told>. */
const directTls = (onConnection: Parameters<typeof startRawServer>[0]) => async (env: ScenarioEnv) => {
  const origin = await server(env, 'origin', onConnection);
  patchAccount(env, 'flow-main', { baseUrl: `https://127.0.0.1:${origin.port}/api` });
};

/** The first run opened exactly `count` connections to the server in `role`. */
const connections = (role: string, count: number) => (_: unknown, env: ScenarioEnv) => {
  const seen = started.get(env)?.[role]?.connections();
  if (seen !== count) throw new Error(`expected ${count} connection(s) to the ${role}, saw ${seen}`);
};

const VIA = String.raw`Flow Payments for account 'flow-main' at api\.flow\.test via proxy http://127\.0\.0\.1:\d+ \(HTTPS_PROXY\)`;

export const waitScenarios: Scenario[] = [
  {
    id: 'T01',
    what: 'a proxy that closes every CONNECT: 3 attempts, not a reconnect storm',
    exit: 5,
    stdout: 'json-partial',
    maxMs: 8_000,
    setup: behindProxy(misbehave.close),
    args: flowJson,
    stderr: new RegExp(`cannot reach ${VIA}: the proxy closed the connection before answering CONNECT`),
    check: connections('proxy', 3),
  },
  {
    id: 'T02',
    what: 'a proxy that never answers CONNECT ends at --timeout',
    exit: 5,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: behindProxy(misbehave.silent),
    args: flowJsonWithin('1500ms'),
    stderr:
      /timed out waiting for Flow Payments for account 'flow-main' via proxy http:\/\/127\.0\.0\.1:\d+ \(HTTPS_PROXY\) \(waiting for the proxy to open the tunnel within 1\.5s\)\n  hint: check HTTPS_PROXY and NO_PROXY, or raise --timeout/,
    check: connections('proxy', 1),
  },
  {
    id: 'T03',
    what: 'a proxy that wants credentials (407): one attempt, a hint',
    exit: 5,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: behindProxy(misbehave.answer('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\n\r\n')),
    args: flowJson,
    stderr: new RegExp(
      `cannot reach ${VIA}: the proxy refused the tunnel \\(proxy answered 407 to CONNECT\\)\\n  hint: the proxy wants credentials: put user:password@ in HTTPS_PROXY`,
    ),
    check: connections('proxy', 1),
  },
  {
    id: 'T04',
    what: 'a proxy that forbids the host (403): one attempt',
    exit: 5,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: behindProxy(misbehave.answer('HTTP/1.0 403 Forbidden\r\n\r\n')),
    args: flowJson,
    stderr: new RegExp(`cannot reach ${VIA}: the proxy refused the tunnel \\(proxy answered 403 to CONNECT\\)`),
    check: connections('proxy', 1),
  },
  {
    id: 'T05',
    what: 'a proxy whose upstream fails (502) every time: 3 attempts',
    exit: 5,
    stdout: 'json-partial',
    maxMs: 8_000,
    setup: behindProxy(misbehave.answer('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n')),
    args: flowJson,
    stderr: new RegExp(`cannot reach ${VIA}: the proxy could not open the tunnel \\(proxy answered 502 to CONNECT\\)`),
    check: connections('proxy', 3),
  },
  {
    id: 'T06',
    what: 'a proxy that answers CONNECT with something that is not HTTP',
    exit: 5,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: behindProxy(misbehave.answer('SSH-2.0-OpenSSH_9.6\r\n\r\n')),
    args: flowJson,
    stderr: new RegExp(`cannot reach ${VIA}: the proxy did not answer CONNECT properly \\(the proxy answered CONNECT with something that is not HTTP\\)`),
    check: connections('proxy', 1),
  },
  {
    id: 'T07',
    what: 'a proxy that accepts the tunnel, then the TLS handshake stalls',
    exit: 5,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: async (env) => {
      const origin = await server(env, 'origin', misbehave.silent);
      await behindProxy(misbehave.tunnelTo(origin.port))(env);
    },
    args: flowJsonWithin('1500ms'),
    stderr:
      /timed out waiting for Flow Payments for account 'flow-main' via proxy http:\/\/127\.0\.0\.1:\d+ \(HTTPS_PROXY\) \(in the TLS handshake through the proxy within 1\.5s\)/,
    check: connections('origin', 1),
  },
  {
    id: 'T08',
    what: 'a direct TLS handshake that stalls ends at --timeout',
    exit: 5,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: directTls(misbehave.silent),
    args: flowJsonWithin('1500ms'),
    stderr: /timed out waiting for Flow Payments for account 'flow-main' \(in the TLS handshake within 1\.5s\)\n  hint: try again later or raise --timeout/,
    check: connections('origin', 1),
  },
  {
    id: 'T09',
    what: 'a server that drops every TLS handshake: 3 attempts',
    exit: 5,
    stdout: 'json-partial',
    maxMs: 8_000,
    setup: directTls(misbehave.close),
    args: flowJson,
    stderr: /cannot reach Flow Payments for account 'flow-main' at 127\.0\.0\.1:\d+: connection (reset|closed by the server)/,
    check: connections('origin', 3),
  },
  {
    id: 'T10',
    what: 'an OAuth token endpoint that never answers ends at --timeout',
    exit: 5,
    stdout: 'json-partial',
    maxMs: 6_000,
    setup: (env) => env.sandbox.faults.add({ provider: 'cryptofuse', path: '/o/token/', kind: 'hang', times: 5 }),
    args: (env) => ['balances', '--json', ...on(env, '--account', 'casino-v2'), '--timeout', '1500ms'],
    stderr: /timed out waiting for Cryptofuse for account 'casino-v2' \(no answer within 1\.5s\)/,
    attempts: { provider: 'cryptofuse', count: 1 },
  },
  {
    id: 'T11',
    what: 'a proxy that is not listening: connection refused, named as the proxy',
    exit: 5,
    stdout: 'json-partial',
    maxMs: 8_000,
    setup: async (env) => {
      const gone = await startRawServer(misbehave.close);
      await gone.close();
      patchAccount(env, 'flow-main', { baseUrl: REMOTE });
      env.env.HTTPS_PROXY = gone.url;
    },
    args: flowJson,
    stderr: new RegExp(`cannot reach ${VIA}: connection refused`),
  },
];
