// `demo`: the first thing a new user sees. Starts the sandbox in-process on a free port and runs
// `balances` against it with a built-in config; no real provider is contacted, no config needed.
import type { Command } from 'commander';
import { examples } from './shared/options.js';
import type { RunContext, Runner } from './shared/context.js';

export function registerDemo(program: Command, run: Runner): void {
  program
    .command('demo')
    .description('show balances from the built-in sandbox of every provider (no config or keys needed)')
    .addHelpText('after', examples(['balance-inspector demo', 'balance-inspector demo --json', 'balance-inspector demo --account syncpay']))
    .action(run((ctx) => runDemo(ctx)));
}

export async function runDemo(ctx: RunContext): Promise<number> {
  const [{ startSandbox }, { sandboxRawConfig }, { validateConfig }, { runBalances }] = await Promise.all([
    import('../sandbox/server.js'),
    import('../sandbox/demo-config.js'),
    import('../config/schema.js'),
    import('./balances.js'),
  ]);
  const sandbox = await startSandbox();
  try {
    const config = validateConfig(sandboxRawConfig(sandbox.baseUrl), null, 'builtin');
    ctx.output.info(ctx.output.errColor.dim(`Demo: balances from the built-in sandbox at ${sandbox.url}; no real provider is contacted.`));
    return await runBalances(ctx, { currencies: [], hideZero: false, config });
  } finally {
    await sandbox.close();
  }
}
