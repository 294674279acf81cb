// Fixed-window request counter per credential, the way Laravel's throttle (Flow) and DRF
// throttling (Cryptofuse) count: at most `limit` requests per window, then 429 until it resets.
export class WindowCounter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Count a request; null when allowed, otherwise milliseconds until the window resets. */
  hit(key: string, now = Date.now()): number | null {
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return window.count > this.limit ? window.start + this.windowMs - now : null;
  }
}
