// Global flags (docs/commands/README.md "Global options") and their validation into typed options. Light on purpose:
// every command file imports this, and `--help` must not pay for chalk, undici or cosmiconfig.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { durationFlag, LONGEST_TIMER_MS } from '../../core/duration.js';
import { PROVIDER_IDS, providerIdIgnoringCase } from '../../providers/catalog.js';
import { DEFAULT_FORMAT, FORMAT_NAMES, formatSwitches, type Format } from '../../ui/formats.js';

export interface GlobalOptions {
  configPath: string | undefined;
  accounts: string[];
  provider: string | undefined;
  format: Format;
  color: boolean | undefined;
  quiet: boolean;
  debug: boolean;
  timeoutMs: number | undefined;
  /** --max-age: reuse cached balances this fresh (undefined: the config's cache.maxAge, if any). */
  maxAgeMs: number | undefined;
  /** false with --no-cache: the cache is neither read nor written. */
  cache: boolean;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}

export function addGlobalOptions(program: Command): Command {
  program
    .option('-c, --config <path>', 'config file (default: searched; the order is under "Config:" in balance-inspector --help)')
    .option('-a, --account <name>', 'only this account (repeatable, or comma-separated)', collect)
    .option('-p, --provider <id>', `only accounts of this provider (${PROVIDER_IDS.join(', ')})`);
  // The output formats' switches and --output's choices come from the one list (ui/formats.ts).
  for (const { flag, help } of formatSwitches()) program.option(flag, help);
  return program
    .addOption(new Option('-o, --output <format>', 'output format').choices(FORMAT_NAMES).argParser(anyCaseOf(FORMAT_NAMES)))
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('-q, --quiet', 'no spinner, notices or warnings on stderr (errors are still printed)')
    .option('--debug', 'log each request (secrets redacted) and show stacks of internal errors')
    .option('--timeout <duration>', 'give up after this long, e.g. 10s, 500ms, 1m30s, 1d (default 30s)')
    .option('--max-age <duration>', 'reuse balances fetched within this long, e.g. 30s (cache; see docs/cache.md)')
    .option('--no-cache', 'neither read nor write the balance cache');
}

interface RawGlobals {
  config?: string;
  account?: string[];
  provider?: string;
  /** A format's switch (`json: true`), keyed as formatSwitches() says. */
  [formatSwitch: string]: unknown;
  output?: Format;
  color?: boolean;
  quiet?: boolean;
  debug?: boolean;
  timeout?: string;
  maxAge?: string;
  cache?: boolean;
}

export function parseGlobalOptions(raw: RawGlobals): GlobalOptions {
  const chosen = [
    ...formatSwitches()
      .filter((s) => raw[s.key] === true)
      .map((s) => s.format),
    ...(raw.output ? [raw.output] : []),
  ];
  if (new Set(chosen).size > 1) throw new UsageError(`conflicting output formats: ${[...new Set(chosen)].join(' and ')}; pick one`);
  // A deadline is a timer: at most 24 days (setTimeout's longest wait).
  const timeoutMs = durationFlag('--timeout', raw.timeout, { max: LONGEST_TIMER_MS });
  return {
    configPath: raw.config,
    accounts: raw.account ?? [],
    // In any case, as currency codes are; an unknown one is kept as typed for the error naming it.
    provider: raw.provider === undefined ? undefined : (providerIdIgnoringCase(raw.provider) ?? raw.provider),
    format: chosen[0] ?? DEFAULT_FORMAT,
    // commander's --no-color gives color: false; undefined means "decide from the terminal".
    color: raw.color === false ? false : undefined,
    quiet: Boolean(raw.quiet),
    debug: Boolean(raw.debug),
    timeoutMs,
    maxAgeMs: durationFlag('--max-age', raw.maxAge, { zero: true }),
    cache: raw.cache !== false,
  };
}

export { durationFlag } from '../../core/duration.js';

/** `--currency`, as every balance-listing command takes it: the same selectors everywhere. */
export const CURRENCY_OPTION = ['--currency <code>', 'only this currency: USDT, or a provider code like USDT_TRC20 (repeatable)', collect] as const;

/**
 * A flag whose value is one of a few words, shown in --help and offered by completion; the
 * command's parse function checks the word, so the usage error is its own (one message, naming the
 * flag, for the CLI and the library alike), not commander's.
 */
export function wordOption(flags: string, description: string, words: readonly string[]): Option {
  return new Option(flags, description).choices(words).argParser((value: string) => value);
}

/** commander's check of a choice, in any case (`-o JSON`), as currency codes and --provider are read. */
function anyCaseOf<W extends string>(words: readonly W[]): (value: string) => W {
  return (value) => {
    const word = words.find((w) => w === value.toLowerCase());
    if (word === undefined) throw new InvalidArgumentError(`Allowed choices are ${words.join(', ')}.`);
    return word;
  };
}

/** `--store`, as every history command takes it. */
export const STORE_OPTION = [
  '--store <path|url>',
  'history store: a SQLite file or postgres://user@host/db (default: $XDG_DATA_HOME/balance-inspector/history.db)',
] as const;

/** Text for the "Examples:" section appended to a command's --help. */
export function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}
