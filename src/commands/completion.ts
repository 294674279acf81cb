// `completion bash|zsh|fish`: print a completion script derived from this very program, so it
// never drifts from the real commands and flags. The scripts call the hidden
// `completion --accounts` / `--providers` at completion time for account names and provider ids.
import { Argument, Option, type Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { examples } from './shared/options.js';
import type { RunContext, Runner } from './shared/context.js';
import { booleanOption, type RawOptions } from './shared/raw-options.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

/**
 * What to print: the script for a shell, or (hidden `--accounts` / `--providers`, run by that
 * script while the user completes) the configured account names or provider ids. With either a
 * [shell] argument is ignored.
 */
export type CompletionOptions = { print: 'accounts' | 'providers' } | { print: 'script'; shell: Shell };

export function registerCompletion(program: Command, run: Runner): void {
  program
    .command('completion')
    .description('print a shell completion script for commands, flags, account names and output formats')
    .addArgument(new Argument('[shell]', 'the shell to complete in').choices(SHELLS))
    // For the scripts themselves: the configured account names, one a line; never an error.
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
    )
    .action(
      run(parseCompletionOptions, (ctx, options) => (options.print === 'script' ? printScript(ctx, program, options.shell) : printConfigured(ctx, options.print)), (opts) => ({
        formats: ['table'],
        // The script is the same for every config; only `--accounts` (run by the script) reads one.
        config: booleanOption(opts, 'accounts') || booleanOption(opts, 'providers'),
        accounts: false,
        providers: false,
      })),
    );
}

export function parseCompletionOptions(opts: RawOptions, args: readonly string[]): CompletionOptions {
  if (booleanOption(opts, 'accounts')) return { print: 'accounts' };
  if (booleanOption(opts, 'providers')) return { print: 'providers' };
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
 * Account names, or provider ids (the built-in ones and those the config declares), for a shell
 * that is completing: read the config file as data only (no validation of the rest, no ${VAR}, no
 * network) and stay silent on any problem, since whatever is printed here lands on the user's
 * command line.
 */
async function printConfigured(ctx: RunContext, what: 'accounts' | 'providers'): Promise<number> {
  const [{ findConfig }, { loadConfigFile }, { ACCOUNT_NAME }, { isPlainObject }, { PROVIDER_IDS }, { DECLARED_ID }] = await Promise.all([
    import('../config/find.js'),
    import('../config/load.js'),
    import('../core/names.js'),
    import('../config/fields.js'),
    import('../providers/catalog.js'),
    import('../providers/declared/validate.js'),
  ]);
  const names: string[] = what === 'providers' ? [...PROVIDER_IDS] : [];
  try {
    const found = findConfig({ explicitPath: ctx.globals.configPath, cwd: ctx.cwd, env: ctx.env });
    const raw = await loadConfigFile(found.path);
    const section = isPlainObject(raw) ? raw[what] : undefined;
    const keys = isPlainObject(section) ? Object.keys(section) : [];
    if (what === 'accounts') names.push(...keys.filter((name) => ACCOUNT_NAME.test(name)));
    else names.push(...keys.filter((id) => DECLARED_ID.test(id) && !names.includes(id)));
  } catch {
    // Nothing (more) to offer; the shell completes what is known without a config.
  }
  if (names.length > 0) ctx.output.data(`${names.join('\n')}\n`);
  return 0;
}
