// `completion`: what every start-up registers; the command itself (../completion.ts) loads when it runs.
import { Argument, Option } from 'commander';
import { SHELLS } from '../shared/choices.js';
import { examples } from '../shared/options.js';
import type { Declare } from '../shared/context.js';
import { booleanOption } from '../shared/raw-options.js';
import type { Program } from '../shared/supports.js';

export function registerCompletion(program: Program, declare: Declare): void {
  const command = program
    .command('completion')
    .description('print a shell completion script for commands, flags, account names and output formats')
    .addArgument(new Argument('[shell]', 'the shell to complete in').choices(SHELLS))
    // For the scripts themselves: the configured account names or provider ids, one a line; never an error.
    .addOption(new Option('--accounts', 'print the configured account names').hideHelp())
    .addOption(new Option('--providers', 'print the provider ids, the declared ones included').hideHelp())
    .addHelpText(
      'after',
      examples([
        'balance-inspector completion bash > ~/.local/share/bash-completion/completions/balance-inspector',
        'balance-inspector completion zsh > "${fpath[1]}/_balance-inspector"',
        'balance-inspector completion fish > ~/.config/fish/completions/balance-inspector.fish',
        'source <(balance-inspector completion bash)    # this shell only',
      ]),
    );
  // The script describes this very program, so its implementation is given the program.
  declare(
    command,
    () => import('../completion.js').then((m) => m.completionCommandOf(program)),
    (opts) => ({
      formats: ['table'],
      // The script is the same for every config; only `--accounts` / `--providers` (run by the
      // script, hidden from --help and completion) read one.
      config: opts !== null && (booleanOption(opts, 'accounts') || booleanOption(opts, 'providers')),
      accounts: false,
      providers: false,
    }),
  );
}
