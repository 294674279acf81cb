// A stdout or stderr for in-process runs: collects what is written and may pose as a terminal of a
// given size (isTTY, columns, rows, resize events and the cursor methods ora draws with).
import { Writable } from 'node:stream';

/** A terminal's size: the stream is a TTY of this many columns and rows. */
export interface TerminalSize {
  columns: number;
  rows?: number;
}

/** A stream that collects what is written, optionally posing as a terminal of a given size. */
export class CapturedStream extends Writable {
  text = '';
  isTTY: boolean;
  columns: number | undefined;
  rows: number | undefined;

  constructor(
    size?: TerminalSize,
    private readonly onChunk?: (chunk: string) => void,
  ) {
    super({ decodeStrings: false });
    this.isTTY = size !== undefined;
    this.columns = size?.columns;
    this.rows = size === undefined ? undefined : (size.rows ?? 24);
  }

  override _write(chunk: unknown, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    const text = typeof chunk === 'string' ? chunk : String(chunk);
    this.text += text;
    this.onChunk?.(text);
    done();
  }

  /** A terminal resize, as SIGWINCH reports it. */
  resize(size: TerminalSize): void {
    this.columns = size.columns;
    this.rows = size.rows ?? this.rows;
    this.emit('resize');
  }

  // What a tty.WriteStream offers (ora draws with these).
  cursorTo(x: number, y?: number | (() => void), callback?: () => void): boolean {
    const done = typeof y === 'function' ? y : callback;
    this.write(typeof y === 'number' ? `\x1b[${y + 1};${x + 1}H` : `\x1b[${x + 1}G`);
    done?.();
    return true;
  }

  moveCursor(dx: number, dy: number, callback?: () => void): boolean {
    if (dx) this.write(dx > 0 ? `\x1b[${dx}C` : `\x1b[${-dx}D`);
    if (dy) this.write(dy > 0 ? `\x1b[${dy}B` : `\x1b[${-dy}A`);
    callback?.();
    return true;
  }

  clearLine(dir: number, callback?: () => void): boolean {
    this.write(dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K');
    callback?.();
    return true;
  }
}
