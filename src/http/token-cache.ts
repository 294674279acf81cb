// Access tokens (OAuth client credentials) held in memory for one Runtime, never on disk. The
// provider decides the key (base URL + client id) and when a token is due for renewal; this only
// keeps entries, so two runtimes in one process never reuse each other's tokens.

export interface CachedToken {
  /** The token, or the request for it still in flight (concurrent calls share one request). */
  promise: Promise<string>;
  /** When to stop using it; null until the token response arrives. */
  renewAt: number | null;
}

export class TokenCache {
  private readonly entries = new Map<string, CachedToken>();

  get(key: string): CachedToken | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: CachedToken): void {
    this.entries.set(key, entry);
  }

  /** Remove `key` only while it still holds `entry` (another call may have replaced it). */
  deleteIf(key: string, entry: CachedToken): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }
}
