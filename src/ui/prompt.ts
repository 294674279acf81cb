// Questions on a terminal (`config init`), one line per answer. Lines are read through the
// interface's async iterator, which buffers: answers piped in all at once (tests, `printf … |`)
// are not lost between two questions, as they would be with rl.question(). Prompts go to stderr
// so stdout stays for the command's result.
import { createInterface } from 'node:readline/promises';
import { InterruptedError, UsageError } from '../core/errors.js';

export interface PromptIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A real terminal: line editing, and Ctrl+C arrives as a key, not a signal. */
  terminal?: boolean;
  /** Aborted on SIGINT/SIGTERM (RunContext.signal). */
  signal?: AbortSignal;
}

export interface Question {
  /** Shown before the answer, e.g. "Account name". */
  label: string;
  /** Used for an empty answer; shown as [default]. */
  default?: string;
  /** A problem with the answer (the question is asked again), or null to accept it. */
  check: (answer: string) => string | null;
}

export interface Prompter {
  ask(question: Question): Promise<string>;
  /** Text for the person answering (a list of choices, a note). */
  say(text: string): void;
  close(): void;
}

export function createPrompter(io: PromptIO): Prompter {
  const rl = createInterface({ input: io.input, output: io.output, terminal: io.terminal ?? false });
  const lines = rl[Symbol.asyncIterator]();
  // Piped answers end the input, which closes the interface while its iterator still holds the
  // buffered lines. Node 22+ throws on prompt() after close (Node 20 ignored it), so from then on
  // the prompt is written directly.
  let closed = false;
  rl.on('close', () => {
    closed = true;
  });
  let cancel: (reason: unknown) => void = () => undefined;
  const cancelled = new Promise<never>((_, reject) => {
    cancel = reject;
  });
  cancelled.catch(() => undefined); // only awaited while a question is open
  // In raw mode readline turns Ctrl+C into this event instead of a signal; without a listener it
  // would only pause the input and leave the question hanging.
  rl.on('SIGINT', () => {
    io.output.write('\n');
    cancel(new InterruptedError('SIGINT'));
  });
  const onAbort = () => cancel(io.signal?.reason ?? new InterruptedError('SIGINT'));
  io.signal?.addEventListener('abort', onAbort, { once: true });

  return {
    async ask(question) {
      for (;;) {
        const prompt = `${question.label}${question.default ? ` [${question.default}]` : ''}: `;
        if (closed) io.output.write(prompt);
        else {
          rl.setPrompt(prompt);
          rl.prompt();
        }
        const next = await Promise.race([lines.next(), cancelled]);
        if (next.done) {
          io.output.write('\n');
          throw new UsageError(`input ended before "${question.label}" was answered; nothing was written`);
        }
        const answer = next.value.trim() || question.default || '';
        const problem = question.check(answer);
        if (problem === null) return answer;
        io.output.write(`  ${problem}\n`);
      }
    },
    say(text) {
      io.output.write(`${text}\n`);
    },
    close() {
      io.signal?.removeEventListener('abort', onAbort);
      rl.close();
    },
  };
}
