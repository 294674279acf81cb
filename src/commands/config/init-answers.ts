// What `config init` needs to know, where each answer comes from (a flag, a question on a
// terminal, or a default), and the one account it becomes. The same checks serve flags and
// questions, so an answer accepted at the prompt is one the flag would accept too.
import { UsageError } from '../../core/errors.js';
import { didYouMean } from '../../core/suggest.js';
import { PROVIDERS, PROVIDER_IDS, isProviderId, type ProviderId } from '../../providers/catalog.js';
import type { InitIds } from '../../providers/kit/info.js';
import { VAR_NAME } from '../../config/fields.js';
import { ACCOUNT_NAME, ACCOUNT_NAME_RULE } from '../../core/names.js';
import type { Prompter } from '../../ui/prompt.js';
import { ALL_API_VERSIONS, apiVersionsOf, providersTaking } from './init-choices.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

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
  provider: (v: string) =>
    isProviderId(v) ? null : `unknown provider '${v}'${didYouMean(v, PROVIDER_IDS)}; expected one of ${PROVIDER_IDS.join(', ')}`,
  account: (v: string) =>
    ACCOUNT_NAME.test(v) ? null : `'${v}' is not a valid account name: use ${ACCOUNT_NAME_RULE}`,
  keyEnv: (v: string) => (VAR_NAME.test(v) ? null : `'${v}' is not an environment variable name: use letters, digits and _, not starting with a digit`),
  /**
   * One of the provider's API versions; any provider's while the provider is unknown or has none
   * (checkGiven then says the flag is not for it).
   */
  apiVersion: (v: string, provider?: string) => {
    const own = provider !== undefined && isProviderId(provider) ? apiVersionsOf(provider) : [];
    const versions = own.length > 0 ? own : ALL_API_VERSIONS;
    return versions.includes(v) ? null : `'${v}' is not one of ${versions.join(', ')}`;
  },
  ids: (v: string) => splitIds(v).map((id) => (ID.test(id) ? null : `'${id}' is not a valid id`)).find((p) => p !== null) ?? null,
};

export function splitIds(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** `FLOW_API_KEY` for flow-payments: the provider's suggested account name, like .balancerc.example. */
export function defaultKeyEnv(provider: ProviderId): string {
  return `${defaultAccountName(provider).toUpperCase().replace(/[^A-Z0-9_]/g, '_')}_API_KEY`;
}

/** The account name the provider's info suggests (init.account). */
export function defaultAccountName(provider: ProviderId): string {
  return PROVIDERS[provider].init.account;
}

/** Flags checked one by one; the first bad one is the usage error. */
export function checkGiven(given: GivenAnswers): void {
  const flagChecks: Array<[string, string | undefined, (v: string) => string | null]> = [
    ['--provider', given.provider, check.provider],
    ['--account', given.account, check.account],
    ['--key-env', given.keyEnv, check.keyEnv],
    ['--api-version', given.apiVersion ?? undefined, (v) => check.apiVersion(v, given.provider)],
    ['--wallet', given.wallets?.join(','), check.ids],
    ['--customer', given.customers?.join(','), check.ids],
  ];
  for (const [flag, value, test] of flagChecks) {
    const problem = value === undefined ? null : test(value);
    if (problem) throw new UsageError(`${flag}: ${problem}`);
  }
  const provider = given.provider;
  // Which providers take an id flag is each provider's init.flags.
  const wrongProvider = (flag: string, answer: keyof InitIds) => {
    const ok = providersTaking(answer);
    if (provider && !ok.includes(provider as ProviderId)) throw new UsageError(`${flag} is only for ${ok.join(' and ')} accounts, not ${provider}`);
  };
  if (given.wallets?.length) wrongProvider('--wallet', 'wallets');
  if (given.customers?.length) wrongProvider('--customer', 'customers');
  if (given.apiVersion) wrongProvider('--api-version', 'apiVersion');
  if (provider !== undefined) checkAccountRule(provider as ProviderId, given);
}

/**
 * The provider's own rule over several keys (its info.accountRule, as config validation runs it),
 * on the ids and version the flags gave: a combination the config would refuse is a usage error
 * now, not a config error after the questions.
 */
function checkAccountRule(provider: ProviderId, given: GivenAnswers): void {
  const settings: Record<string, unknown> = { provider };
  if (given.wallets?.length) settings.wallets = given.wallets;
  if (given.customers?.length) settings.customers = given.customers;
  if (given.apiVersion) settings.apiVersion = given.apiVersion;
  const problem = PROVIDERS[provider].accountRule?.(settings) ?? null;
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
  let provider = given.provider as ProviderId | undefined;
  if (!provider) {
    prompter.say(PROVIDER_IDS.map((id, i) => `  ${i + 1}) ${id.padEnd(14)} ${PROVIDERS[id].displayName}`).join('\n'));
    const pick = (v: string) => PROVIDER_IDS[Number(v) - 1] ?? v;
    provider = pick(await prompter.ask({ label: `Provider (1-${PROVIDER_IDS.length} or id)`, check: (v) => check.provider(pick(v)) })) as ProviderId;
  }
  const name = PROVIDERS[provider].displayName;
  const ask = (label: string, test: (v: string) => string | null, fallback?: string) =>
    prompter.ask({ label, check: test, ...(fallback !== undefined ? { default: fallback } : {}) });
  const account = given.account ?? (await ask('Account name', check.account, defaultAccountName(provider)));
  const keyEnv = given.keyEnv ?? (await ask(`Environment variable holding the ${name} API key`, check.keyEnv, defaultKeyEnv(provider)));
  // The provider's own questions (its info's init.askMissing): ids, API version.
  const id = provider;
  const asked = await PROVIDERS[provider].init.askMissing?.(givenIds(given), {
    ids: async (label) => splitIds(await ask(label, check.ids, '')),
    version: (label, fallback) => ask(label, (v) => check.apiVersion(v, id), fallback),
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
