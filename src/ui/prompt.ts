// Questions for a person (`config init`), behind one small interface with two engines:
// - on a terminal with cursor control, @inquirer/input and @inquirer/select: a select list moved
//   with the arrow keys (as `gh auth login`), and an answer checked when Enter is pressed, the
//   problem shown under it until it is fixed;
// - on a dumb terminal (TERM=dumb: an editor's shell buffer) and in tests, plain lines through
//   readline: numbered choices, one answer per line, a problem printed and the question asked
//   again. Lines are read through the interface's async iterator, which buffers, so answers
//   written all at once (tests, `printf … |`) are not lost between two questions.
// Prompts go to stderr so stdout stays for the command's result.
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

export interface Choice {
  value: string;
  /** What the list shows beside the value, e.g. "Flow Payments". */
  description?: string;
}

export interface ChoiceQuestion {
  label: string;
  choices: readonly Choice[];
  /** The value selected at first (the line engine: the answer to an empty line). */
  default?: string;
}

export interface Prompter {
  ask(question: Question): Promise<string>;
  /** One of the choices; its value. */
  choose(question: ChoiceQuestion): Promise<string>;
  /** Text for the person answering (a note). */
  say(text: string): void;
  close(): void;
}

/** The terminal engine (arrow keys), loaded with its library only when a person is asked. */
export async function createTerminalPrompter(io: PromptIO): Promise<Prompter> {
  const [{ default: input }, { default: select }] = await Promise.all([import('@inquirer/input'), import('@inquirer/select')]);
  const context = { input: io.input, output: io.output, clearPromptOnDone: false, ...(io.signal ? { signal: io.signal } : {}) };
  // Ctrl+C inside a prompt (raw mode: a key, not a signal) rejects with ExitPromptError; an abort
  // of the run's signal with AbortPromptError. Both end the run as an interrupt: nothing written.
  const interrupted = (error: unknown): never => {
    const name = error instanceof Error ? error.name : '';
    if (name === 'ExitPromptError' || name === 'AbortPromptError') throw io.signal?.aborted ? io.signal.reason : new InterruptedError('SIGINT');
    throw error;
  };
  return {
    ask: (question) =>
      input(
        {
          message: question.label,
          ...(question.default ? { default: question.default } : {}),
          validate: (answer: string) => question.check(answer.trim() || question.default || '') ?? true,
        },
        context,
      )
        .then((answer) => answer.trim() || question.default || '')
        .catch(interrupted),
    choose: (question) =>
      select(
        {
          message: question.label,
          choices: question.choices.map((c) => ({
            value: c.value,
            name: c.description ? `${c.value.padEnd(choiceWidth(question))}  ${c.description}` : c.value,
            short: c.value,
          })),
          ...(question.default !== undefined ? { default: question.default } : {}),
          loop: false,
        },
        context,
      ).catch(interrupted),
    say(text) {
      io.output.write(`${text}\n`);
    },
    close: () => undefined,
  };
}

function choiceWidth(question: ChoiceQuestion): number {
  return Math.max(...question.choices.map((c) => c.value.length));
}

/** The line engine: numbered choices, one answer per line. */
export function createLinePrompter(io: PromptIO): Prompter {
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

  const ask = async (question: Question): Promise<string> => {
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
  };
  return {
    ask,
    async choose(question) {
      const width = choiceWidth(question);
      io.output.write(`${question.choices.map((c, i) => `  ${i + 1}) ${c.value.padEnd(width)}  ${c.description ?? ''}`.trimEnd()).join('\n')}\n`);
      const values = question.choices.map((c) => c.value);
      const pick = (answer: string) => values[Number(answer) - 1] ?? answer;
      const answer = await ask({
        label: `${question.label} (1-${values.length} or name)`,
        ...(question.default !== undefined ? { default: question.default } : {}),
        check: (v) => (values.includes(pick(v)) ? null : `'${v}' is not one of ${values.join(', ')}`),
      });
      return pick(answer);
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
