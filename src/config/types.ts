import type { Decimal } from '../core/money.js';
import type { ThresholdRule } from '../core/conditions.js';
import type { Mode } from '../core/balance.js';
import type { ProviderId } from '../providers/catalog.js';
import type { HistorySettings } from './history.js';

/** Where the config came from, for messages and `config check`. */
export type ConfigOrigin = 'flag' | 'env' | 'search' | 'global' | 'builtin';

export interface AccountConfig {
  name: string;
  provider: ProviderId;
  /** Explicit baseUrl, or null for the provider's documented host. */
  baseUrl: string | null;
  /** Explicit mode override; null lets the adapter infer it (key prefix, host). */
  mode: Mode | null;
  /** Credential fields as written: literal values or ${VAR} templates. */
  secrets: { apiKey?: string; apiKeyFile?: string; clientId?: string; clientSecret?: string };
  /** Provider-specific settings (wallets, customers, apiVersion, …), already validated. */
  settings: Record<string, unknown>;
}

export interface Config {
  filePath: string | null;
  origin: ConfigOrigin;
  accounts: AccountConfig[];
  /** USD rates the user supplies, by canonical symbol. */
  rates: Map<string, Decimal>;
  /** Per account, per currency code (provider or canonical), minimum withdrawal overrides. */
  minimums: Map<string, Map<string, Decimal>>;
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

export interface Credentials {
  apiKey?: string;
  clientId?: string;
  clientSecret?: string;
}

export interface ResolvedAccount extends AccountConfig {
  credentials: Credentials;
}
