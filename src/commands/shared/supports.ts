// Global flags a command cannot honour are refused (exit 2), never silently ignored: `demo
// --config` would otherwise show the sandbox while the user believes it read their config. Each
// command declares what it honours (Supports); this checks what was typed against it, and gives
// its --help and the completion scripts the flags it takes, from the same table.
import { Command, Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { describePrinted, formatFlag, FORMAT_NAMES, formatSwitches, type Format } from '../../ui/formats.js';
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

/**
 * A command's Supports, or one that depends on its own flags (`completion --accounts` reads a
 * config, `can-withdraw --batch` prints CSV). Given null, it says what the command takes with any
 * of its flags: what its --help lists and completion offers.
 */
export type SupportsDeclaration<F extends Format = Format> = Supports<F> | ((opts: RawOptions | null) => Supports<F>);

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

/** A declared command's Supports for these flags of its own (null: with any of them, as its --help describes it). */
export function supportsOf(command: Command, opts: RawOptions | null = null): Supports | undefined {
  const declared = command instanceof Program ? command.supports : undefined;
  return typeof declared === 'function' ? declared(opts) : declared;
}

/** The command's name as typed: `config check`, `balances`. */
export function commandName(command: Command): string {
  return [command.parent?.parent ? command.parent.name() : null, command.name()].filter(Boolean).join(' ');
}

function rootOf(command: Command): Command {
  let root = command;
  while (root.parent) root = root.parent;
  return root;
}

/**
 * The global flags a Supports governs, keyed as commander stores them, with why a command that
 * does not take one refuses it. The format switches and --output follow `formats`; any other
 * global flag (--no-color, --quiet, --debug, --version) every command takes.
 */
const GOVERNED: Record<string, { takes: (s: Supports) => boolean; why: (name: string) => string; hint?: (s: Supports) => string | undefined }> = {
  maxAge: { takes: (s) => s.cache === true, why: (name) => `${name} does not read cached balances` },
  config: { takes: (s) => s.config !== false, why: (name) => `${name} reads no config file`, hint: (s) => s.configHint },
  account: { takes: (s) => s.accounts !== false, why: (name) => `${name} does not work on configured accounts` },
  provider: { takes: (s) => s.accounts !== false, why: (name) => `${name} does not work on configured accounts` },
  cache: { takes: (s) => s.providers !== false, why: (name) => `${name} asks no provider for balances` },
  timeout: { takes: (s) => s.providers !== false, why: (name) => `${name} asks no provider for balances` },
};

/** Does a command with these Supports take this global flag? (--output: when it has a choice to make.) */
function takes(option: Option, supports: Supports): boolean {
  const key = option.attributeName();
  const formatSwitch = formatSwitches().find((f) => f.key === key);
  if (formatSwitch) return supports.formats.includes(formatSwitch.format);
  if (key === 'output') return supports.formats.length > 1;
  return GOVERNED[key]?.takes(supports) ?? true;
}

export function refuseUnsupported(command: Command, globals: GlobalOptions, supports: Supports): void {
  const name = commandName(command);
  const formats: readonly Format[] = supports.formats;
  if (!formats.includes(globals.format)) {
    throw new UsageError(`${name} ${describePrinted(formats)}; ${formatFlag(globals.format)} is not supported`, supports.formatHint);
  }
  const root = rootOf(command);
  for (const [key, rule] of Object.entries(GOVERNED)) {
    // Only what was typed: a default is not the user asking for anything.
    if (rule.takes(supports) || root.getOptionValueSource(key) !== 'cli') continue;
    const flag = root.options.find((o) => o.attributeName() === key)?.long ?? key;
    throw new UsageError(`${rule.why(name)}; ${flag} does not apply`, rule.hint?.(supports));
  }
}

/**
 * The program's flags this command takes, as its --help lists them and completion offers them:
 * those its Supports allows, --output with only its formats as choices. A group (`config`) takes
 * what any of its commands takes; `help` takes none.
 */
export function acceptedProgramOptions(command: Command): Option[] {
  const declared = declaredAtOrBelow(command);
  if (declared.length === 0) return [];
  const root = rootOf(command);
  const formats = FORMAT_NAMES.filter((f) => declared.some((s) => s.formats.includes(f)));
  return root.options
    .filter((option) => !option.hidden && declared.some((s) => takes(option, s)))
    .map((option) => (option.attributeName() === 'output' && option.argChoices?.length !== formats.length ? narrowed(option, formats) : option));
}

/**
 * The Global Options of a command's --help: the program's flags it takes, but those it defines
 * itself (`config init --provider` names the new account's provider).
 */
export function acceptedGlobalOptions(command: Command): Option[] {
  if (!command.parent) return []; // the program lists its own flags as its options
  const own = new Set(command.options.map((o) => o.long));
  return acceptedProgramOptions(command).filter((o) => !own.has(o.long));
}

function declaredAtOrBelow(command: Command): Supports[] {
  const own = supportsOf(command);
  return own ? [own] : command.commands.flatMap(declaredAtOrBelow);
}

/** The same flag, offering only these choices (for help and completion; parsing uses the original). */
function narrowed(option: Option, choices: readonly string[]): Option {
  const copy = new Option(option.flags, option.description).choices(choices);
  if (option.defaultValue !== undefined) copy.default(option.defaultValue, option.defaultValueDescription);
  return copy;
}
