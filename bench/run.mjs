#!/usr/bin/env node
// `npm run bench`: the performance budgets of issues 7 and 22; a year of history: issue 22 (docs/dev/performance.md). Builds
// nothing itself (the npm script builds first); measures this checkout, or another built tree given
// with --root (how the "before" columns of docs/dev/performance.md were made). Everything runs in this process tree
// against sandboxes on 127.0.0.1; results go to the terminal and to bench/results.json (gitignored).
//   node bench/run.mjs [--root DIR] [--rounds N] [--quick] [--only startup,fanout,many-accounts,rate-limit,parse,big-read,watch,history,history-year,tables,batch] [--out FILE]
// --quick runs every step with few rounds and smaller sizes (CI runs it so that a broken bench
// fails the build; it asserts no time). A step that fails makes the run exit 1; a figure over its
// budget does not (times are for people to read, on a quiet machine).
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Target } from './lib/target.mjs';
import { printReport } from './lib/report.mjs';
import { startup } from './steps/startup.mjs';
import { fanout } from './steps/fanout.mjs';
import { rateLimit } from './steps/rate-limit.mjs';
import { parse } from './steps/parse.mjs';
import { watch } from './steps/watch.mjs';
import { history } from './steps/history.mjs';
import { manyAccounts } from './steps/many-accounts.mjs';
import { bigRead } from './steps/big-read.mjs';
import { historyYear } from './steps/history-year.mjs';
import { tables } from './steps/tables.mjs';
import { batch } from './steps/batch.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const { values } = parseArgs({
  options: {
    root: { type: 'string', default: resolve(here, '..') },
    rounds: { type: 'string' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string', default: resolve(here, 'results.json') },
  },
});
const quick = values.quick;
const rounds = Number(values.rounds ?? (quick ? 3 : 30));
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive whole number, not ${values.rounds}`);
const STEPS = {
  startup: (t) => startup(t, { rounds, warmup: quick ? 1 : 3 }),
  fanout: (t) => fanout(t, { runs: quick ? 1 : 5 }),
  'many-accounts': (t) => manyAccounts(t, { rounds: quick ? 2 : Math.min(rounds, 10) }),
  'rate-limit': (t) => rateLimit(t, { windows: quick ? 2 : 3 }),
  parse: (t) => parse(t, { rounds: quick ? 3 : 15 }),
  'big-read': (t) => bigRead(t, { rounds: quick ? 1 : 2, wallets: quick ? 500 : 5_000 }),
  watch: (t) => watch(t, { polls: quick ? 200 : 5_000 }),
  history: (t) => history(t, { rounds }),
  'history-year': (t) => historyYear(t, { rounds, quick }),
  tables: (t) => tables(t, { rounds: quick ? 1 : 5 }),
  batch: (t) => batch(t),
};
const chosen = values.only ? values.only.split(',') : Object.keys(STEPS);
for (const name of chosen) if (!(name in STEPS)) throw new Error(`unknown step ${name}; steps: ${Object.keys(STEPS).join(', ')}`);

const target = new Target(resolve(values.root));
const results = {
  date: new Date().toISOString(),
  root: target.root,
  machine: { node: process.version, cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', loadavgAtStart: loadavg() },
  method: 'medians; start-up contenders alternate round-robin with a rotating order after dropped warm-up rounds',
  rounds,
  quick,
  steps: {},
};
// A bounded run: each step has its own limits, and a step still running after its guard (15
// minutes; 90 for a full year of history, generated, imported twice and queried on a loaded 2-vCPU
// machine) stops the bench (what the steps before it measured is written first).
let guard = null;
try {
  for (const name of chosen) {
    process.stderr.write(`bench: ${name}…\n`);
    const started = Date.now();
    clearTimeout(guard);
    const guardMinutes = name === 'history-year' && !quick ? 90 : 15;
    guard = setTimeout(() => {
      console.error(`bench: step ${name} still running after ${guardMinutes} minutes; stopping`);
      results.steps[name] = { error: `still running after ${guardMinutes} minutes`, figures: [] };
      writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);
      process.exit(2);
    }, guardMinutes * 60_000);
    guard.unref();
    try {
      results.steps[name] = { ...(await STEPS[name](target)), seconds: (Date.now() - started) / 1000 };
    } catch (error) {
      results.steps[name] = { error: error instanceof Error ? error.message : String(error), figures: [] };
    }
  }
} finally {
  await target.cleanup();
}
results.machine.loadavgAtEnd = loadavg();
writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);
printReport(results);
console.log(`\nwritten: ${values.out}`);
clearTimeout(guard);
const failed = Object.entries(results.steps)
  .filter(([, step]) => step.error)
  .map(([name]) => name);
if (failed.length > 0) {
  console.error(`bench: ${failed.length} step(s) failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
