// Which of a poll's notices a long watch shows (docs/commands/watch.md "Events"). A notice is said once; when it
// comes back with other figures (an inconsistency whose amounts move every poll) it is said again
// at most once per REPEAT_AFTER_MS; a notice of a new kind is always said, however many came
// before — a capped "first 100 distinct notices" would silence a new inconsistency after a day.
// Memory stays bounded: past MAX_KINDS the kind seen longest ago is forgotten (and would be said
// again if it came back), never a new one dropped.

/** A changed repeat of a notice kind is said at most this often. */
export const REPEAT_AFTER_MS = 10 * 60_000;
/** Kinds remembered at once. */
export const MAX_KINDS = 1000;

/**
 * The kind of a notice: its text with free-standing numbers (amounts, counts) as '#'. Numbers
 * inside names and ids (casino-v3, 550e8400-…) stay, so two accounts or wallets are two kinds.
 */
export function noticeKind(text: string): string {
  return text.replace(/(?<![A-Za-z0-9_-])[-+]?\d+(?:[.,]\d+)*(?![A-Za-z0-9_])/g, '#');
}

export class NoticeLimiter {
  /** Per kind, the text last said and when; in order of last sight (oldest first). */
  private readonly kinds = new Map<string, { text: string; saidAt: number }>();

  constructor(
    private readonly repeatAfterMs = REPEAT_AFTER_MS,
    private readonly maxKinds = MAX_KINDS,
  ) {}

  /** Should `text` be said now (`now` in ms)? Records it when so. */
  admit(text: string, now: number): boolean {
    const kind = noticeKind(text);
    const seen = this.kinds.get(kind);
    this.kinds.delete(kind);
    if (seen && (seen.text === text || now - seen.saidAt < this.repeatAfterMs)) {
      this.kinds.set(kind, seen); // seen again: the most recent now
      return false;
    }
    if (!seen && this.kinds.size >= this.maxKinds) {
      const oldest = this.kinds.keys().next().value;
      if (oldest !== undefined) this.kinds.delete(oldest);
    }
    this.kinds.set(kind, { text, saidAt: now });
    return true;
  }
}
