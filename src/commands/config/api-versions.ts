// The API versions `config init --api-version` accepts: each provider's own list (its
// accountFields.apiVersion), so a new version or provider needs no change here. Its own light
// module, because the flag's choices are set when the command is registered, on every start-up;
// the answer checks (init-answers.ts) load on demand.
import { PROVIDERS, PROVIDER_IDS, type ProviderId } from '../../providers/catalog.js';

/** The provider's API versions; [] when it has only one. */
export function apiVersionsOf(provider: ProviderId): string[] {
  const spec = PROVIDERS[provider].accountFields.apiVersion;
  return spec?.kind === 'enum' ? [...spec.values] : [];
}

/** Every provider's versions, for the flag's choices (which one fits is checked with --provider). */
export const API_VERSIONS = [...new Set(PROVIDER_IDS.flatMap(apiVersionsOf))].sort();

/** "Swipelux (v1, v3) or Cryptofuse (v1, v2, v3)", for --help. */
export const API_VERSIONS_HELP = PROVIDER_IDS.filter((id) => apiVersionsOf(id).length > 0)
  .map((id) => `${PROVIDERS[id].displayName} (${apiVersionsOf(id).join(', ')})`)
  .join(' or ');
