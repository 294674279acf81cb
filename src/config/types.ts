import type { Decimal } from '../core/money.js';
import type { ThresholdRule } from '../core/conditions.js';
import type { AccountConfig } from '../core/account.js';
import type { HistorySettings } from './history.js';
import type { ProviderRegistry } from '../providers/registry.js';

export type { AccountConfig, Credentials, ResolvedAccount } from '../core/account.js';

/** Where the config came from, for messages and `config check`. */
export type ConfigOrigin = 'flag' | 'env' | 'search' | 'global' | 'builtin';

export interface Config {
  filePath: string | null;
  origin: ConfigOrigin;
  accounts: AccountConfig[];
  /** The providers accounts may name: the built-in ones and those the `providers:` section declares. */
  providers: ProviderRegistry;
  /** USD rates the user supplies, by canonical symbol. */
  rates: Map<string, Decimal>;
  /** Per account, per currency code (provider or canonical), minimum withdrawal overrides. */
  minimums: Map<string, Map<string, Decimal>>;
  /**
   * Per account, per currency code (provider or canonical), what a treasury keeps: no payout takes
   * a balance below it (`reserves:`). Absent in configs built before reserves existed: none.
   */
  reserves?: Map<string, Map<string, Decimal>>;
  /** Per account, per currency code, the decimals a withdrawal amount may have (`decimals:`). */
  decimals?: Map<string, Map<string, number>>;
  /** Canonical symbols valued at exactly 1 USD when no better rate exists. */
  pegged: Set<string>;
  /** The `cache:` section; absent means no caching unless --max-age asks for it. */
  cache?: CacheSettings;
  /** The `history:` section (snapshot, history, changes). */
  history?: HistorySettings;
  /** The `alerts:` section, parsed (watch fires them). */
  alerts: ThresholdRule[];
}

export interface CacheSettings {
  /** Reuse balances fetched at most this long ago (config `cache.maxAge`). */
  maxAgeMs: number;
}
