// The providers one config can name: the built-in ones (catalog.ts) plus those the config declares
// in its `providers:` section (declared/). Built per config by config/schema.ts and carried on the
// Config, never kept in a module: two configs loaded in one process (two library callers, tests)
// each see their own declarations. Everything that turns an account's `provider` into facts or an
// adapter (the read pipeline, the cache key, can-withdraw, watch, config check) asks it.
import { InternalError } from '../core/errors.js';
import { PROVIDER_HOMES, PROVIDER_IDS } from './catalog.js';
import type { ProviderAdapter } from './kit/adapter.js';
import type { ProviderInfo } from './kit/info.js';

/** One provider as a run uses it: its facts and its adapter, loaded on demand. */
export interface ProviderEntry {
  info: ProviderInfo;
  loadAdapter: () => Promise<ProviderAdapter>;
  /**
   * For a declared provider, a one-way hash of its declaration: the cache keys entries by it, so
   * editing a declaration (another path for `available`) never serves figures mapped the old way.
   */
  declaration: string | null;
}

export class ProviderRegistry {
  private readonly entries: ReadonlyMap<string, ProviderEntry>;

  constructor(declared: readonly ProviderEntry[] = []) {
    const builtIn = PROVIDER_IDS.map((id): [string, ProviderEntry] => [
      id,
      { info: PROVIDER_HOMES[id].info, loadAdapter: PROVIDER_HOMES[id].loadAdapter, declaration: null },
    ]);
    this.entries = new Map([...builtIn, ...declared.map((entry): [string, ProviderEntry] => [entry.info.id, entry])]);
  }

  /** Built-in ids first (registry order), then the declared ones in config order. */
  get ids(): string[] {
    return [...this.entries.keys()];
  }

  /** Ids declared in the config (not built in). */
  get declaredIds(): string[] {
    return [...this.entries.values()].filter((e) => e.declaration !== null).map((e) => e.info.id);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** The provider a user means, typed in any case (`--provider Nimbus`); undefined for none. */
  idIgnoringCase(text: string): string | undefined {
    const lower = text.toLowerCase();
    return this.ids.find((id) => id === lower);
  }

  /**
   * The entry of the provider an account or balance names. Config validation admits only ids of
   * this registry, so an unknown one here is a bug, not bad input.
   */
  entry(id: string): ProviderEntry {
    const entry = this.entries.get(id);
    if (!entry) throw new InternalError(`no provider '${id}' in the registry`);
    return entry;
  }

  info(id: string): ProviderInfo {
    return this.entry(id).info;
  }

  loadAdapter(id: string): Promise<ProviderAdapter> {
    return this.entry(id).loadAdapter();
  }
}
