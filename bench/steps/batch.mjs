// Payout runs (issue 20): `can-withdraw --batch` reads every selected account once and plans after
// the read. Measured here:
//  - planning 10,000 payouts on balances already read (the library's planPayouts on a result),
//    median of a few rounds in this process (budget ≤ 500 ms of CPU time; the wall time is shown
//    beside it), and 1,000 payouts for the ratio that shows the plan is linear (10,000 vs
//    10 × 1,000, budget ≤ 1.5×). Most of these payouts do not fit (the sandbox holds a few
//    thousand USDT): the worst case, where every candidate's refusal is written out;
//  - the same 10,000 payouts as CSV text: parsing and checking the file, then the plan;
//  - the requests a whole CLI run of 10,000 payouts makes against the sandbox, against those of one
//    `can-withdraw` for the same accounts (budget 1×: one read per account).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, timeProcess } from '../lib/measure.mjs';
import { cliEnv } from '../lib/target.mjs';

const ACCOUNTS = ['syncpay', 'bachs', 'casino-v1', 'casino-v3'];

/** n payouts of USDT: amounts from 10 to 16.99, a few pinned to an account, most of them fitting. */
function payouts(n) {
  return Array.from({ length: n }, (_, i) => ({
    id: `p-${i}`,
    currency: i % 5 === 0 ? 'USDT@tron' : 'USDT',
    amount: `${10 + (i % 7)}.${String(i % 100).padStart(2, '0')}`,
    account: i % 11 === 0 ? ACCOUNTS[i % ACCOUNTS.length] : null,
    memo: `payout ${i}`,
  }));
}

function csv(list) {
  return `id,currency,amount,account,memo\n${list.map((p) => `${p.id},${p.currency},${p.amount},${p.account ?? ''},${p.memo}`).join('\n')}\n`;
}

/**
 * Median wall and CPU time of `fn` (ms). On a machine shared with other jobs the wall time counts
 * their turns too; the process's CPU time counts only this work, so the budget is checked on it.
 */
async function timed(fn, rounds) {
  const wall = [];
  const cpu = [];
  let last;
  for (let r = 0; r < rounds; r++) {
    const startedCpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    last = await fn();
    wall.push(Number(process.hrtime.bigint() - started) / 1e6);
    const used = process.cpuUsage(startedCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(wall), cpuMs: median(cpu), last };
}

export async function batch(target, { rounds = 5 } = {}) {
  const library = await target.import('index.js');
  if (typeof library.planPayouts !== 'function') return { skipped: 'this build has no planPayouts (can-withdraw --batch)', figures: [] };
  const { sandboxRawConfig } = await target.import('sandbox/demo-config.js');
  const sandbox = await target.sandbox({ rateLimits: { 'flow-payments': null, cryptofuse: null, syncpay: null, bachs: null, swipelux: null } });
  const raw = await sandboxRawConfig(sandbox.baseUrl); // async since the provider registry loads emulators lazily
  const config = library.parseConfig(raw);

  const before = sandbox.requests.length;
  const result = await library.fetchBalances(config, { accounts: ACCOUNTS, withdrawalRules: true, refresh: true, env: {} });
  const readRequests = sandbox.requests.length - before;
  if (result.errors.length > 0) throw new Error(`batch step: the read failed: ${result.errors[0].message}`);

  const tenThousand = payouts(10_000);
  const thousand = payouts(1_000);
  const plan = (list) => library.planPayouts(result, list);
  await plan(thousand); // warm-up: the first plan compiles the decision code
  const small = await timed(() => plan(thousand), rounds);
  const large = await timed(() => plan(tenThousand), rounds);
  const text = csv(tenThousand);
  const fromText = await timed(() => plan(text), rounds);
  const counts = large.last.counts;

  // Whole CLI runs: what a run of 10,000 payouts asks of the providers, against one payout.
  const configPath = target.config('batch', raw.accounts, { pegged: raw.pegged });
  const file = join(target.dir, 'payouts.csv');
  writeFileSync(file, text);
  const accounts = ['--account', ACCOUNTS.join(',')];
  const requestsOf = async (args, expect) => {
    const start = sandbox.requests.length;
    const run = await timeProcess(target.cli('--config', configPath, ...args, ...accounts), { env: cliEnv(), timeoutMs: 120_000 });
    if (!expect.includes(run.code)) throw new Error(`batch step: ${args.join(' ')} exited ${run.code}: ${run.stderr.slice(0, 400)}`);
    return { requests: sandbox.requests.length - start, ms: run.ms };
  };
  const single = await requestsOf(['can-withdraw', 'USDT', '10'], [0]);
  const run = await requestsOf(['can-withdraw', '--batch', file, '--json'], [0, 1]);
  return {
    planMs: large.ms,
    planCpuMs: large.cpuMs,
    plan1kMs: small.ms,
    plan1kCpuMs: small.cpuMs,
    fromTextMs: fromText.ms,
    fromTextCpuMs: fromText.cpuMs,
    counts,
    readRequests,
    cli: { batchRequests: run.requests, singleRequests: single.requests, batchMs: run.ms, singleMs: single.ms },
    notes: [
      `${ACCOUNTS.length} accounts read with ${readRequests} requests; 10,000 payouts: ${counts.yes} yes, ${counts.no} no, ${counts.unknown} unknown`,
      `whole CLI run of 10,000 payouts (CSV, --json): ${Math.round(run.ms)} ms, ${run.requests} requests; one can-withdraw: ${Math.round(single.ms)} ms, ${single.requests} requests`,
    ],
    figures: [
      { figure: 'plan 10,000 payouts after the read (CPU)', value: large.cpuMs, unit: 'ms', target: 500, better: 'lower' },
      { figure: 'plan 10,000 payouts after the read (wall)', value: large.ms, unit: 'ms' },
      { figure: 'plan 10,000 vs 10 × 1,000 payouts (CPU, linear)', value: large.cpuMs / (10 * small.cpuMs), unit: '×', target: 1.5, better: 'lower' },
      { figure: 'parse a 10,000-row CSV and plan it (CPU)', value: fromText.cpuMs, unit: 'ms' },
      {
        figure: `requests: --batch of 10,000 vs one can-withdraw (${ACCOUNTS.length} accounts)`,
        value: run.requests / single.requests,
        unit: '×',
        target: 1,
        better: 'lower',
      },
    ],
  };
}
