// `demo`: the first thing a new user sees. Starts the sandbox in-process on a free port and runs
// `balances` and `total` against it with a built-in config; no real provider is contacted.
import type { Command } from 'commander';
import { examples } from './shared/options.js';
import { noOptions, type RunContext, type Runner } from './shared/context.js';

export function registerDemo(program: Command, run: Runner): void {
  program
    .command('demo')
    .description('show balances from the built-in sandbox of every provider (no config or keys needed)')
    .addHelpText('after', examples(['balance-inspector demo', 'balance-inspector demo --json', 'balance-inspector demo --account syncpay']))
    .action(
      run(noOptions, runDemo, {
        config: false,
        configHint: 'demo always reads its built-in sandbox; for your own config run e.g. balance-inspector balances --config <path>',
      }),
    );
}

export async function runDemo(ctx: RunContext): Promise<number> {
  const [{ startSandbox }, { sandboxRawConfig }, { validateConfig }, { collectBalances }, { runBalances }, { runTotal }, { parseTolerance }] = await Promise.all([
    import('../sandbox/server.js'),
    import('../sandbox/demo-config.js'),
    import('../config/schema.js'),
    import('./shared/fetch.js'),
    import('./balances.js'),
    import('./total.js'),
    import('../api/totals.js'),
  ]);
  const sandbox = await startSandbox();
  try {
    const config = validateConfig(await sandboxRawConfig(sandbox.baseUrl), null, 'builtin');
    ctx.output.info(ctx.output.errColor.dim(`Demo: balances from the built-in sandbox at ${sandbox.url}; no real provider is contacted.`));
    // One fetch, shown as balances and (for people) as the total.
    const result = await collectBalances(ctx, { config });
    const balancesCode = await runBalances(ctx, { currencies: [], hideZero: false, result });
    // JSON and CSV stay one document each; people also get the USD total and its sources.
    if (ctx.output.format !== 'table') return balancesCode;
    ctx.output.data('\n');
    const totalCode = await runTotal(ctx, { by: 'currency', tolerance: parseTolerance('1%'), strict: false, currencies: [], hideZero: false, result });
    for (const line of NEXT_STEPS) ctx.output.info(ctx.output.errColor.dim(line));
    return balancesCode || totalCode;
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
