// What `config init` offers, derived from each provider's own info (its init spec and config
// fields), so a new provider's choices need no change here: the API versions `--api-version`
// accepts, which providers take an id flag, and the names that help and errors list. Its own light
// module because the flags' help and choices are set when the command is registered, on every
// start-up; the answer checks (init-answers.ts) load on demand.
import { PROVIDER_IDS, PROVIDERS, type ProviderId } from '../../providers/catalog.js';
import type { InitIds } from '../../providers/kit/info.js';

/** The provider's balance API versions (its accountFields.apiVersion), or none. */
export function apiVersionsOf(id: ProviderId): readonly string[] {
  const spec = PROVIDERS[id].accountFields.apiVersion;
  return spec?.kind === 'enum' ? spec.values : [];
}

/** Every version some provider has, for `--api-version`'s choices (each is checked per provider later). */
export const ALL_API_VERSIONS = [...new Set(PROVIDER_IDS.flatMap(apiVersionsOf))].sort();

/** The providers whose `config init` takes this flag (their init.flags). */
export function providersTaking(flag: keyof InitIds): ProviderId[] {
  return PROVIDER_IDS.filter((id) => PROVIDERS[id].init.flags.includes(flag));
}

/** "Swipelux or Cryptofuse", for a flag's help. */
export function namesTaking(flag: keyof InitIds): string {
  const names = providersTaking(flag).map((id) => PROVIDERS[id].displayName);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** "Cryptofuse v1|v2|v3 (default v3), Swipelux v1|v3", for --api-version's help. */
export function apiVersionHelp(): string {
  return providersTaking('apiVersion')
    .map((id) => {
      const fallback = PROVIDERS[id].init.defaultApiVersion;
      return `${PROVIDERS[id].displayName} ${apiVersionsOf(id).join('|')}${fallback ? ` (default ${fallback})` : ''}`;
    })
    .join(', ');
}

/** The account names `config init` suggests, one per provider (flow, syncpay, …), for --account's help. */
export function defaultAccountNames(): string {
  return PROVIDER_IDS.map((id) => PROVIDERS[id].init.account).join(', ');
}
