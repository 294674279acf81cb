// What the completion scripts know, read from the commander program itself (commands, flags,
// argument choices), so a new command or flag is completed without anyone editing a script.
// The only hand-written knowledge is where a flag's values come from when commander does not say:
// provider ids from the catalog, account names from the config at completion time, and files.
import type { Command, Option } from 'commander';
import { PROVIDER_IDS } from '../providers/catalog.js';

/** Values a flag takes: fixed words, files, or what the config names (accounts, provider ids incl. declared ones). */
export type FlagValues = { words: string[] } | 'files' | 'accounts' | 'providers' | 'any';

export interface FlagSpec {
  /** `-c`, `--config`: every spelling of the flag. */
  names: string[];
  long: string;
  description: string;
  /** null for a flag that takes no value. */
  values: FlagValues | null;
}

export interface CommandSpec {
  /** Words from the program name to this command: [] for the program, ['config', 'init']. */
  path: string[];
  description: string;
  /** Flags defined on this command (and its -h/--help). */
  ownFlags: FlagSpec[];
  /** The program's flags this command takes (every one for the program itself), with the values they take here. */
  globalFlags: FlagSpec[];
  subcommands: CommandSpec[];
  /** Choices of the first positional argument (e.g. the shells of `completion`). */
  argChoices: string[];
}

export interface CompletionSpec {
  /** The program's own options: commander accepts them anywhere on the line (each command takes some). */
  globalFlags: FlagSpec[];
  /** Every command, the program first, parents before their subcommands. */
  commands: CommandSpec[];
}

/**
 * `takenBy` says which of the program's flags a command takes (what its --help lists; by default
 * all of them): the scripts offer only those after that command.
 */
export function completionSpec(program: Command, takenBy: (command: Command) => readonly Option[] = () => program.options): CompletionSpec {
  const help = program.createHelp();
  const globalOptions = program.options.filter((o) => !o.hidden);
  const globalFlags = globalOptions.map((o) => flagSpec(o, true));
  const commands: CommandSpec[] = [];
  const visit = (command: Command, path: string[], siblings: string[]): CommandSpec => {
    const children = help.visibleCommands(command);
    const ownFlags = help
      .visibleOptions(command)
      .filter((o) => !globalOptions.includes(o))
      .map((o) => flagSpec(o, false));
    const own = new Set(ownFlags.map((f) => f.long));
    const taken = path.length === 0 ? globalOptions : takenBy(command).filter((o) => !o.hidden);
    const spec: CommandSpec = {
      path,
      description: help.commandDescription(command),
      ownFlags,
      // A flag the command defines itself wins over the program's of the same name.
      globalFlags: taken.map((o) => flagSpec(o, true)).filter((f) => !own.has(f.long)),
      subcommands: [],
      // commander's implicit `help [command]` takes the name of a sibling command.
      argChoices: command.name() === 'help' && path.length > 0 ? siblings : (command.registeredArguments[0]?.argChoices ?? []),
    };
    commands.push(spec);
    const names = children.map((c) => c.name());
    spec.subcommands = children.map((child) =>
      visit(
        child,
        [...path, child.name()],
        names.filter((n) => n !== 'help'),
      ),
    );
    return spec;
  };
  visit(program, [], []);
  return { globalFlags, commands };
}

function flagSpec(option: Option, global: boolean): FlagSpec {
  const names = [option.short, option.long].filter((n): n is string => n !== undefined);
  return { names, long: option.long ?? names[0] ?? '', description: option.description, values: valuesOf(option, global) };
}

function valuesOf(option: Option, global: boolean): FlagValues | null {
  if (!option.required && !option.optional) return null;
  if (option.argChoices) return { words: [...option.argChoices] };
  // The global --provider selects configured providers, declared ones too; `config init --provider` starts a built-in one.
  if (option.long === '--provider') return global ? 'providers' : { words: [...PROVIDER_IDS] };
  // Only the global --account selects configured accounts; `config init --account` names a new one.
  if (option.long === '--account' && global) return 'accounts';
  if (/[<[]path[>\]]/.test(option.flags)) return 'files';
  return 'any';
}

/** A command path as the scripts key it: words joined by one space, '' for the program. */
export function pathKey(command: CommandSpec): string {
  return command.path.join(' ');
}

/** Single-quote a word for bash and zsh, where nothing inside single quotes is special. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** One line of a script's "which values does this flag take here" table. */
export interface ValueCase {
  /** The command path it applies to, or null for every path (a global flag). */
  path: string | null;
  names: string[];
  values: FlagValues | null;
}

/**
 * The flag → values table every script embeds: flags of one command first (they win over a
 * global flag of the same name), then global flags whose values differ at a command (--output
 * offers only the formats that command prints), then the global flags for any command.
 */
export function valueCases(spec: CompletionSpec): ValueCase[] {
  const globals = new Map(spec.globalFlags.map((f) => [f.long, f.values === null ? null : valuesWord(f.values)]));
  const own = spec.commands.flatMap((command) =>
    command.ownFlags.filter((f) => f.values !== null || globals.has(f.long)).map((f) => ({ path: pathKey(command), names: f.names, values: f.values })),
  );
  const narrowed = spec.commands.flatMap((command) =>
    command.globalFlags
      .filter((f) => f.values !== null && globals.get(f.long) !== valuesWord(f.values))
      .map((f) => ({ path: pathKey(command), names: f.names, values: f.values })),
  );
  const global = spec.globalFlags.filter((f) => f.values !== null).map((f) => ({ path: null, names: f.names, values: f.values }));
  return [...own, ...narrowed, ...global];
}

/** Every flag a command takes: its own, then the program's it takes. */
export function flagsAt(command: CommandSpec): FlagSpec[] {
  return [...command.ownFlags, ...command.globalFlags];
}

/** How a script's value table writes a value source: the words, or a marker its caller expands. */
export function valuesWord(values: FlagValues): string {
  return typeof values === 'string' ? `@${values}` : values.words.join(' ');
}

/** Program names the scripts complete: the package's two bins. */
export const PROGRAM_NAMES = ['balance-inspector', 'bal'];

/** Per command path, the non-empty lists `list` gives: the rows of a script's `case` over paths. */
export function listsByPath(spec: CompletionSpec, list: (command: CommandSpec) => string[]): Array<{ key: string; items: string[] }> {
  return spec.commands.map((command) => ({ key: pathKey(command), items: list(command) })).filter((row) => row.items.length > 0);
}

/** bash/zsh `case` patterns for "<path>|<flag>", one per spelling of the flag (any path: `*|…`). */
export function shCasePatterns(c: ValueCase): string {
  return c.names.map((n) => (c.path === null ? `*${shellQuote(`|${n}`)}` : shellQuote(`${c.path}|${n}`))).join('|');
}

/** The last word of a command's path: its name. */
export function commandName(command: CommandSpec): string {
  return command.path[command.path.length - 1] ?? '';
}
