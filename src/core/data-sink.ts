// Where output that grows with its input is written as it is produced (history's points, an
// export): the CLI's stdout at the reader's pace (ui/data-writer.ts), or anything a library caller
// or test offers. Text is whole lines, so redaction never sees a secret cut in two.
export interface DataSink {
  /** Queue text; resolves when it may be followed by more (the reader has kept up). */
  write(text: string): Promise<void>;
  /** Everything queued has been handed on. */
  end(): Promise<void>;
}
