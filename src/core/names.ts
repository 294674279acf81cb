// What a name may look like, in one place: account names (config keys, --account, selectors),
// currency codes (rates, alerts, --below/--until), network names and declared provider ids. The config, the selector
// grammar and config init all check against these.

/** Account (and alert) names: letters, digits, '.', '_' and '-', at most 64, starting with a letter or digit. */
export const ACCOUNT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const ACCOUNT_NAME_RULE = "letters, digits, '.', '_' and '-' (at most 64), starting with a letter or digit";

/**
 * A canonical symbol (USDT) or a provider code (USDT_TRC20, USDT-ERC20, USDT.E): the one rule for
 * every currency code a user types (--currency, can-withdraw, --below/--above/--until, alerts,
 * rates). Providers separate a network suffix with '_', '-' or '.', so all three are letters here;
 * ':' and '@' are not, as the selector grammar uses them.
 */
export const CURRENCY_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,23}$/;

/**
 * The one folder name for everything the tool keeps per user: config ($XDG_CONFIG_HOME), cache
 * ($XDG_CACHE_HOME) and history ($XDG_DATA_HOME). The command's own name, which no other tool's
 * folder is likely to share (a plain "balance" could be anyone's). Releases before 0.1.0 kept the
 * config in `balance`, still read (config/find.ts).
 */
export const USER_DIR_NAME = 'balance-inspector';

/** A network name such as tron or ethereum. */
export const NETWORK_NAME = /^[A-Za-z0-9-]{1,32}$/;

/** A declared provider's id (config `providers:`): lower case, as it appears in output, metrics labels and history. */
export const DECLARED_ID = /^[a-z][a-z0-9_-]{0,39}$/;
