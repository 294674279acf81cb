// Requests the sandbox is answering at once, overall and per credential, with the peaks reached:
// how tests and the bench see that accounts with their own keys run side by side while each key
// keeps to its provider's concurrency (counted where the provider would see it, not timed).
export class InFlight {
  private now = 0;
  private peakAll = 0;
  private readonly byCredential = new Map<string, { now: number; peak: number }>();

  /** A request arrived; call the returned function once its response is done. */
  enter(credential: string | null): () => void {
    const entry = this.entry(credential ?? '');
    entry.now += 1;
    entry.peak = Math.max(entry.peak, entry.now);
    this.now += 1;
    this.peakAll = Math.max(this.peakAll, this.now);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      entry.now -= 1;
      this.now -= 1;
    };
  }

  /** The most requests in flight at once, overall or for one credential, since the last reset. */
  peak(credential?: string): number {
    return credential === undefined ? this.peakAll : (this.byCredential.get(credential)?.peak ?? 0);
  }

  /** Start counting peaks afresh (requests still in flight stay counted). */
  reset(): void {
    this.peakAll = this.now;
    for (const entry of this.byCredential.values()) entry.peak = entry.now;
  }

  private entry(credential: string): { now: number; peak: number } {
    let entry = this.byCredential.get(credential);
    if (!entry) {
      entry = { now: 0, peak: 0 };
      this.byCredential.set(credential, entry);
    }
    return entry;
  }
}
