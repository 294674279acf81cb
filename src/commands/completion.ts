// `completion bash|zsh|fish`: print a completion script derived from this very program, so it
// never drifts from the real commands and flags. The scripts call the hidden
// `completion --accounts` / `--providers` at completion time for account names and provider ids. Loaded when the command runs; its
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
import { ACCOUNT_NAME, DECLARED_ID } from '../core/names.js';
import { PROVIDER_IDS } from '../providers/catalog.js';
import { SHELLS, type Shell } from './shared/choices.js';
import type { CommandModule, RunContext } from './shared/context.js';
import { booleanOption, type RawOptions } from './shared/raw-options.js';
import { CLI_OPTION_NAMES } from '../core/option-names.js';
import { acceptedProgramOptions } from './shared/supports.js';

/**
 * What to print: the script for a shell, or (hidden `--accounts` / `--providers`, run by that
 * script while the user completes) the configured account names or provider ids. With either a
 * [shell] argument is ignored.
 */
export type CompletionOptions = { print: 'accounts' | 'providers' } | { print: 'script'; shell: Shell };

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

const SCRIPTS: Record<Shell, (spec: CompletionSpec) => string> = { bash: bashScript, zsh: zshScript, fish: fishScript };

function printScript(ctx: RunContext, program: Command, shell: Shell): number {
  // After a command, only the program's flags it takes (what its --help lists).
  ctx.output.data(SCRIPTS[shell](completionSpec(program, acceptedProgramOptions)));
  return 0;
}

/**
 * Account names, or provider ids (the built-in ones and those the config declares), for a shell
 * that is completing: read the config file as data only (no validation of the rest, no ${VAR}, no
 * network) and stay silent on any problem, since whatever is printed here lands on the user's
 * command line.
 */
async function printConfigured(ctx: RunContext, what: 'accounts' | 'providers'): Promise<number> {
  const names: string[] = what === 'providers' ? [...PROVIDER_IDS] : [];
  try {
    const found = findConfig({ explicitPath: ctx.globals.configPath, cwd: ctx.cwd, env: ctx.env, names: CLI_OPTION_NAMES });
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

/** The command for this program: the script it prints describes the program it is part of. */
export function completionCommandOf(program: Command): CommandModule<CompletionOptions> {
  return {
    parse: parseCompletionOptions,
    run: async (ctx, options) => (options.print === 'script' ? printScript(ctx, program, options.shell) : printConfigured(ctx, options.print)),
  };
}
