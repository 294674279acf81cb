// Data on stdout as it is produced, for outputs that grow with what they cover (history's points,
// an export): text is gathered into chunks of whole lines, each redacted like every other byte,
// and when the reader is slower than we are the writer waits for it ('drain') instead of queueing
// the rest in memory. A stdout that fails meanwhile ends the wait with OutputError (exit 74); a
// reader that stopped early (EPIPE, or the pipe closed) is not a failure (README "Exit codes"): the
// rest is written nowhere and the command runs to its own exit code, as every other output does.
import { OutputError } from '../core/errors.js';
import type { DataSink } from '../core/data-sink.js';
import type { OutStream } from './io.js';

export type DataWriter = DataSink;

const CHUNK = 64 * 1024;

/** Resolves true when the stream drained, false when its reader went away; rejects on any other failure. */
function drained(stream: OutStream): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const done = (outcome: boolean | OutputError) => {
      stream.off('drain', onDrain);
      stream.off('error', onError);
      stream.off('close', onClose);
      if (outcome instanceof OutputError) reject(outcome);
      else resolve(outcome);
    };
    const onDrain = () => done(true);
    const onError = (error: NodeJS.ErrnoException) => done(error.code === 'EPIPE' ? false : new OutputError(error.code ?? 'write failed'));
    const onClose = () => done(false);
    stream.on('drain', onDrain);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}

export function dataWriter(stdout: OutStream, redact: (text: string) => string): DataWriter {
  let pending: string[] = [];
  let size = 0;
  let readerGone = false;
  const flush = async () => {
    if (size === 0) return;
    const text = readerGone ? '' : redact(pending.join(''));
    pending = [];
    size = 0;
    if (readerGone) return;
    let more: boolean;
    try {
      more = stdout.write(text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') readerGone = true;
      else throw new OutputError(code ?? 'write failed');
      return;
    }
    if (!more) readerGone = !(await drained(stdout));
  };
  return {
    async write(text) {
      pending.push(text);
      size += text.length;
      if (size >= CHUNK) await flush();
    },
    end: flush,
  };
}
