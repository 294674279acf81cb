// The Cryptofuse API shapes `config init --api-version` accepts: the catalog's own list, so a new
// shape needs no change here. Its own light module, because the flag's choices are set when the
// command is registered, on every start-up; the answer checks (init-answers.ts) load on demand.
import { PROVIDERS } from '../../providers/catalog.js';

const apiVersionSpec = PROVIDERS.cryptofuse.accountFields.apiVersion;
export const CRYPTOFUSE_API_VERSIONS = apiVersionSpec?.kind === 'enum' ? [...apiVersionSpec.values] : [];
