// The output formats are declared once (src/ui/formats.ts): the global flags, --output's choices,
// the refusal of a format a command cannot print and the dispatch to a command's renderer all come
// from that one list.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, ProcessRuntime } from '../../src/cli.js';
import { Program, supportsOf } from '../../src/commands/shared/supports.js';
import { addGlobalOptions, parseGlobalOptions } from '../../src/commands/shared/options.js';
import { forFormat, render, type Renderers } from '../../src/commands/shared/render.js';
import { ExitCode, InternalError, UsageError } from '../../src/core/errors.js';
import { describePrinted, formatFlag, FORMAT_NAMES, FORMATS, formatSwitches, isForPeople } from '../../src/ui/formats.js';
import type { Output } from '../../src/ui/output.js';
import { testIO } from '../helpers/cli.js';

describe('the list of formats', () => {
  it('gives every format with a switch a global flag, and --output every name as a choice', () => {
    const program = addGlobalOptions(new Command());
    const byFlag = new Map(program.options.map((o) => [o.long, o]));
    for (const format of FORMATS) {
      if (format.flag === null) continue;
      expect(byFlag.get(format.flag)?.description, format.name).toBe(format.help);
    }
    expect(byFlag.get('--output')?.argChoices).toEqual(['table', 'json', 'csv']);
    expect(FORMAT_NAMES).toEqual(FORMATS.map((f) => f.name));
    expect(formatSwitches().map((s) => [s.flag, s.key, s.format])).toEqual([
      ['--json', 'json', 'json'],
      ['--csv', 'csv', 'csv'],
    ]);
  });

  it('reads the format from its switch or --output, the default table, and refuses two different ones', () => {
    expect(parseGlobalOptions({}).format).toBe('table');
    expect(parseGlobalOptions({ json: true }).format).toBe('json');
    expect(parseGlobalOptions({ output: 'csv' }).format).toBe('csv');
    expect(parseGlobalOptions({ csv: true, output: 'csv' }).format).toBe('csv');
    for (const raw of [
      { json: true, csv: true },
      { json: true, output: 'table' as const },
    ]) {
      const refused = (() => {
        try {
          parseGlobalOptions(raw);
          return null;
        } catch (error) {
          return error;
        }
      })();
      expect(refused).toBeInstanceOf(UsageError);
      expect((refused as UsageError).exitCode).toBe(ExitCode.usage);
      expect((refused as UsageError).message).toMatch(/^conflicting output formats: (json and csv|json and table); pick one$/);
    }
  });

  it('names a format as the user asks for it, and what a command prints instead', () => {
    expect([formatFlag('json'), formatFlag('csv'), formatFlag('table')]).toEqual(['--json', '--csv', '--output table']);
    expect(describePrinted(['table', 'json'])).toBe('prints a table or --json');
    expect(describePrinted(['table', 'json', 'csv'])).toBe('prints a table or --json or --csv');
    expect(describePrinted(['table'])).toBe('prints no machine-readable output');
    expect(describePrinted(['json'])).toBe('prints --json');
    expect([isForPeople('table'), isForPeople('json'), isForPeople('csv')]).toEqual([true, false, false]);
  });
});

describe('rendering a result', () => {
  function output(format: 'table' | 'json' | 'csv', written: string[]): Output {
    return { format, data: (text: string) => written.push(text) } as unknown as Output;
  }
  const renderers: Renderers<{ n: number }> = {
    table: ({ n }, out) => out.data(`n = ${n}\n`),
    json: async ({ n }, out) => out.data(`{"n":${n}}\n`),
  };

  it("runs the renderer of the run's format, awaited", async () => {
    const written: string[] = [];
    await render(output('json', written), renderers, { n: 3 });
    await render(output('table', written), renderers, { n: 4 });
    expect(written).toEqual(['{"n":3}\n', 'n = 4\n']);
  });

  it('a format without a renderer is a bug, not silence (Supports refuses it before a run)', async () => {
    await expect(render(output('csv', []), renderers, { n: 1 })).rejects.toBeInstanceOf(InternalError);
    expect(() => forFormat('csv', {})).toThrow(/nothing prints the csv format here/);
  });
});

describe('every command', () => {
  const program = buildProgram(new ProcessRuntime(new AbortController().signal), testIO().io, () => undefined);
  const declared = (command: Command): Program[] => [
    ...(command instanceof Program && command.loadImplementation ? [command] : []),
    ...command.commands.flatMap(declared),
  ];
  const commands = declared(program);

  it('is declared, with the formats it prints', () => {
    expect(commands.map((c) => c.name())).toEqual(
      expect.arrayContaining([
        'balances',
        'total',
        'can-withdraw',
        'watch',
        'snapshot',
        'history',
        'prune',
        'changes',
        'sandbox',
        'demo',
        'init',
        'check',
        'completion',
      ]),
    );
  });

  it.each(commands.map((c) => [c.name(), c] as const))(
    '%s prints exactly the formats it declares: a renderer for each, none refused that it has',
    async (_name, command) => {
      const implementation = await command.loadImplementation!();
      // A command without renderers prints for people only.
      const prints = Object.keys(implementation.prints ?? { table: null }).sort();
      // What it prints with any of its own flags (can-withdraw prints CSV only with --batch).
      expect(prints).toEqual([...(supportsOf(command)?.formats ?? [])].sort());
    },
  );
});
