// `config init --declare <id>`: a starter config whose one account reads a provider this tool does
// not ship, declared in its `providers:` section from a template (docs/providers-declared.md).
// The template is valid as written (it is validated before anything is written), with comments on
// every key to change; `config check --explain <account>` then shows what its paths find.
import { UsageError } from '../../core/errors.js';
import { DECLARED_ID } from '../../core/names.js';
import { PROVIDER_IDS } from '../../providers/catalog.js';

/** The checked answers of `config init --declare`. */
export interface DeclareAnswers {
  id: string;
  account: string;
  keyEnv: string;
}

/** The --declare id, checked like a declaration's id in a config (a built-in id is refused). */
export function checkDeclaredId(id: string): void {
  if (PROVIDER_IDS.includes(id as never)) {
    throw new UsageError(`--declare ${id}: '${id}' is a built-in provider; use --provider ${id}, or declare yours under another id`);
  }
  if (!DECLARED_ID.test(id)) {
    throw new UsageError(`--declare "${id}" is not a provider id: use lower-case letters, digits, '_' and '-' (at most 40), starting with a letter`);
  }
}

export function declaredKeyEnv(id: string): string {
  return `${id.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_API_KEY`;
}

/** The config text: a declaration to edit, and one account using it. */
export function declaredTemplate(answers: DeclareAnswers): string {
  const { id, account, keyEnv } = answers;
  return `# balance-inspector config, written by \`balance-inspector config init --declare ${id}\`.
# The API key is not stored here: \${${keyEnv}} is read from the environment on every run.
# '${id}' is declared below from a template: point baseUrl, path and the JSONPaths at your API
# (docs/providers-declared.md), then run  balance-inspector config check --explain ${account}
providers:
  ${id}:
    displayName: ${id}
    baseUrl: https://api.example.com       # the API's base URL (https; http only to 127.0.0.1/localhost)
    auth: { type: bearer }                 # bearer | header (name) | query (name) | basic | oauth2 (tokenUrl, scope)
    # mode: { live: { keyPrefix: live_ }, test: { keyPrefix: test_ } }   # what a key's prefix tells
    # rateLimit: { requests: 60, perSeconds: 60 }                        # the provider's documented limit
    balances:
      path: /v1/balances                   # GET; query: { … } adds parameters
      # paginate: { type: cursor, param: cursor, next: $.next_cursor, hasMore: $.has_more }   # cursor | page | offset
      records: $.data[*]                   # one record per balance row (or per wallet, with rows: and wallet:)
      # wallet: { id: $.id, name: $.label }
      # rows: $.balances[*]
      currency: $.currency
      # network: $.network
      available: $.available
      # pending: $.pending                 # absent means not reported (unknown), never 0
      # total: $.total
      # scale: $.decimals                  # when amounts are whole numbers of minor units
    # errors: { message: $.error.message, code: $.error.code }
    # withdrawals: { minimums: { USDT: "10" } }                          # what can-withdraw checks
accounts:
  ${account}:
    provider: ${id}
    apiKey: \${${keyEnv}}
# pegged: [USDT, USDC]   # value these stablecoins at 1.00 USD when no provider rate exists
`;
}
