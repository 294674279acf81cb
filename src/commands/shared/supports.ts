// Global flags a command cannot honour are refused (exit 2), never silently ignored: `demo
// --config` would otherwise show the sandbox while the user believes it read their config. Each
// command declares what it honours (Supports); this checks what was typed against it.
import { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { describePrinted, formatFlag, type Format } from '../../ui/formats.js';
import type { GlobalOptions } from './options.js';
import type { RawOptions } from './raw-options.js';

/**
 * What a command can honour of the global flags. src/cli.ts refuses the rest as usage errors, so
 * no command silently ignores an output format or a cache age; its --help and the shell
 * completion offer only these.
 */
export interface Supports<F extends Format = Format> {
  /** Output formats it prints: the keys of its renderers (commands/shared/render.ts). */
  formats: readonly F[];
  /** With a hint when a format is refused, e.g. "use --json for the details". */
  formatHint?: string;
  /** It reads balances through the cache, so --max-age means something (default: false). */
  cache?: boolean;
  /** It reads (or writes) a config file, so --config means something (default: true). */
  config?: boolean;
  /** Said when --config is refused, e.g. what to run instead. */
  configHint?: string;
  /** It works on configured accounts, so --account and --provider mean something (default: true). */
  accounts?: boolean;
  /** It asks providers for balances, so --timeout and --no-cache mean something (default: true). */
  providers?: boolean;
  /** It runs for hours (watch): src/cli.ts tunes V8 for a long-lived process (default: false). */
  longRunning?: boolean;
}

/** A command's Supports, or one that depends on its own flags (`completion --accounts` reads a config). */
export type SupportsDeclaration<F extends Format = Format> = Supports<F> | ((opts: RawOptions) => Supports<F>);

/**
 * The class of every command of this program (commander's createCommand makes each subcommand
 * one), so each carries its Supports: the runner refuses by it, its --help lists by it and the
 * completion scripts offer by it.
 */
export class Program extends Command {
  /** Set when the command is declared (src/cli.ts); undefined for groups such as `config`, and `help`. */
  supports: SupportsDeclaration | undefined;
  /** Loads its implementation (a CommandModule); kept so tests can hold `prints` against `supports`. */
  loadImplementation: (() => Promise<{ prints?: object }>) | undefined;

  override createCommand(name?: string): Program {
    return new Program(name);
  }
}

/** A declared command's Supports for these flags of its own (none: as its --help describes it). */
export function supportsOf(command: Command, opts: RawOptions = {}): Supports | undefined {
  const declared = command instanceof Program ? command.supports : undefined;
  return typeof declared === 'function' ? declared(opts) : declared;
}

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
  const formats: readonly Format[] = supports.formats;
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
