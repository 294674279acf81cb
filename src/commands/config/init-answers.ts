// What `config init` needs to know, where each answer comes from (a flag, a question on a
// terminal, or a default), and the one account it becomes. The same checks serve flags and
// questions, so an answer accepted at the prompt is one the flag would accept too; and ids are
// checked with the config's own rules (validateConfig), so what init accepts the loader accepts.
import { ConfigError, UsageError } from '../../core/errors.js';
import { didYouMean } from '../../core/suggest.js';
import { PROVIDERS, PROVIDER_IDS, isProviderId, type ProviderId } from '../../providers/catalog.js';
import type { InitIds } from '../../providers/kit/info.js';
import { VAR_NAME } from '../../config/fields.js';
import { validateConfig } from '../../config/schema.js';
import { ACCOUNT_NAME, ACCOUNT_NAME_RULE } from '../../core/names.js';
import type { Prompter } from '../../ui/prompt.js';
import { apiVersionsOf, providersTaking } from './init-choices.js';

/** One id: no spaces or commas (a list is comma-separated); '/' joins a customer and its wallet. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;

export interface InitAnswers {
  provider: ProviderId;
  account: string;
  /** The environment variable holding the key; the file gets `${keyEnv}`, never the key. */
  keyEnv: string;
  /** Wallet ids, for providers whose init.flags take them. */
  wallets: string[];
  /** Customer ids, likewise. */
  customers: string[];
  /** The balance API version, for providers that have several (accountFields.apiVersion). */
  apiVersion: string | null;
}

/** What the flags said, not yet checked; undefined where a flag was not given. */
export type GivenAnswers = { [K in keyof InitAnswers]?: (K extends 'provider' ? string : InitAnswers[K]) | undefined };

export const check = {
  provider: (v: string) => (isProviderId(v) ? null : `unknown provider '${v}'${didYouMean(v, PROVIDER_IDS)}; expected one of ${PROVIDER_IDS.join(', ')}`),
  account: (v: string) => (ACCOUNT_NAME.test(v) ? null : `'${v}' is not a valid account name: use ${ACCOUNT_NAME_RULE}`),
  keyEnv: (v: string) => (VAR_NAME.test(v) ? null : `'${v}' is not an environment variable name: use letters, digits and _, not starting with a digit`),
  apiVersion: (provider: ProviderId) => (v: string) => {
    const versions = apiVersionsOf(provider);
    return versions.includes(v) ? null : `'${v}' is not one of ${versions.join(', ')}`;
  },
  ids: (v: string) => {
    const bad = splitIds(v).find((id) => !ID.test(id));
    if (bad === undefined) return null;
    const why = /\s/.test(bad) ? ': an id has no spaces; separate ids with commas' : `: use letters, digits, '.', '_', ':', '/' and '-'`;
    return `'${bad}' is not a valid id${why}`;
  },
};

/** A comma-separated answer (or flag value) as ids; spaces around each id are dropped, not split on. */
export function splitIds(text: string): string[] {
  return text
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}

/** `FLOW_API_KEY` for flow-payments: the provider's suggested account name, like .balancerc.example. */
export function defaultKeyEnv(provider: ProviderId): string {
  return `${defaultAccountName(provider)
    .toUpperCase()
    .replace(/[^A-Z0-9_]/g, '_')}_API_KEY`;
}

/** The account name the provider's info suggests (init.account). */
export function defaultAccountName(provider: ProviderId): string {
  return PROVIDERS[provider].init.account;
}

/**
 * The problems the config's own rules (field specs, the provider's account rule) find in the
 * account these answers make, without the `accounts.<name>.` prefix; [] when it is valid.
 */
export function accountProblems(provider: ProviderId, ids: InitIds): string[] {
  const answers = { provider, account: 'init', keyEnv: 'KEY', wallets: ids.wallets ?? [], customers: ids.customers ?? [], apiVersion: ids.apiVersion ?? null };
  try {
    validateConfig(initConfig(answers), null, 'flag');
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return (error.problems.length > 0 ? error.problems : [error.message]).map((p) => p.replace(/^accounts\.init[.:]\s?/, ''));
  }
}

/** Flags checked one by one; the first bad one is the usage error. */
export function checkGiven(given: GivenAnswers): void {
  const provider = given.provider;
  const flagChecks: Array<[string, string | undefined, (v: string) => string | null]> = [
    ['--provider', provider, check.provider],
    ['--account', given.account, check.account],
    ['--key-env', given.keyEnv, check.keyEnv],
    ['--wallet', given.wallets?.join(','), check.ids],
    ['--customer', given.customers?.join(','), check.ids],
  ];
  for (const [flag, value, test] of flagChecks) {
    const problem = value === undefined ? null : test(value);
    if (problem) throw new UsageError(`${flag}: ${problem}`);
  }
  // Which providers take an id flag is each provider's init.flags.
  const wrongProvider = (flag: string, answer: keyof InitIds) => {
    const ok = providersTaking(answer);
    if (provider && isProviderId(provider) && !PROVIDERS[provider].init.flags.includes(answer)) {
      throw new UsageError(`${flag} is only for ${ok.join(' and ')} accounts, not ${provider}`);
    }
  };
  if (given.wallets?.length) wrongProvider('--wallet', 'wallets');
  if (given.customers?.length) wrongProvider('--customer', 'customers');
  if (given.apiVersion) wrongProvider('--api-version', 'apiVersion');
  if (!provider || !isProviderId(provider)) return;
  const versionProblem = given.apiVersion ? check.apiVersion(provider)(given.apiVersion) : null;
  if (versionProblem) throw new UsageError(`--api-version: ${versionProblem}`);
  // The config's own rules on the ids and version the flags gave: a combination the config would
  // refuse is a usage error now, not a config error after the questions.
  const [problem] = accountProblems(provider, givenIds(given));
  if (problem) throw new UsageError(`these flags do not make a valid ${PROVIDERS[provider].displayName} account: ${problem}`);
}

/** Flags a run without a terminal must have, for the provider (if known) — empty when complete. */
export function missingFlags(given: GivenAnswers): string[] {
  const missing: string[] = [];
  // --account defaults from the provider (flow, syncpay, …), as --help says; only --provider is needed.
  if (!given.provider) missing.push('--provider');
  return missing;
}

/** A complete example for the provider given (or the registry's first), for the "needs flags" hint. */
export function exampleFor(provider: string | undefined): string {
  // Each provider's info holds its example flags; an unknown id falls back to the first provider's.
  const id: ProviderId = provider !== undefined && isProviderId(provider) ? provider : (PROVIDER_IDS[0] as ProviderId);
  return `e.g. balance-inspector config init --provider ${id} ${PROVIDERS[id].init.example}`;
}

/** Fill in defaults for everything optional (no terminal, or every required flag was given). */
export function withDefaults(given: GivenAnswers): InitAnswers {
  const provider = given.provider as ProviderId;
  return {
    provider,
    account: given.account ?? defaultAccountName(provider),
    keyEnv: given.keyEnv ?? defaultKeyEnv(provider),
    wallets: given.wallets ?? [],
    customers: given.customers ?? [],
    apiVersion: given.apiVersion ?? PROVIDERS[provider].init.defaultApiVersion ?? null,
  };
}

/** The id answers the flags gave, without the undefined ones. */
function givenIds(given: GivenAnswers): InitIds {
  const ids: InitIds = {};
  if (given.wallets) ids.wallets = given.wallets;
  if (given.customers) ids.customers = given.customers;
  if (given.apiVersion) ids.apiVersion = given.apiVersion;
  return ids;
}

/** Ask, on a terminal, for every answer no flag gave. */
export async function askMissing(given: GivenAnswers, prompter: Prompter): Promise<InitAnswers> {
  const provider =
    (given.provider as ProviderId | undefined) ??
    ((await prompter.choose({
      label: 'Provider',
      choices: PROVIDER_IDS.map((id) => ({ value: id, description: PROVIDERS[id].displayName })),
    })) as ProviderId);
  const name = PROVIDERS[provider].displayName;
  const ask = (label: string, test: (v: string) => string | null, fallback?: string) =>
    prompter.ask({ label, check: test, ...(fallback !== undefined ? { default: fallback } : {}) });
  const account = given.account ?? (await ask('Account name', check.account, defaultAccountName(provider)));
  const keyEnv = given.keyEnv ?? (await ask(`Environment variable holding the ${name} API key`, check.keyEnv, defaultKeyEnv(provider)));
  // The provider's own questions (its info's init.askMissing): API versions and ids.
  const notes = PROVIDERS[provider].init.apiVersions ?? {};
  const asked = await PROVIDERS[provider].init.askMissing?.(givenIds(given), {
    ids: async (label, field, sofar) => {
      const problem = (v: string) => check.ids(v) ?? accountProblems(provider, { ...sofar, [field]: splitIds(v) })[0] ?? null;
      return splitIds(await ask(label, problem, ''));
    },
    version: (label, fallback) =>
      prompter.choose({
        label,
        default: fallback,
        choices: apiVersionsOf(provider).map((v) => ({ value: v, ...(notes[v] ? { description: notes[v] } : {}) })),
      }),
  });
  const wallets = asked?.wallets ?? given.wallets ?? [];
  const customers = asked?.customers ?? given.customers ?? [];
  const apiVersion = asked?.apiVersion ?? given.apiVersion ?? PROVIDERS[provider].init.defaultApiVersion ?? null;
  return { provider, account, keyEnv, wallets, customers, apiVersion };
}

/** The config the answers stand for: one account whose key is a ${VAR} reference. */
export function initConfig(answers: InitAnswers): { accounts: Record<string, Record<string, string | string[]>> } {
  const account: Record<string, string | string[]> = { provider: answers.provider };
  if (answers.apiVersion) account.apiVersion = answers.apiVersion;
  account.apiKey = `\${${answers.keyEnv}}`;
  if (answers.wallets.length > 0) account.wallets = answers.wallets;
  if (answers.customers.length > 0) account.customers = answers.customers;
  return { accounts: { [answers.account]: account } };
}
