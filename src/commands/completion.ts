// `completion bash|zsh|fish`: print a completion script derived from this very program, so it
// never drifts from the real commands and flags. The scripts call the hidden
// `completion --accounts` at completion time for account names.
import { Argument, Option, type Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { examples } from './shared/options.js';
import type { RunContext, Runner } from './shared/context.js';
import { booleanOption, type RawOptions } from './shared/raw-options.js';
import { CLI_OPTION_NAMES } from '../core/option-names.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

/**
 * What to print: the script for a shell, or (hidden `--accounts`, run by that script while the
 * user completes) the configured account names. With --accounts a [shell] argument is ignored.
 */
export type CompletionOptions = { print: 'accounts' } | { print: 'script'; shell: Shell };

export function registerCompletion(program: Command, run: Runner): void {
  program
    .command('completion')
    .description('print a shell completion script for commands, flags, account names and output formats')
    .addArgument(new Argument('[shell]', 'the shell to complete in').choices(SHELLS))
    // For the scripts themselves: the configured account names, one a line; never an error.
    .addOption(new Option('--accounts', 'print the configured account names').hideHelp())
    .addHelpText(
      'after',
      examples([
        'balance-inspector completion bash > ~/.local/share/bash-completion/completions/balance-inspector',
        'balance-inspector completion zsh > "${fpath[1]}/_balance-inspector"',
        'balance-inspector completion fish > ~/.config/fish/completions/balance-inspector.fish',
        'source <(balance-inspector completion bash)    # this shell only',
      ]),
    )
    .action(
      run(parseCompletionOptions, (ctx, options) => (options.print === 'accounts' ? printAccounts(ctx) : printScript(ctx, program, options.shell)), (opts) => ({
        formats: ['table'],
        // The script is the same for every config; only `--accounts` (run by the script) reads one.
        config: booleanOption(opts, 'accounts'),
        accounts: false,
        providers: false,
      })),
    );
}

export function parseCompletionOptions(opts: RawOptions, args: readonly string[]): CompletionOptions {
  if (booleanOption(opts, 'accounts')) return { print: 'accounts' };
  const shell = args[0];
  if (shell === undefined) throw new UsageError(`completion needs a shell: ${SHELLS.join(', ')}`, 'e.g. balance-inspector completion bash');
  // commander has already refused any other word (Argument.choices).
  const known = SHELLS.find((s) => s === shell);
  if (known === undefined) throw new UsageError(`completion: unknown shell "${shell}"; expected ${SHELLS.join(', ')}`);
  return { print: 'script', shell: known };
}

async function printScript(ctx: RunContext, program: Command, shell: Shell): Promise<number> {
  const { completionSpec } = await import('../completion/spec.js');
  const spec = completionSpec(program);
  const generate: Record<Shell, () => Promise<string>> = {
    bash: async () => (await import('../completion/bash.js')).bashScript(spec),
    zsh: async () => (await import('../completion/zsh.js')).zshScript(spec),
    fish: async () => (await import('../completion/fish.js')).fishScript(spec),
  };
  ctx.output.data(await generate[shell]());
  return 0;
}

/**
 * Account names for a shell that is completing: read the config file as data only (no validation
 * of the rest, no ${VAR}, no network) and stay silent on any problem, since whatever is printed
 * here lands on the user's command line.
 */
async function printAccounts(ctx: RunContext): Promise<number> {
  try {
    const [{ findConfig }, { loadConfigFile }, { ACCOUNT_NAME }, { isPlainObject }] = await Promise.all([
      import('../config/find.js'),
      import('../config/load.js'),
      import('../core/names.js'),
      import('../config/fields.js'),
    ]);
    const found = findConfig({ explicitPath: ctx.globals.configPath, cwd: ctx.cwd, env: ctx.env, names: CLI_OPTION_NAMES });
    const raw = await loadConfigFile(found.path);
    const accounts = isPlainObject(raw) && isPlainObject(raw.accounts) ? Object.keys(raw.accounts) : [];
    const names = accounts.filter((name) => ACCOUNT_NAME.test(name));
    if (names.length > 0) ctx.output.data(`${names.join('\n')}\n`);
  } catch {
    // Nothing to offer; the shell simply completes no account names.
  }
  return 0;
}
