// The balance cache file: $XDG_CACHE_HOME/balance-inspector/balances.json (default
// ~/.cache/balance-inspector/). Opt-in (--max-age or config cache.maxAge). One JSON file holds
// every entry, keyed by cacheKey(); it is written whole to a temp file (mode 0600, in a 0700
// folder) and renamed over the old one, so readers never see half a file. Concurrent runs: the last
// writer wins, which only costs the loser's entries a fetch next time.
// An unreadable or corrupt file is ignored with a debug note; a file someone else owns or can
// write is refused (exit 3), like an unsafe config file.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { ResolvedAccount } from '../config/types.js';
import type { AccountOutcome } from '../core/account.js';
import { ConfigError } from '../core/errors.js';
import { USER_DIR_NAME } from '../core/names.js';
import { readTrustedFile, writeFileAtomic } from '../core/safe-file.js';
import type { Redactor } from '../core/secrets.js';
import type { ProviderRegistry } from '../providers/registry.js';
import { decodeEntry, encodeOutcome, type DecodedEntry } from './codec.js';
import { cacheKey } from './key.js';

const FILE_NAME = 'balances.json';
const FORMAT = 'balance-inspector/balance-cache/v1';
/** Entries older than this are dropped when the file is written, so it cannot grow without end. */
const PRUNE_AFTER_MS = 24 * 3_600_000;

export interface CacheOptions {
  maxAgeMs: number;
  /** Folder holding the cache file; default from XDG_CACHE_HOME / HOME. */
  dir?: string | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  now: () => Date;
  debug?: ((line: string) => void) | undefined;
  /** The run's redactor: no secret of the run reaches the file. */
  redactor: Redactor;
  /** The config's providers (an entry's key holds its provider's host and declaration). */
  providers: ProviderRegistry;
}

export interface CacheHit extends DecodedEntry {
  ageMs: number;
}

/** XDG base directory rules: a relative XDG_CACHE_HOME is ignored. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME && isAbsolute(env.HOME) ? env.HOME : homedir(), '.cache');
  return join(base, USER_DIR_NAME);
}

export class BalanceCache {
  readonly dir: string;
  readonly file: string;
  private entries: Record<string, unknown>;
  private dirty = false;

  constructor(private readonly options: CacheOptions) {
    this.dir = options.dir ?? defaultCacheDir(options.env);
    this.file = join(this.dir, FILE_NAME);
    this.entries = this.read();
  }

  private note(line: string): void {
    this.options.debug?.(`cache: ${line}`);
  }

  private read(): Record<string, unknown> {
    const read = readTrustedFile(this.file);
    if ('problem' in read) {
      // A file someone else could have written could feed us false balances: refused, like a config.
      if (read.unsafe) {
        throw new ConfigError(`refusing to use the cache file ${this.file}: ${read.problem}`, {
          code: 'UNSAFE_PERMISSIONS',
          hint: `or delete it (it is only a cache), or run with --no-cache`,
        });
      }
      if (!read.missing) this.note(`cannot read ${this.file} (${read.problem}); ignoring it`);
      return {};
    }
    try {
      const doc: unknown = JSON.parse(read.text);
      const { format, entries } = (doc ?? {}) as { format?: unknown; entries?: unknown };
      if (format !== FORMAT || typeof entries !== 'object' || entries === null || Array.isArray(entries)) throw new Error('unknown layout');
      return { ...(entries as Record<string, unknown>) };
    } catch (error) {
      this.note(`ignoring unreadable ${this.file}: ${error instanceof SyntaxError ? 'not valid JSON' : error instanceof Error ? error.message : 'unreadable'}`);
      return {};
    }
  }

  /** Balances of this account fetched within maxAge, or null. */
  lookup(account: ResolvedAccount): CacheHit | null {
    const record = this.entries[cacheKey(account, this.options.providers.entry(account.provider))];
    if (record === undefined) {
      this.note(`miss for '${account.name}'`);
      return null;
    }
    const decoded = decodeEntry(record, { account: account.name, provider: account.provider });
    if ('problem' in decoded) {
      this.note(`ignoring the entry for '${account.name}': ${decoded.problem}`);
      return null;
    }
    const ageMs = this.options.now().getTime() - decoded.fetchedAt.getTime();
    if (ageMs < 0) {
      // A clock that went back, or a copied or planted file: an entry from the future proves nothing.
      this.note(`ignoring the entry for '${account.name}': dated ${Math.round(-ageMs)}ms in the future`);
      return null;
    }
    if (ageMs > this.options.maxAgeMs) {
      this.note(`expired for '${account.name}' (age ${Math.round(ageMs)}ms, max ${this.options.maxAgeMs}ms)`);
      return null;
    }
    this.note(`hit for '${account.name}' (age ${Math.round(ageMs)}ms)`);
    return { ...decoded, ageMs };
  }

  /** Keep an account's fresh result. Partial results (any error) are never cached. */
  remember(account: ResolvedAccount, outcome: AccountOutcome, fetchedAt: Date): void {
    if (outcome.errors.length > 0) return;
    this.entries[cacheKey(account, this.options.providers.entry(account.provider))] = encodeOutcome(outcome, fetchedAt, this.options.redactor.redact);
    this.dirty = true;
  }

  /** Write the file if anything changed; failures are debug notes, never errors. */
  save(): void {
    if (!this.dirty) return;
    const now = this.options.now().getTime();
    const kept = Object.entries(this.entries).filter(([, e]) => {
      const at = Date.parse(String((e as { fetchedAt?: unknown } | null)?.fetchedAt));
      return Number.isFinite(at) && now - at < PRUNE_AFTER_MS;
    });
    const text = `${JSON.stringify({ format: FORMAT, note: 'balance cache of balance-inspector; safe to delete', entries: Object.fromEntries(kept) })}\n`;
    try {
      // New folders get 0700 (an existing folder is left as its owner set it); the file is 0600.
      writeFileAtomic(this.file, text, { replace: true, createDir: true });
      this.dirty = false;
      this.note(`wrote ${kept.length} entr${kept.length === 1 ? 'y' : 'ies'} to ${this.file}`);
    } catch (error) {
      this.note(`could not write ${this.file} (${(error as NodeJS.ErrnoException).code ?? 'error'}); continuing without it`);
    }
  }
}
