#!/usr/bin/env node
// `npm run bench`: the performance budget of issue 7 (docs/dev/performance.md). Builds nothing
// itself (the npm script builds first); measures this checkout, or another built tree given with
// --root (how the "before" columns of docs/dev/performance.md was made). Everything runs in this process tree against
// sandboxes on 127.0.0.1; results go to the terminal and to bench/results.json (gitignored).
//   node bench/run.mjs [--root DIR] [--rounds N] [--only startup,fanout,rate-limit,parse,watch,history,tables,batch] [--out FILE]
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
import { tables } from './steps/tables.mjs';
import { batch } from './steps/batch.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const { values } = parseArgs({
  options: {
    root: { type: 'string', default: resolve(here, '..') },
    rounds: { type: 'string', default: '30' },
    only: { type: 'string' },
    out: { type: 'string', default: resolve(here, 'results.json') },
  },
});
const rounds = Number(values.rounds);
const STEPS = {
  startup: (t) => startup(t, { rounds }),
  fanout: (t) => fanout(t),
  'rate-limit': (t) => rateLimit(t),
  parse: (t) => parse(t),
  watch: (t) => watch(t),
  history: (t) => history(t, { rounds }),
  tables: (t) => tables(t),
  batch: (t) => batch(t),
};
const chosen = values.only ? values.only.split(',') : Object.keys(STEPS);
for (const name of chosen) if (!(name in STEPS)) throw new Error(`unknown step ${name}; steps: ${Object.keys(STEPS).join(', ')}`);

const target = new Target(resolve(values.root));
const results = {
  date: new Date().toISOString(),
  root: target.root,
  machine: { node: process.version, cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', loadavgAtStart: loadavg() },
  method: 'medians; start-up contenders alternate round-robin with a rotating order after 3 dropped warm-up rounds',
  rounds,
  steps: {},
};
// A bounded run: each step has its own limits; the whole bench is stopped if it ever hangs.
const guard = setTimeout(() => {
  console.error('bench: still running after 15 minutes; stopping');
  process.exit(2);
}, 15 * 60_000);
guard.unref();
try {
  for (const name of chosen) {
    process.stderr.write(`bench: ${name}…\n`);
    const started = Date.now();
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
