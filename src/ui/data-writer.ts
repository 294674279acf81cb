// Data on stdout as it is produced, for outputs that grow with what they cover (history's points,
// an export): text is gathered into chunks of whole lines, each redacted like every other byte,
// and when the reader is slower than we are the writer waits for it ('drain') instead of queueing
// the rest in memory. A stdout that fails or closes meanwhile ends the wait with OutputError.
import { OutputError } from '../core/errors.js';
import type { DataSink } from '../core/data-sink.js';
import type { OutStream } from './io.js';

export type DataWriter = DataSink;

const CHUNK = 64 * 1024;

function drained(stream: OutStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: unknown) => {
      stream.off('drain', onDrain);
      stream.off('error', onError);
      stream.off('close', onClose);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onDrain = () => done();
    const onError = (error: NodeJS.ErrnoException) => done(new OutputError(error.code ?? 'write failed'));
    const onClose = () => done(new OutputError('EPIPE'));
    stream.on('drain', onDrain);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}

export function dataWriter(stdout: OutStream, redact: (text: string) => string): DataWriter {
  let pending: string[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const text = redact(pending.join(''));
    pending = [];
    size = 0;
    let more: boolean;
    try {
      more = stdout.write(text);
    } catch (error) {
      throw new OutputError((error as NodeJS.ErrnoException).code ?? 'write failed');
    }
    if (!more) await drained(stdout);
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
