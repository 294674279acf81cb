// Everything the tool writes goes through here: data on stdout, everything else on stderr, every
// byte redacted of secrets, colour only where a person is reading. Commands receive an Output and
// never touch process.stdout or chalk directly.
import { Chalk, type ChalkInstance } from 'chalk';
import { forStderr } from '../core/sanitize.js';
import { OutputError } from '../core/errors.js';
import { isForPeople, type Format } from './formats.js';
import type { OutStream } from './io.js';
import { dataWriter, type DataWriter } from './data-writer.js';

export type { Format };

export interface OutputOptions {
  format: Format;
  color?: boolean | undefined;
  quiet?: boolean | undefined;
  debug?: boolean | undefined;
  env: NodeJS.ProcessEnv;
  stdout: OutStream;
  stderr: OutStream;
  /** Takes the run's secrets out of every byte written (the Runtime's `redactor.redact`). */
  redact: (text: string) => string;
}

export interface Output {
  format: Format;
  /** Colours for tables (a no-op instance when colour is off). */
  color: ChalkInstance;
  /** stderr colours: errors are coloured only when stderr itself is a terminal. */
  errColor: ChalkInstance;
  quiet: boolean;
  debugEnabled: boolean;
  stderrIsTTY: boolean;
  stdoutIsTTY: boolean;
  /** The raw stderr, for a spinner that draws on it (everything else writes through error/info). */
  stderrStream: OutStream;
  /**
   * The terminal's size when stdout is one (read at each call: it changes on resize); undefined
   * when stdout is a pipe or file, whose output is never fitted, or when the terminal does not say.
   */
  terminalSize(): { columns: number; rows: number } | undefined;
  /** How a table for people is drawn: its colours, and the terminal's width to fit when stdout is one. */
  tableStyle(): { color: ChalkInstance; width: number | undefined };
  /** Write data to stdout (whole documents, so a pipe never sees half a result). */
  data(text: string): void;
  /** Write data that grows with the range as it is produced, at the reader's pace (ui/data-writer.ts). */
  writer(): DataWriter;
  /** A notice for people (skipped with --quiet). */
  info(line: string): void;
  /** A warning (skipped with --quiet). */
  warn(line: string): void;
  /** An error line: always written. */
  error(line: string): void;
  debug(line: string): void;
}

/**
 * Colour is on for a terminal unless NO_COLOR (any value), TERM=dumb or --no-color says otherwise;
 * FORCE_COLOR forces it on for tables. chalk itself ignores NO_COLOR, so we decide and pass a level.
 */
export function colorLevel(isTTY: boolean, explicit: boolean | undefined, env: NodeJS.ProcessEnv): 0 | 1 {
  if (explicit === false) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false' ? 0 : 1;
  if (!isTTY || env.TERM === 'dumb') return 0;
  return 1;
}

export function createOutput(options: OutputOptions): Output {
  const { env, stdout, stderr } = options;
  const stdoutIsTTY = Boolean(stdout.isTTY);
  const stderrIsTTY = Boolean(stderr.isTTY);
  const tableColor = isForPeople(options.format) ? colorLevel(stdoutIsTTY, options.color, env) : 0;
  const errLevel = colorLevel(stderrIsTTY, options.color, env);
  const errColor = new Chalk({ level: errLevel });
  const quiet = Boolean(options.quiet);
  const redact = options.redact;
  // The exit point for stderr: secrets out, then every control or invisible character shown escaped.
  const writeErr = (text: string) => {
    stderr.write(`${forStderr(redact(text), errLevel > 0)}\n`);
  };
  const color = new Chalk({ level: tableColor });
  const terminalSize = () => {
    if (!stdoutIsTTY) return undefined;
    // A pty that reports 0×0 (`script` without a size) says nothing; COLUMNS/LINES may.
    const columns = stdout.columns || Number(env.COLUMNS) || 0;
    const rows = stdout.rows || Number(env.LINES) || 0;
    return columns > 0 ? { columns, rows: rows > 0 ? rows : 24 } : undefined;
  };
  return {
    format: options.format,
    color,
    errColor,
    quiet,
    debugEnabled: Boolean(options.debug),
    stderrIsTTY,
    stdoutIsTTY,
    stderrStream: stderr,
    terminalSize,
    tableStyle: () => ({ color, width: terminalSize()?.columns }),
    data: (text) => {
      try {
        stdout.write(redact(text));
      } catch (error) {
        // A file-backed stdout (e.g. > /dev/full) fails synchronously; pipes report via 'error'.
        throw new OutputError((error as NodeJS.ErrnoException).code ?? 'write failed');
      }
    },
    writer: () => dataWriter(stdout, redact),
    info: (line) => {
      if (!quiet) writeErr(line);
    },
    warn: (line) => {
      if (!quiet) writeErr(`${errColor.yellow('warning:')} ${line}`);
    },
    error: (line) => writeErr(line),
    debug: (line) => {
      if (options.debug) writeErr(errColor.dim(`debug: ${line}`));
    },
  };
}
