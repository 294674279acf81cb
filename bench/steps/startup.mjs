// Steps 1 and 2: start-up. `--version`, `--help` and a one-shot `can-withdraw` against a one-account
// config are timed against `node -e 0` (and `curl | jq` doing the same check, when both exist), all
// in one alternating group so machine noise hits every contender alike. The group runs twice:
//  - "machine env": the caller's environment (colour off), i.e. what a script on this machine gets.
//    The budget applies here; it is where the issue's `node -e 0` ≈ 60 ms comes from (this
//    workplace sets NODE_EXTRA_CA_CERTS, which Node reads at every start);
//  - "clean env": only PATH, HOME and NO_COLOR, where Node itself starts in ~25 ms, so the same
//    fixed cost of the CLI is a larger ratio. Shown for honesty, not hidden behind the first.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { alternate } from '../lib/measure.mjs';
import { cliEnv } from '../lib/target.mjs';

function machineEnv() {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return env;
}

function has(tool) {
  return spawnSync('/bin/sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

export async function startup(target, { rounds }) {
  const SANDBOX_KEYS = await target.sandboxKeys();
  const sandbox = await target.sandbox();
  const config = target.config('one-account', {
    syncpay: { provider: 'syncpay', baseUrl: sandbox.baseUrl('syncpay'), apiKey: SANDBOX_KEYS.syncpay },
  });
  const contenders = [
    { name: 'node -e 0', argv: [process.execPath, '-e', '0'] },
    { name: '--version', argv: target.cli('--version') },
    { name: '--help', argv: target.cli('--help') },
    { name: 'can-withdraw', argv: target.cli('--config', config, 'can-withdraw', 'USDT', '100') },
  ];
  // The least a script can do with the same HTTP library (issue 12's budget: can-withdraw within
  // 1.25× of it): load undici, one request, parse, compare. Plain Node, and with the V8 flag the
  // CLI sets on Node 20 (src/cli.ts), which spares the script V8 11's wait for undici's WebAssembly.
  const undici = createRequire(join(target.root, 'package.json')).resolve('undici');
  const script = join(target.dir, 'undici-check.cjs');
  writeFileSync(script, `const { request } = require(${JSON.stringify(undici)});
request(${JSON.stringify(`${sandbox.baseUrl('syncpay')}/api/v1/accounts/balances`)}, { headers: { authorization: 'Bearer ${SANDBOX_KEYS.syncpay}' } })
  .then((r) => r.body.json())
  .then((j) => { process.exitCode = j.balances.some((b) => b.currency === 'USDT_TRC20' && Number(b.available_balance) >= 100) ? 0 : 1; });
`);
  contenders.push({ name: 'node + undici', argv: [process.execPath, script] });
  if (process.versions.v8.startsWith('11.')) contenders.push({ name: 'node --liftoff-only + undici', argv: [process.execPath, '--liftoff-only', script] });
  const notes = [];
  if (has('curl') && has('jq')) {
    // The same question by hand: is USDT_TRC20 available_balance >= 100? jq -e exits 0 only if so.
    const url = `${sandbox.baseUrl('syncpay')}/api/v1/accounts/balances`;
    const filter = '[.balances[] | select(.currency == "USDT_TRC20") | .available_balance | tonumber >= 100] | any';
    contenders.push({
      name: 'curl | jq',
      shell: true,
      argv: [`curl -sf -H 'authorization: Bearer ${SANDBOX_KEYS.syncpay}' '${url}' | jq -e '${filter}' > /dev/null`],
    });
  } else {
    notes.push('curl | jq skipped: curl and jq are not both installed');
  }
  const groups = { 'machine env': machineEnv(), 'clean env': cliEnv() };
  const timings = {};
  const figures = [];
  for (const [label, env] of Object.entries(groups)) {
    const t = await alternate(contenders, { rounds, env });
    timings[label] = t;
    const ratio = (name) => t[name].median / t['node -e 0'].median;
    figures.push(
      { figure: `--version vs node -e 0 [${label}]`, value: ratio('--version'), unit: '×', target: 1.3, better: 'lower' },
      { figure: `--help vs node -e 0 [${label}]`, value: ratio('--help'), unit: '×', target: 1.3, better: 'lower' },
      { figure: `can-withdraw vs node -e 0 [${label}]`, value: ratio('can-withdraw'), unit: '×', target: 2.0, better: 'lower' },
      { figure: `can-withdraw vs node + undici [${label}]`, value: ratio('can-withdraw') / ratio('node + undici'), unit: '×', target: 1.25, better: 'lower' },
      ...(t['node --liftoff-only + undici'] ? [{ figure: `can-withdraw vs node --liftoff-only + undici [${label}]`, value: t['can-withdraw'].median / t['node --liftoff-only + undici'].median, unit: '×' }] : []),
      ...(t['curl | jq'] ? [{ figure: `can-withdraw vs curl | jq [${label}]`, value: t['can-withdraw'].median / t['curl | jq'].median, unit: '×' }] : []),
    );
  }
  return { timings, notes, figures };
}
