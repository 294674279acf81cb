// The program's own help text, captured by running it on a world of its own (stdout a pipe, so
// help is 80 columns wide, as it is for a user who pipes it): what `npm run docs` writes into the
// command pages and what test/docs/ compares them with.
import { PassThrough, Writable } from 'node:stream';
import type { CliIO } from '../ui/io.js';

export type RunProgram = (argv: string[], io: CliIO) => Promise<number>;

/** `balance-inspector <path…> --help`, as printed on stdout. */
export async function helpText(run: RunProgram, path: readonly string[]): Promise<string> {
  let out = '';
  let err = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        append(chunk.toString());
        done();
      },
    });
  const stdin = new PassThrough();
  stdin.end();
  const io: CliIO = {
    stdout: sink((t) => (out += t)),
    stderr: sink((t) => (err += t)),
    stdin,
    env: {},
    cwd: '/',
    now: () => new Date(0),
    signal: new AbortController().signal,
    exitIfCutShort: () => undefined,
    tuneForLongRun: () => undefined,
  };
  const code = await run(['node', 'balance-inspector', ...path, '--help'], io);
  if (code !== 0 || err !== '') throw new Error(`balance-inspector ${path.join(' ')} --help: exit ${code}: ${err}`);
  return out;
}
