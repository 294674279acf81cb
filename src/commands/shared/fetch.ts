// The path every balance-reading command shares: the library's fetchBalances (config → accounts →
// credentials → the read pipeline → valued balances) plus only what a CLI does around it: the
// spinner, notices on stderr, saying which figures came from the cache and how old they are, and
// warning about filters that matched nothing.
import { fetchBalances, type BalancesResult } from '../../api/fetch.js';
import { loadConfig, resolveAccounts, resolveEachAccount, selectAccounts, splitResolutions } from '../../config/index.js';
import type { Config, ResolvedAccount } from '../../config/types.js';
import { parseCurrencyFilters, unmatchedFilterWarnings } from '../../core/currency-filter.js';
import { formatDuration } from '../../core/duration.js';
import type { ConfigError } from '../../core/errors.js';
import { describeRetry } from '../../http/client.js';
import { startProgress } from '../../ui/spinner.js';
import type { RunContext } from './context.js';
import { CLI_OPTION_NAMES } from '../../core/option-names.js';
import { checkSelectorAccount } from './selectors.js';

export interface CollectOptions {
  /** Currency filters as typed: `[account:]CURRENCY[@network]` (USDT, USDT_TRC20, USDT@tron, syncpay:USDT). */
  currencies?: string[];
  hideZero?: boolean;
  /** A config built in memory (demo) instead of a file. */
  config?: Config;
  /** Also read providers' withdrawal limits (can-withdraw), in parallel with the balances. */
  withdrawalRules?: boolean;
  /** Never read the cache (can-withdraw); what is fetched still refreshes it. */
  refresh?: boolean;
  /**
   * Checks input against the config and the selected accounts once they are known and before any
   * provider is asked (a payout list's accounts); it throws a UsageError.
   */
  check?: (config: Config, selected: string[]) => void;
}

/**
 * The config and the accounts --account/--provider select (watch). The selected accounts, each resolved on its own: one whose ${VAR} or key file cannot be used is
 * in `accounts` without credentials and its error in `unresolved`, so the others still run. When
 * none resolves, the whole-config error is thrown (exit 3, every variable named).
 */
export async function loadAccounts(ctx: RunContext): Promise<{ config: Config; accounts: ResolvedAccount[]; unresolved: Map<string, ConfigError> }> {
  const config = await loadConfig({ configPath: ctx.globals.configPath, cwd: ctx.cwd, env: ctx.env, names: CLI_OPTION_NAMES });
  warnStrays(ctx, config.found.strays);
  const selected = selectAccounts(config, { accounts: ctx.globals.accounts, provider: ctx.globals.provider, names: CLI_OPTION_NAMES });
  const resolutions = resolveEachAccount(config, selected, ctx.env, ctx.runtime.redactor);
  if (!resolutions.some((r) => r.ok)) return { config, accounts: resolveAccounts(config, selected, ctx.env, ctx.runtime.redactor), unresolved: new Map() };
  return { config, ...splitResolutions(resolutions) };
}

export async function collectBalances(ctx: RunContext, options: CollectOptions = {}): Promise<BalancesResult> {
  // A bad --currency is a usage error before the config is even read.
  const selectors = parseCurrencyFilters(options.currencies ?? []);
  const config = options.config ?? (await loadConfig({ configPath: ctx.globals.configPath, cwd: ctx.cwd, env: ctx.env, names: CLI_OPTION_NAMES }));
  if ('found' in config) warnStrays(ctx, (config as { found: { strays: string[] } }).found.strays);
  if (selectors.some((s) => s.account !== null) || options.check) {
    const selected = selectAccounts(config, { accounts: ctx.globals.accounts, provider: ctx.globals.provider, names: CLI_OPTION_NAMES }).map((a) => a.name);
    for (const s of selectors) checkSelectorAccount(`--currency ${options.currencies?.[selectors.indexOf(s)] ?? s.code}`, s.account, config, selected);
    options.check?.(config, selected);
  }
  const progress = await startProgress(ctx.output, 'Fetching balances', ctx.env);
  let result: BalancesResult;
  try {
    result = await fetchBalances(config, {
      accounts: ctx.globals.accounts,
      provider: ctx.globals.provider,
      currencies: options.currencies,
      hideZero: options.hideZero,
      timeout: ctx.globals.timeoutMs,
      runtime: ctx.runtime,
      env: ctx.env,
      maxAge: ctx.globals.maxAgeMs,
      // The demo's sandbox listens on a new port each run: caching it would only litter the cache.
      cache: ctx.globals.cache && !options.config,
      refresh: options.refresh,
      withdrawalRules: options.withdrawalRules,
      onProgress: (done, total) => progress.update(`Fetching balances: ${done}/${total} accounts`),
      onRetry: (notice) => progress.note(describeRetry(notice)),
      debug: ctx.globals.debug ? (line) => ctx.output.debug(line) : undefined,
      now: ctx.now,
    });
  } finally {
    progress.stop();
  }
  for (const notice of result.notices) ctx.output.info(notice);
  reportCacheUse(ctx, result);
  // A typo must not look like "you hold none": say which filter matched nothing, and what was meant.
  const scope = result.errors.length > 0 ? 'the accounts that could be read' : 'the selected accounts';
  for (const line of unmatchedFilterWarnings(selectors, result.unfiltered, { scope })) ctx.output.warn(line);
  return result;
}

/** One stderr line for people when any figure came from the cache (JSON says it in `cache`). */
function reportCacheUse(ctx: RunContext, result: BalancesResult): void {
  const cached = result.cache?.accounts.filter((a) => a.source === 'cache') ?? [];
  if (cached.length === 0) return;
  const list = cached.map((a) => `'${a.account}' (${formatDuration(a.ageMs)} old)`).join(', ');
  ctx.output.info(ctx.output.errColor.dim(`from the cache: ${list}; --no-cache to fetch fresh`));
}

/** Print each failed account on stderr, one line each, plus a hint for people. */
export function reportErrors(ctx: RunContext, result: Pick<BalancesResult, 'errors'>): void {
  const c = ctx.output.errColor;
  for (const error of result.errors) {
    ctx.output.error(`${c.red('error:')} ${error.message}`);
    // A config problem of one account (an unset ${VAR}) says exactly where, as a whole-config one does.
    for (const problem of (error as { problems?: string[] }).problems ?? []) ctx.output.error(`  ${problem}`);
    if (error.hint && !ctx.output.quiet) ctx.output.error(`  ${c.dim(`hint: ${error.hint}`)}`);
  }
}

/** A likely config where the search never looks is never ignored without a word (config/find.ts). */
export function warnStrays(ctx: RunContext, strays: string[]): void {
  for (const line of strays) ctx.output.warn(line);
}
