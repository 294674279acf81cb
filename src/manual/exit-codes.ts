// The exit codes, said once: `--help` lists them, the README's table and the man page's EXIT
// STATUS are generated from this list (npm run docs; test/docs/ fails when they drift), and a test
// checks every ExitCode has its entry. The meanings are a contract (docs/dev/principles.md).
import { ExitCode } from '../core/errors.js';

export interface ExitCodeDoc {
  /** One code, or two that mean the same kind of end (130 / 143). */
  codes: readonly number[];
  /** The line in `--help`: short enough for 80 columns. */
  brief: string;
  /** The README table's and the man page's text (Markdown code spans allowed). */
  full: string;
}

export const EXIT_CODE_DOCS: readonly ExitCodeDoc[] = [
  { codes: [ExitCode.ok], brief: 'success; for checks: yes', full: 'success; for checks: yes' },
  {
    codes: [ExitCode.no],
    brief: 'check answered no (insufficient funds, below minimum, --until timed out)',
    full: 'check answered no (insufficient funds, below minimum, `--until` timed out, threshold crossed)',
  },
  {
    codes: [ExitCode.usage],
    brief: 'usage error: unknown flag, bad argument, invalid amount',
    full: 'usage error: unknown flag, bad argument, invalid amount',
  },
  {
    codes: [ExitCode.config],
    brief: 'configuration error: no config, invalid config, unset ${VAR}, unsafe permissions',
    full:
      'configuration error: no config, invalid config, unset `${VAR}`, unsafe permissions, http:// to a non-loopback host; ' +
      'a history store that is missing, unreadable, corrupt, from a newer release or unreachable',
  },
  {
    codes: [ExitCode.refused],
    brief: "a provider refused the account's credentials or ids (401/403/404)",
    full: 'a provider refused what the account is configured with: credentials (401 / 403), or a wallet, customer or organization it does not know (404)',
  },
  {
    codes: [ExitCode.unavailable],
    brief: 'a provider was unreachable, timed out or rate-limited after retries: try later',
    full: 'a provider was unreachable, timed out, or still rate-limited after retries — try later',
  },
  {
    codes: [ExitCode.badResponse],
    brief: 'a provider answered something that could not be understood',
    full: 'a provider answered something that could not be understood (not JSON, wrong shape)',
  },
  { codes: [ExitCode.internal], brief: 'internal error (a bug)', full: 'internal error (a bug): short message, stack only with `--debug`' },
  {
    codes: [ExitCode.output],
    brief: 'the output could not be written (disk full, unwritable stdout)',
    full: 'the result could not be written: disk full, unwritable or closed stdout (other than a reader that stopped early, `| head`, which ends quietly)',
  },
  { codes: [ExitCode.sigint, ExitCode.sigterm], brief: 'interrupted (SIGINT/SIGTERM)', full: 'interrupted (SIGINT / SIGTERM)' },
];

/** The "Exit codes:" section of `--help`. */
export function exitCodesHelp(): string {
  const lines = EXIT_CODE_DOCS.map((d) => `  ${d.codes.join('/').padEnd(9)}${d.brief}`);
  return `\nExit codes:\n${lines.join('\n')}\n`;
}

/** The README's table (a `|` inside a cell escaped, as GitHub needs). */
export function exitCodesMarkdown(): string {
  const rows = EXIT_CODE_DOCS.map((d) => `| ${d.codes.join(' / ')} | ${d.full.replace(/\|/g, '\\|')} |`);
  return ['| code | meaning |', '|---|---|', ...rows].join('\n');
}
