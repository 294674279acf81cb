// The shape of what the tool knows about a provider without loading its adapter (each provider's
// <id>/info.ts holds the values, catalog.ts lists them). Kept apart so a provider's own folder can
// describe itself without importing the catalog that lists it.
import type { Mode } from '../../core/balance.js';
import type { WithdrawalFacts } from '../../core/withdrawal-limits.js';
import type { RateLimit } from '../../http/rate-limiter.js';

export type { WithdrawalFacts } from '../../core/withdrawal-limits.js';

/** How one config field of a provider is checked (config/fields.ts checks it). */
export type FieldSpec =
  | { kind: 'string'; description?: string; pattern?: RegExp; patternHint?: string }
  | { kind: 'secret'; description?: string }
  | { kind: 'url'; description?: string }
  | { kind: 'enum'; values: readonly string[]; description?: string }
  /** pathSegments: the ids become request path segments (kit/path-segment.ts checks each `/` part). */
  | { kind: 'stringList'; description?: string; pathSegments?: boolean }
  | { kind: 'decimal'; description?: string; positive?: boolean };

/** `Id` is the provider's id as a literal type, so the registry can check each line's key against it. */
export interface ProviderInfo<Id extends string = string> {
  /** The id accounts name in `provider:`; also the emulator's path prefix and its key in the sandbox state. */
  id: Id;
  displayName: string;
  docsUrl: string;
  defaultBaseUrl: string;
  /** Provider-specific account keys, validated with the common ones. */
  accountFields: Record<string, FieldSpec>;
  /** Credential shapes the provider accepts; the first that is configured is used. */
  credentials: ReadonlyArray<ReadonlyArray<'apiKey' | 'clientId' | 'clientSecret'>>;
  /** Documented request limit; undefined when the docs give no number. */
  rateLimit?: RateLimit;
  /** Shortest poll interval the provider asks for (watch raises faster intervals to this). */
  minPollIntervalMs: number;
  /**
   * What tells an account's mode besides its config `mode` (providers/account-mode.ts): hosts that
   * are one mode (a sandbox host), then key prefixes (sk_test_ / sk_live_). Known without a call,
   * so an account that cannot be read keeps its mode.
   */
  modeHints?: { hosts?: Readonly<Record<string, Mode>>; keyPrefixes: ReadonlyArray<readonly [prefix: string, mode: Mode]> };
  /** Requests in flight at once per credential (sockets per origin are capped at 4 in http/transport.ts). */
  concurrency: number;
  /** A rule over several account keys (a field spec checks one); returns the problem or null. */
  accountRule?: (account: Record<string, unknown>) => string | null;
  /**
   * The same rule as a JSON Schema fragment over the account, for schema/config.v1.json (editors);
   * test/docs/config-schema.test.ts holds the two to the same answers.
   */
  accountRuleSchema?: Record<string, unknown>;
  /** Documented withdrawal minimums and decimals (can-withdraw); {} when the docs state none. */
  withdrawals: WithdrawalFacts;
  /** What `config init` asks and shows for this provider beyond account and key variable. */
  init: InitSpec;
  /**
   * Credentials the local sandbox accepts for it. They unlock nothing real; `demo`, the emulator
   * and the tests use them, and watch recognises a sandbox account by them (watch/poll.ts).
   */
  sandboxCredentials: SandboxCredentials;
}

export interface SandboxCredentials {
  apiKey: string;
  clientId?: string;
  clientSecret?: string;
}

/** The answers `config init` may take beyond provider, account name and key variable. */
export interface InitIds {
  wallets?: string[];
  customers?: string[];
  apiVersion?: string;
}

/** Questions `config init` can put on a terminal (the command checks each answer as it checks the flag). */
export interface InitAsk {
  /**
   * A comma-separated list of ids for `field`; empty is allowed. Each id is checked as it is typed
   * with the config's own rules for the account answered so far (`sofar`: e.g. its API version).
   */
  ids(label: string, field: 'wallets' | 'customers', sofar: InitIds): Promise<string[]>;
  /** One of the provider's API versions (accountFields.apiVersion), picked from a list showing init.apiVersions. */
  version(label: string, fallback: string): Promise<string>;
}

export interface InitSpec {
  /** The account name `config init` suggests (and its key variable, NAME_API_KEY). */
  account: string;
  /** The flags after `--provider <id>` in the example `config init` prints when flags are missing. */
  example: string;
  /** The id flags this provider takes (--wallet, --customer, --api-version); others are refused. */
  flags: ReadonlyArray<keyof InitIds>;
  /**
   * The API version written when neither a flag nor an answer gives one; none: no apiVersion key
   * (the adapter's own default applies). The versions themselves are accountFields.apiVersion's.
   */
  defaultApiVersion?: string;
  /** What each API version reads, shown beside it when `config init` offers them (one per accountFields.apiVersion value). */
  apiVersions?: Readonly<Record<string, string>>;
  /** Ask, on a terminal, for what no flag gave; returns only what it settled. */
  askMissing?: (given: InitIds, ask: InitAsk) => Promise<InitIds>;
}
