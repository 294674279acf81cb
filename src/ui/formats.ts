// The output formats, declared once: the word `--output` takes, the format's own switch if it has
// one (`--json`), its help text and how a refusal names it. The global flags, the `--output`
// choices, the refusal of a format a command cannot print, each command's --help and the shell
// completion are derived from this list; a command prints a format by having a renderer for it
// (src/commands/shared/render.ts). Light on purpose: every start-up reads it.

export interface FormatSpec {
  /** The word after `--output`, and the key of a command's renderer for it. */
  readonly name: string;
  /** Its own switch (`--json`), or null when only `--output <name>` selects it. */
  readonly flag: string | null;
  /** Help text of the switch. */
  readonly help: string;
  /** How a refusal names this format among those a command does print: "a table", "--json". */
  readonly offered: string;
  /** Written for people (colour, spinner, notices), not for a program reading stdout. */
  readonly forPeople: boolean;
}

export const FORMATS = [
  { name: 'table', flag: null, help: 'tables and lines for people (the default)', offered: 'a table', forPeople: true },
  { name: 'json', flag: '--json', help: 'print JSON (schemaVersion 1) on stdout', offered: '--json', forPeople: false },
  { name: 'csv', flag: '--csv', help: 'print CSV on stdout', offered: '--csv', forPeople: false },
] as const satisfies readonly FormatSpec[];

export type Format = (typeof FORMATS)[number]['name'];

/** What a run prints when no format flag is given. */
export const DEFAULT_FORMAT: Format = 'table';

export const FORMAT_NAMES: readonly Format[] = FORMATS.map((f) => f.name);

function specOf(format: Format): FormatSpec {
  // Every Format is a name in FORMATS (the type is derived from it).
  return FORMATS.find((f) => f.name === format) ?? FORMATS[0];
}

/** How a user asks for this format: its own switch, else `--output <name>`. */
export function formatFlag(format: Format): string {
  return specOf(format).flag ?? `--output ${format}`;
}

export function isForPeople(format: Format): boolean {
  return specOf(format).forPeople;
}

/**
 * What a command that prints these formats says it prints, for the refusal of another one:
 * "prints a table or --json", or "prints no machine-readable output" when all of them are for people.
 */
export function describePrinted(formats: readonly Format[]): string {
  if (formats.every(isForPeople)) return 'prints no machine-readable output';
  return `prints ${formats.map((f) => specOf(f).offered).join(' or ')}`;
}

/** The switches of the formats that have one, with the key commander stores each under (`json`). */
export function formatSwitches(): Array<{ format: Format; flag: string; key: string; help: string }> {
  return FORMATS.flatMap((f) =>
    f.flag === null ? [] : [{ format: f.name, flag: f.flag, key: f.flag.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), help: f.help }],
  );
}
