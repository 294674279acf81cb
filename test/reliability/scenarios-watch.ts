// watch under faults and signals: long-running, so interrupts and failing accounts matter most.
import { on, type Scenario, type ScenarioEnv } from './harness.js';

/** Every stdout line is a schemaVersion 1 NDJSON event; `first` is the type of the first one. */
function ndjson(first: string | null) {
  return (stdout: string) => {
    const events = stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { type: string; schemaVersion: number });
    if (events.some((e) => e.schemaVersion !== 1 || typeof e.type !== 'string')) throw new Error('not schemaVersion 1 NDJSON');
    if (first !== null && events[0]?.type !== first) throw new Error(`first event ${events[0]?.type}, expected ${first}`);
  };
}

const watch = (env: ScenarioEnv, ...rest: string[]) => ['watch', '--json', '--interval', '1s', ...on(env, '--account', 'syncpay'), ...rest];
/** The canary key is not the sandbox's published key, so SyncPay's real 10 s floor applies. */
const FLOOR = "SyncPay asks for no more than one balance poll every 10s: polling account 'syncpay' every 10s instead of 1s\n";
const only = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

export const watchScenarios: Scenario[] = [
  {
    id: 'W01',
    what: 'SIGINT during watch',
    exit: 130,
    maxMs: 6_000,
    once: true,
    signal: { name: 'SIGINT', afterMs: 400 },
    args: (env) => watch(env),
    stdout: ndjson('snapshot'),
    stderr: only(FLOOR),
  },
  {
    id: 'W02',
    what: 'SIGTERM during watch',
    exit: 143,
    maxMs: 6_000,
    once: true,
    signal: { name: 'SIGTERM', afterMs: 400 },
    args: (env) => watch(env),
    stdout: ndjson('snapshot'),
    stderr: only(FLOOR),
  },
  {
    id: 'W03',
    what: 'SIGTERM while a watch poll hangs',
    exit: 143,
    maxMs: 6_000,
    once: true,
    signal: { name: 'SIGTERM', afterMs: 300 },
    setup: (env) => env.sandbox.faults.add({ provider: 'syncpay', kind: 'hang', times: 5 }),
    args: (env) => watch(env),
    stdout: ndjson(null),
    stderr: only(FLOOR),
  },
  {
    id: 'W04',
    what: 'a watched account whose key is rejected',
    exit: 4,
    maxMs: 8_000,
    setup: (env) =>
      env.sandbox.faults.add({
        provider: 'syncpay',
        kind: 'status',
        status: 401,
        times: 10,
        body: JSON.stringify({ error: { code: 'UNAUTHORIZED', message: `Invalid API key ${env.canaries.syncpay}` } }),
      }),
    args: (env) => watch(env, '--count', '1'),
    stderr: /SyncPay rejected the API key for account 'syncpay' \(401 UNAUTHORIZED: Invalid API key «redacted»\)/,
    stdout: (stdout) => {
      ndjson(null)(stdout);
      // A failure on the first poll is reported inside the snapshot (its `errors`), not as an event.
      if (!/"type":"snapshot".*"code":"AUTH_FAILED"/.test(stdout)) throw new Error('expected the failure in the snapshot');
    },
  },
  {
    id: 'W05',
    what: 'watch --until that never holds, with --timeout',
    exit: 1,
    maxMs: 8_000,
    args: (env) => watch(env, '--until', 'USDT>=1000000', '--timeout', '2s'),
    stdout: ndjson('snapshot'),
    stderr: /warning: USDT >= 1000000 did not hold within --timeout 2s \(last seen 500\.00 available\)/,
  },
  {
    id: 'W06',
    what: 'watch output closed early (| head -1)',
    exit: 0,
    maxMs: 8_000,
    cli: { closeStdoutEarly: true },
    setup: (env) => env.sandbox.faults.add({ provider: 'syncpay', kind: 'delay', ms: 10, times: 1 }),
    args: (env) => watch(env, '--count', '1'),
    stdout: ndjson('snapshot'),
    stderr: only(FLOOR),
  },
];
