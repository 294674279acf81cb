// `sandbox`: what every start-up registers; the command itself (../sandbox.ts) loads when it runs.
import { examples } from '../shared/options.js';
import type { Declare } from '../shared/context.js';
import type { Program } from '../shared/supports.js';

export function registerSandbox(program: Program, declare: Declare): void {
  const command = program
    .command('sandbox')
    .description("serve a loopback emulator of the providers' balance APIs (for trying the tool and for tests)")
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one)')
    .option('--latency <duration>', 'delay every response, e.g. 50ms')
    .option('--no-rate-limit', 'do not enforce the documented rate limits')
    .option('--write-config <path>', 'write a config (mode 0600) whose accounts point at this sandbox')
    .option('--force', 'with --write-config: replace that file if it exists')
    .option('--scenario <name>', 'make balances change: settle (a USDT deposit settles; settle:5 after 5 requests, settle:30s after 30s) or ticker')
    .addHelpText(
      'after',
      examples([
        'balance-inspector sandbox --port 8787 --write-config sandbox.yaml',
        'balance-inspector --config sandbox.yaml balances        # in another terminal',
        'balance-inspector sandbox --latency 100ms --no-rate-limit',
        'balance-inspector sandbox --scenario settle:30s --write-config sandbox.yaml   # then: watch --config sandbox.yaml',
      ]),
    );
  declare(command, () => import('../sandbox.js').then((m) => m.sandboxCommand), { formats: ['table'], config: false, accounts: false, providers: false });
}
