// Which global flags a command takes is said once, in its Supports (src/commands/registration/):
// the runner refuses the others, its --help lists only these, and completion offers only these.
// Held here for every command and every global flag, so the three cannot drift apart.
import type { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, ProcessRuntime } from '../../src/cli.js';
import { parseGlobalOptions } from '../../src/commands/shared/options.js';
import { acceptedGlobalOptions, acceptedProgramOptions, Program, refuseUnsupported, supportsOf } from '../../src/commands/shared/supports.js';
import { completionSpec, pathKey } from '../../src/completion/spec.js';
import { UsageError } from '../../src/core/errors.js';
import { testIO } from '../helpers/cli.js';

const newProgram = () => buildProgram(new ProcessRuntime(new AbortController().signal), testIO().io, () => undefined);

function declared(command: Command): Command[] {
  return [...(supportsOf(command) ? [command] : []), ...command.commands.flatMap(declared)];
}

function pathOf(command: Command): string[] {
  return command.parent ? [...pathOf(command.parent), command.name()] : [];
}

function find(program: Command, path: string[]): Command {
  return path.reduce((c, name) => c.commands.find((s) => s.name() === name)!, program);
}

/** What a user would type for this flag (commander's key and value as parsed). */
const TYPED: Record<string, unknown> = {
  config: 'mine.yaml',
  account: ['treasury'],
  provider: 'syncpay',
  json: true,
  csv: true,
  color: false,
  quiet: true,
  debug: true,
  timeout: '5s',
  maxAge: '30s',
  cache: false,
};

/** Does the command refuse this global flag, typed with this value? */
function refuses(path: string[], key: string, value: unknown): boolean {
  const program = newProgram();
  const command = find(program, path);
  program.setOptionValueWithSource(key, value, 'cli');
  try {
    refuseUnsupported(command, parseGlobalOptions(program.opts()), supportsOf(command)!);
    return false;
  } catch (error) {
    if (error instanceof UsageError) return true;
    throw error;
  }
}

const program = newProgram();
const commands = declared(program).map((c) => [pathOf(c).join(' '), c] as const);

describe.each(commands)('%s', (_name, command) => {
  const path = pathOf(command);
  const listed = (long: string | undefined) => [...acceptedGlobalOptions(command), ...command.options].some((o) => o.long === long);
  const flags = program.options.filter((o) => !o.hidden && o.long !== '--version' && o.long !== '--output');

  it.each(flags.map((o) => [o.long, o] as const))('its --help lists %s exactly when it takes it', (_long, option: Option) => {
    const key = option.attributeName();
    expect(listed(option.long), `${option.long} listed`).toBe(!refuses(path, key, TYPED[key]));
  });

  it('its --help offers as --output choices exactly the formats it takes', () => {
    const output = acceptedGlobalOptions(command).find((o) => o.long === '--output');
    // One format only: nothing to choose, so --output is not listed (`--output table` still works).
    const offered = output?.argChoices ?? ['table'];
    for (const format of ['table', 'json', 'csv']) expect(refuses(path, 'output', format), format).toBe(!offered.includes(format));
  });

  it('completion offers after it what its --help lists, with the same --output choices', () => {
    const spec = completionSpec(program, acceptedProgramOptions).commands.find((c) => pathKey(c) === path.join(' '))!;
    const own = new Set(command.options.map((o) => o.long));
    expect(spec.globalFlags.map((f) => f.long)).toEqual(
      acceptedGlobalOptions(command)
        .filter((o) => !own.has(o.long))
        .map((o) => o.long),
    );
    const output = spec.globalFlags.find((f) => f.long === '--output');
    const choices = acceptedGlobalOptions(command).find((o) => o.long === '--output')?.argChoices;
    expect(output?.values ?? null).toEqual(choices ? { words: choices } : null);
  });
});

describe('groups and help', () => {
  it('a group offers what any of its commands takes; help takes none; the program all of them', () => {
    const config = find(program, ['config']);
    const longs = (options: Option[]) => options.map((o) => o.long);
    expect(longs(acceptedGlobalOptions(config))).toEqual(expect.arrayContaining(['--config', '--json', '--timeout']));
    expect(longs(acceptedGlobalOptions(config))).not.toContain('--csv');
    expect(acceptedGlobalOptions(find(program, ['help']))).toEqual([]);
    expect(acceptedGlobalOptions(program)).toEqual([]);
    expect(completionSpec(program, acceptedProgramOptions).commands[0]!.globalFlags.map((f) => f.long)).toEqual(
      program.options.filter((o) => !o.hidden).map((o) => o.long),
    );
  });

  it('every command is declared but the groups and help', () => {
    const undeclared = (command: Command): string[] => [
      ...(command instanceof Program && command.supports === undefined ? [pathOf(command).join(' ')] : []),
      ...command.commands.flatMap(undeclared),
    ];
    expect(undeclared(program).sort()).toEqual(['', 'config', 'config help', 'help']);
  });
});
