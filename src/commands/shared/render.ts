// How a command prints in the output format of the run: one entry per format it supports, looked
// up here instead of an if/else per command. A renderer takes the command's result and writes it:
// whole documents on stdout (output.data), notes for people on stderr (output.info/warn); it may
// write in several pieces (a stream). Adding a format to a command is one entry in its map, plus
// the format in its Supports (which refuses every format the command has no entry for).
import { InternalError } from '../../core/errors.js';
import type { Format } from '../../ui/formats.js';
import type { Output } from '../../ui/output.js';

/** Something per output format; the keys are the formats a command supports. */
export type PerFormat<X> = Partial<Record<Format, X>>;

/** Writes a command's result in one format. */
export type Renderer<V> = (view: V, output: Output) => void | Promise<void>;

export type Renderers<V> = PerFormat<Renderer<V>>;

/** The entry for this format; a missing one is a bug (Supports should have refused the format). */
export function forFormat<X>(format: Format, entries: PerFormat<X>): X {
  const entry = entries[format];
  if (entry === undefined) throw new InternalError(`nothing prints the ${format} format here, yet it was not refused`);
  return entry;
}

/** Print `view` with the renderer of the run's format. */
export async function render<V>(output: Output, renderers: Renderers<V>, view: V): Promise<void> {
  await forFormat(output.format, renderers)(view, output);
}
