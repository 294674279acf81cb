// Reading a file a command takes as input (`can-withdraw --batch FILE`, `-` for standard input),
// bounded: never more than `limit` bytes are held, so a wrong path (/dev/zero, a log file) is
// refused with a clear message instead of filling memory. Problems are usage errors (exit 2).
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import type { InStream } from '../../ui/io.js';

export interface InputSource {
  /** The path as typed, or `-`. */
  path: string;
  cwd: string;
  stdin: InStream;
}

/** The bytes of the input; `flag` and `limitText` name the flag and the limit in messages. */
export async function readBoundedInput({ path, cwd, stdin }: InputSource, limit: number, flag: string, limitText: string): Promise<Uint8Array> {
  const where = path === '-' ? `${flag} - (standard input)` : `${flag} ${path}`;
  const tooBig = () => new UsageError(`${where}: larger than ${limitText}; that is the most one run reads`, 'split it into several runs');
  if (path === '-') {
    // Nobody types a payout file: a terminal on stdin means the pipe was forgotten, not a wait.
    if (stdin.isTTY) throw new UsageError(`${where}: standard input is a terminal`, `pipe the file in, e.g. cat payouts.csv | balance-inspector … ${flag} -`);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stdin) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      if (size > limit) throw tooBig();
      chunks.push(bytes);
    }
    return Buffer.concat(chunks);
  }
  let handle;
  try {
    handle = await open(resolve(cwd, path), 'r');
  } catch (error) {
    throw new UsageError(`${where}: ${describeOpenError(error)}`);
  }
  try {
    if ((await handle.stat()).isDirectory()) throw new UsageError(`${where}: is a directory, not a file`);
    // One byte past the limit tells "exactly the limit" from "more", whatever stat says (a pipe, /dev/zero).
    const buffer = Buffer.alloc(Math.min(limit + 1, 1024 * 1024));
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > limit) throw tooBig();
      chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
    }
    return Buffer.concat(chunks);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${where}: ${describeOpenError(error)}`);
  } finally {
    await handle.close();
  }
}

function describeOpenError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return `cannot be read (${code ?? 'error'})`;
}
