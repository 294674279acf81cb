// `demo`: the first thing a new user sees. Starts the sandbox in-process on a free port and runs
// `balances` and `total` against it with a built-in config; no real provider is contacted. Loaded
// when the command runs; its registration is registration/demo.ts.
import type { BalancesResult } from '../api/fetch.js';
import { parseTolerance } from '../api/totals.js';
import { validateConfig } from '../config/schema.js';
import { sandboxRawConfig } from '../sandbox/demo-config.js';
import { startSandbox } from '../sandbox/server.js';
import { runBalances } from './balances.js';
import { noOptions, type RunContext } from './shared/context.js';
import { collectBalances } from './shared/fetch.js';
import { forFormat } from './shared/render.js';
import { runTotal } from './total.js';

export async function runDemo(ctx: RunContext): Promise<number> {
  const sandbox = await startSandbox();
  try {
    const config = validateConfig(await sandboxRawConfig(sandbox.baseUrl), null, 'builtin');
    ctx.output.info(ctx.output.errColor.dim(`Demo: balances from the built-in sandbox at ${sandbox.url}; no real provider is contacted.`));
    // One fetch, shown as balances and (for people) as the total.
    const result = await collectBalances(ctx, { config });
    const balancesCode = await runBalances(ctx, { currencies: [], hideZero: false, result });
    const moreCode = await forFormat(ctx.output.format, AFTER_BALANCES)(ctx, result);
    return balancesCode || moreCode;
  } finally {
    await sandbox.close();
  }
}

/** The demo's last words: the way from the sandbox to the user's own accounts (README "From the demo to your own accounts"). */
export const NEXT_STEPS = [
  'Next, with your own accounts:',
  '  balance-inspector config init    # a config; the key stays in the environment',
  '  balance-inspector config check   # check it: each key, one call per account',
  '  balance-inspector balances',
  'Or try every command on the sandbox first:',
  '  balance-inspector sandbox --write-config sandbox.yaml',
];

/** What the demo shows after the balances: JSON and CSV stay one document each; people also get the USD total and its sources. */
const AFTER_BALANCES = {
  table: async (ctx: RunContext, result: BalancesResult) => {
    ctx.output.data('\n');
    const code = await runTotal(ctx, { by: 'currency', tolerance: parseTolerance('1%'), strict: false, currencies: [], hideZero: false, result });
    for (const line of NEXT_STEPS) ctx.output.info(ctx.output.errColor.dim(line));
    return code;
  },
  json: async () => 0,
  csv: async () => 0,
};

export const demoCommand = { parse: noOptions, run: runDemo, prints: AFTER_BALANCES };
