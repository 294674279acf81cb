// Global flags a command cannot honour are refused (exit 2), never silently ignored: `demo
// --config` would otherwise show the sandbox while the user believes it read their config. Each
// command declares what it honours (Supports); this checks what was typed against it.
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { describePrinted, formatFlag, FORMAT_NAMES } from '../../ui/formats.js';
import type { GlobalOptions } from './options.js';
import type { Supports } from './context.js';

/** The command's name as typed: `config check`, `balances`. */
export function commandName(command: Command): string {
  return [command.parent?.parent ? command.parent.name() : null, command.name()].filter(Boolean).join(' ');
}

/** Was this global flag typed (not a default)? Globals live on the root program. */
function typed(command: Command, key: string): boolean {
  let root = command;
  while (root.parent) root = root.parent;
  return root.getOptionValueSource(key) === 'cli';
}

export function refuseUnsupported(command: Command, globals: GlobalOptions, supports: Supports): void {
  const name = commandName(command);
  const formats = supports.formats ?? FORMAT_NAMES;
  if (!formats.includes(globals.format)) {
    throw new UsageError(`${name} ${describePrinted(formats)}; ${formatFlag(globals.format)} is not supported`, supports.formatHint);
  }
  if (!supports.cache && globals.maxAgeMs !== undefined) {
    throw new UsageError(`${name} does not read cached balances; --max-age does not apply`);
  }
  if (supports.config === false && typed(command, 'config')) {
    throw new UsageError(`${name} reads no config file; --config does not apply`, supports.configHint);
  }
  for (const [key, flag] of [['account', '--account'], ['provider', '--provider']] as const) {
    if (supports.accounts === false && typed(command, key)) {
      throw new UsageError(`${name} does not work on configured accounts; ${flag} does not apply`);
    }
  }
  for (const [key, flag] of [['cache', '--no-cache'], ['timeout', '--timeout']] as const) {
    if (supports.providers === false && typed(command, key)) {
      throw new UsageError(`${name} asks no provider for balances; ${flag} does not apply`);
    }
  }
}
