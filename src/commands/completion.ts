// `completion bash|zsh|fish`: print a completion script derived from this very program, so it
// never drifts from the real commands and flags. The scripts call the hidden
// `completion --accounts` at completion time for account names. Loaded when the command runs; its
// registration is registration/completion.ts.
import type { Command } from 'commander';
import { bashScript } from '../completion/bash.js';
import { fishScript } from '../completion/fish.js';
import { completionSpec, type CompletionSpec } from '../completion/spec.js';
import { zshScript } from '../completion/zsh.js';
import { isPlainObject } from '../config/fields.js';
import { findConfig } from '../config/find.js';
import { loadConfigFile } from '../config/load.js';
import { UsageError } from '../core/errors.js';
import { ACCOUNT_NAME } from '../core/names.js';
import { SHELLS, type Shell } from './shared/choices.js';
import type { CommandModule, RunContext } from './shared/context.js';
import { booleanOption, type RawOptions } from './shared/raw-options.js';
import { CLI_OPTION_NAMES } from '../core/option-names.js';
import { acceptedProgramOptions } from './shared/supports.js';

/**
 * What to print: the script for a shell, or (hidden `--accounts`, run by that script while the
 * user completes) the configured account names. With --accounts a [shell] argument is ignored.
 */
export type CompletionOptions = { print: 'accounts' } | { print: 'script'; shell: Shell };

export function parseCompletionOptions(opts: RawOptions, args: readonly string[]): CompletionOptions {
  if (booleanOption(opts, 'accounts')) return { print: 'accounts' };
  const shell = args[0];
  if (shell === undefined) throw new UsageError(`completion needs a shell: ${SHELLS.join(', ')}`, 'e.g. balance-inspector completion bash');
  // commander has already refused any other word (Argument.choices).
  const known = SHELLS.find((s) => s === shell);
  if (known === undefined) throw new UsageError(`completion: unknown shell "${shell}"; expected ${SHELLS.join(', ')}`);
  return { print: 'script', shell: known };
}

const SCRIPTS: Record<Shell, (spec: CompletionSpec) => string> = { bash: bashScript, zsh: zshScript, fish: fishScript };

function printScript(ctx: RunContext, program: Command, shell: Shell): number {
  // After a command, only the program's flags it takes (what its --help lists).
  ctx.output.data(SCRIPTS[shell](completionSpec(program, acceptedProgramOptions)));
  return 0;
}

/**
 * Account names for a shell that is completing: read the config file as data only (no validation
 * of the rest, no ${VAR}, no network) and stay silent on any problem, since whatever is printed
 * here lands on the user's command line.
 */
async function printAccounts(ctx: RunContext): Promise<number> {
  try {
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

/** The command for this program: the script it prints describes the program it is part of. */
export function completionCommandOf(program: Command): CommandModule<CompletionOptions> {
  return {
    parse: parseCompletionOptions,
    run: async (ctx, options) => (options.print === 'accounts' ? printAccounts(ctx) : printScript(ctx, program, options.shell)),
  };
}
