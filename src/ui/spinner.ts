// An ora spinner on stderr, only for a person at a terminal: never for JSON/CSV, --quiet, CI,
// TERM=dumb or a non-TTY stderr (ora would otherwise print plain "- text" lines into cron mail).
import type { Output } from './output.js';

export interface Progress {
  update(text: string): void;
  stop(): void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };

export async function startProgress(output: Output, text: string, env: NodeJS.ProcessEnv = process.env): Promise<Progress> {
  if (output.format !== 'table' || output.quiet || output.debugEnabled || !output.stderrIsTTY) return silent;
  if (env.CI !== undefined || env.TERM === 'dumb') return silent;
  // A pty that reports 0 columns (`script` without a terminal, some CI and agent wrappers) sends
  // ora 9.4 into an endless synchronous clear loop (lines = width / 0): no spinner there at all.
  if (!process.stderr.columns) return silent;
  const { default: ora } = await import('ora');
  // discardStdin: false keeps Ctrl+C a real SIGINT, which our handler turns into exit 130.
  const spinner = ora({ text, stream: process.stderr, discardStdin: false }).start();
  return {
    update: (next) => {
      spinner.text = next;
    },
    stop: () => {
      spinner.stop();
    },
  };
}
