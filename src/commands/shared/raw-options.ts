// Commander hands a command its flags as an untyped record. These readers are the one place that
// looks into it, so each command's parse function states every flag's type once and no command
// casts `opts.x as ...`. Commander itself yields only strings, booleans and the lists `collect`
// builds, so a value of another type is a mistake in a command's declaration: an internal error
// (exit 70), never a usage error.
import { UsageError } from '../../core/errors.js';

/** Commander's values of one command's flags, keyed by camel-cased flag name. */
export type RawOptions = Readonly<Record<string, unknown>>;

function wrongType(key: string, expected: string, value: unknown): Error {
  return new TypeError(`option "${key}" should be ${expected}, got ${typeof value}`);
}

/** A flag that takes a value (`--store <path>`); undefined when not given. */
export function stringOption(opts: RawOptions, key: string): string | undefined {
  const value = opts[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw wrongType(key, 'a string', value);
  return value;
}

/** A value flag commander already requires (`.requiredOption`). */
export function requiredStringOption(opts: RawOptions, key: string): string {
  const value = stringOption(opts, key);
  if (value === undefined) throw new TypeError(`option "${key}" is required but missing`);
  return value;
}

/** A switch (`--force`), or a negatable one (`--no-rate-limit`: pass absent = true). */
export function booleanOption(opts: RawOptions, key: string, absent = false): boolean {
  const value = opts[key];
  if (value === undefined) return absent;
  if (typeof value !== 'boolean') throw wrongType(key, 'a boolean', value);
  return value;
}

/** A repeatable flag collected into a list (`--currency a --currency b,c`); [] when not given. */
export function listOption(opts: RawOptions, key: string): string[] {
  const value = opts[key];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) throw wrongType(key, 'a list of strings', value);
  return value;
}

/** A flag whose value is one of a few words, in any case (`--by Day`); any other is a usage error naming the flag. */
export function choiceOption<C extends string>(opts: RawOptions, key: string, flag: string, choices: readonly C[]): C | undefined {
  const value = stringOption(opts, key);
  if (value === undefined) return undefined;
  const chosen = choices.find((c) => c === value.toLowerCase());
  if (chosen === undefined) throw new UsageError(`${flag} "${value}" is not one of ${choices.join(', ')}`);
  return chosen;
}
