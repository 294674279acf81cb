// An ora spinner on stderr, only for a person at a terminal: never for JSON/CSV, --quiet, CI,
// TERM=dumb or a non-TTY stderr (ora would otherwise print plain "- text" lines into cron mail).
import { isForPeople } from './formats.js';
import type { Output } from './output.js';

export interface Progress {
  update(text: string): void;
  /** A line for people on stderr that stays (a retry notice), also shown in the spinner. */
  note(line: string): void;
  stop(): void;
}

/** Without a spinner, a note is an ordinary notice (hidden by --quiet, never on stdout). */
const silent = (output: Output): Progress => ({ update: () => undefined, note: (line) => output.info(line), stop: () => undefined });

export async function startProgress(output: Output, text: string, env: NodeJS.ProcessEnv): Promise<Progress> {
  if (!isForPeople(output.format) || output.quiet || output.debugEnabled || !output.stderrIsTTY) return silent(output);
  if (env.CI !== undefined || env.TERM === 'dumb') return silent(output);
  // A pty that reports 0 columns (`script` without a terminal, some CI and agent wrappers) sends
  // ora 9.4 into an endless synchronous clear loop (lines = width / 0): no spinner there at all.
  if (!output.stderrStream.columns) return silent(output);
  const { default: ora } = await import('ora');
  // discardStdin: false keeps Ctrl+C a real SIGINT, which our handler turns into exit 130.
  const spinner = ora({ text, stream: output.stderrStream, discardStdin: false }).start();
  return {
    update: (next) => {
      spinner.text = next;
    },
    note: (line) => {
      // Clear the spinner's line, write the note above it, then let the spinner redraw below.
      spinner.clear();
      output.info(line);
      spinner.text = `${text} · ${line}`;
      spinner.render();
    },
    stop: () => {
      spinner.stop();
    },
  };
}
