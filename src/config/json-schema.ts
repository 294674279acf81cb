// The JSON Schema of the config file (schema/config.v1.json), generated from the validator's own
// rules: the account fields of every provider (its accountFields and credentials, the provider's
// accountRuleSchema beside its accountRule), the common fields and the top-level sections, with
// the same name and amount patterns, and the `providers:` section, whose declarations
// schema/provider-declaration.v1.json describes (referenced, not copied). Editors (yaml-language-server) complete and check a config
// with it; `config check` validates with validateConfig (schema.ts). test/docs/config-schema.test.ts
// runs both over valid and invalid configs and fails where they disagree, and `npm run docs`
// rewrites the file when the rules change. What a schema cannot say — references between
// sections (minimums of an account that does not exist), below < above — only config check says.
import { ACCOUNT_NAME, CURRENCY_CODE, DECLARED_ID, NETWORK_NAME } from '../core/names.js';
import { PROVIDERS, PROVIDER_IDS } from '../providers/catalog.js';
import type { FieldSpec } from '../providers/kit/info.js';
import { COMMON_ACCOUNT_FIELDS, TOP_LEVEL_KEYS } from './schema.js';

type Schema = Record<string, unknown>;

export const CONFIG_SCHEMA_ID = 'https://raw.githubusercontent.com/balance-inspector/balance-inspector/main/schema/config.v1.json';
/**
 * One declaration of `providers:`, beside this schema (shipped and published together): relative,
 * so an editor resolves it next to whichever copy of config.v1.json it was pointed at.
 */
export const DECLARATION_SCHEMA_REF = 'provider-declaration.v1.json';

/** A regular expression as a JSON Schema pattern (ECMA-262 source; the validator's have no flags but u). */
function pattern(regex: RegExp): string {
  return regex.source;
}

const NO_PLACEHOLDER = { not: { pattern: '\\$\\{' } };
const DECIMAL = '^\\s*-?(0|[1-9][0-9]*)(\\.[0-9]+)?\\s*$';
const POSITIVE_DECIMAL = '^\\s*(0*[1-9][0-9]*(\\.[0-9]+)?|0\\.[0-9]*[1-9][0-9]*)\\s*$';
/** ${NAME} only where a secret belongs, with a valid variable name; something besides spaces. */
const SECRET = '^(?=[\\s\\S]*\\S)(?:[^$]|\\$(?!\\{)|\\$\\{[A-Za-z_][A-Za-z0-9_]*\\})*$';
/** https://host[:port][/path], or http:// to loopback; no user info, query or fragment. */
const BASE_URL = '^(?:https://[^/?#@\\s]+|http://(?:localhost|127(?:\\.[0-9]{1,3}){3}|\\[::1\\])(?::[0-9]+)?)(?:/[^?#\\s]*)?$';
/** Ids sent as request path segments, each `/` part (kit/path-segment.ts): not empty, `.` or `..`, no \\ % ? #. */
const SEGMENT = '(?!\\.\\.?(?:/|\\s*$))[^/\\\\%?#]+';
const PATH_SEGMENTS = `^\\s*${SEGMENT}(?:/${SEGMENT})*\\s*$`;
/**
 * The one duration grammar (core/duration.ts): a number and a unit, or several from the largest
 * unit down (1m30s, 1d12h), units w d h m s ms in any case. Each part is optional, at least one is
 * there; the bounds (at most 100 years) are config check's.
 */
const DURATION_PART = (unit: string) => `(?:\\s*[0-9]+(?:\\.[0-9]+)?\\s*${unit}\\s*)?`;
const DURATION = `^(?=\\s*[0-9])${['[wW]', '[dD]', '[hH]', '[mM](?![sS])', '[sS]', '[mM][sS]'].map(DURATION_PART).join('')}$`;
/** Every part zero (0d, 0h0m): no time at all. */
const ZERO_DURATION = '^(?:\\s*0+(?:\\.0+)?\\s*[a-zA-Z]+\\s*)+$';

function fieldSchema(spec: FieldSpec): Schema {
  const described = spec.description ? { description: spec.description } : {};
  switch (spec.kind) {
    case 'string':
      return { type: 'string', ...(spec.pattern ? { pattern: pattern(spec.pattern) } : {}), ...NO_PLACEHOLDER, ...described };
    case 'secret':
      return { type: 'string', pattern: SECRET, ...described };
    case 'url':
      return { type: 'string', pattern: BASE_URL, ...NO_PLACEHOLDER, ...described };
    case 'enum':
      return { enum: [...spec.values], ...described };
    case 'stringList':
      return {
        type: 'array',
        items: { type: 'string', ...(spec.pathSegments ? { pattern: PATH_SEGMENTS } : { pattern: '\\S', not: { pattern: '^\\s*\\.{1,2}\\s*$' } }) },
        ...described,
      };
    case 'decimal':
      return { type: 'string', pattern: spec.positive ? POSITIVE_DECIMAL : DECIMAL, ...described };
  }
}

/**
 * An account of a provider the config declares: the common fields and an OAuth client pair.
 * Which credentials its auth needs, and that the id is declared at all, only config check can
 * tell (they are in another section).
 */
function declaredAccountSchema(): Schema {
  const fields = { ...COMMON_ACCOUNT_FIELDS, clientId: { kind: 'secret' }, clientSecret: { kind: 'secret' } } satisfies Record<string, FieldSpec>;
  const properties = Object.fromEntries(Object.entries(fields).map(([key, spec]) => [key, fieldSchema(spec)]));
  properties.provider = { type: 'string', pattern: pattern(DECLARED_ID), description: 'a provider declared under providers:' };
  return {
    if: { properties: { provider: { not: { enum: [...PROVIDER_IDS] } } }, required: ['provider'] },
    then: {
      properties,
      additionalProperties: false,
      allOf: [
        { anyOf: [{ required: ['apiKey'] }, { required: ['apiKeyFile'] }, { required: ['clientId', 'clientSecret'] }] },
        { not: { required: ['apiKey', 'apiKeyFile'] } },
      ],
    },
  };
}

/** One provider's account: its fields, its credentials, its rule over several keys. */
function accountSchema(id: (typeof PROVIDER_IDS)[number]): Schema {
  const info = PROVIDERS[id];
  const fields = { ...COMMON_ACCOUNT_FIELDS, ...info.accountFields };
  const properties = Object.fromEntries(Object.entries(fields).map(([key, spec]) => [key, fieldSchema(spec)]));
  properties.provider = { const: id, description: info.displayName };
  // apiKeyFile stands for apiKey in every credential shape; never both.
  const shapes = info.credentials.map((shape) => ({
    anyOf: [{ required: [...shape] }, ...(shape.includes('apiKey') ? [{ required: shape.map((k) => (k === 'apiKey' ? 'apiKeyFile' : k)) }] : [])],
  }));
  return {
    if: { properties: { provider: { const: id } }, required: ['provider'] },
    then: {
      properties,
      additionalProperties: false,
      allOf: [{ anyOf: shapes }, { not: { required: ['apiKey', 'apiKeyFile'] } }, ...(info.accountRuleSchema ? [info.accountRuleSchema] : [])],
    },
  };
}

const decimalMap = (description: string): Schema => ({
  type: 'object',
  description,
  propertyNames: { pattern: pattern(CURRENCY_CODE) },
  additionalProperties: { type: 'string', pattern: POSITIVE_DECIMAL },
});

export function configJsonSchema(): Schema {
  const accountName = { pattern: pattern(ACCOUNT_NAME) };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: CONFIG_SCHEMA_ID,
    title: 'balance-inspector config (.balancerc.yaml)',
    description:
      'Generated from the validator (src/config/json-schema.ts); docs/configuration.md explains every key. `balance-inspector config check` applies the same rules and the ones a schema cannot express.',
    type: 'object',
    required: ['accounts'],
    propertyNames: { enum: TOP_LEVEL_KEYS },
    properties: {
      providers: {
        type: 'object',
        description: 'Providers this tool does not ship, declared as data: id → declaration (docs/providers-declared.md). A built-in id is refused.',
        propertyNames: { pattern: pattern(DECLARED_ID), not: { enum: [...PROVIDER_IDS] } },
        additionalProperties: { $ref: DECLARATION_SCHEMA_REF },
      },
      accounts: {
        type: 'object',
        description: 'The accounts to read, by name (used in output and with --account).',
        minProperties: 1,
        propertyNames: accountName,
        additionalProperties: {
          type: 'object',
          required: ['provider'],
          properties: { provider: { anyOf: [{ enum: [...PROVIDER_IDS] }, { type: 'string', pattern: pattern(DECLARED_ID) }] } },
          allOf: [...PROVIDER_IDS.map(accountSchema), declaredAccountSchema()],
        },
      },
      rates: decimalMap('USD rates you supply, as quoted decimal strings: { NGN: "0.00065" }.'),
      minimums: {
        type: 'object',
        description: 'Minimum withdrawal overrides per account and currency: { payouts: { USD: "10" } }.',
        propertyNames: accountName,
        additionalProperties: decimalMap('currency → minimum amount'),
      },
      reserves: {
        type: 'object',
        description: 'Amounts a payout may never take, per account and currency: { payouts: { USDT_TRC20: "500" } }.',
        propertyNames: accountName,
        additionalProperties: decimalMap('currency → amount kept back'),
      },
      decimals: {
        type: 'object',
        description: 'Decimals a withdrawal may have, per account and currency, where no provider says: { casino: { USDTPOLYGON: 6 } }.',
        propertyNames: accountName,
        additionalProperties: {
          type: 'object',
          propertyNames: { pattern: pattern(CURRENCY_CODE) },
          additionalProperties: {
            anyOf: [
              { type: 'integer', minimum: 0, maximum: 36 },
              { type: 'string', pattern: '^\\s*(0|[1-9]|[12][0-9]|3[0-6])\\s*$' },
            ],
          },
        },
      },
      pegged: { ...fieldSchema({ kind: 'stringList' }), description: 'Stablecoins valued at 1.00 USD when nothing better is known: [USDT, USDC].' },
      alerts: {
        type: 'object',
        description: 'Named threshold rules for watch: { low-usdt: { currency: USDT, below: "100" } }.',
        propertyNames: accountName,
        additionalProperties: {
          type: 'object',
          required: ['currency'],
          anyOf: [{ required: ['below'] }, { required: ['above'] }],
          additionalProperties: false,
          properties: {
            currency: { type: 'string', pattern: pattern(CURRENCY_CODE), ...NO_PLACEHOLDER },
            network: { type: 'string', pattern: pattern(NETWORK_NAME), ...NO_PLACEHOLDER },
            account: { type: 'string', ...NO_PLACEHOLDER },
            below: { type: 'string', pattern: DECIMAL },
            above: { type: 'string', pattern: DECIMAL },
          },
        },
      },
      cache: {
        type: 'object',
        description: 'The opt-in balance cache: { maxAge: 30s }.',
        required: ['maxAge'],
        additionalProperties: false,
        properties: { maxAge: { type: 'string', pattern: DURATION } },
      },
      history: {
        type: 'object',
        description: 'The history store and how long snapshots are kept: { store: history.db, retain: 400d }.',
        additionalProperties: false,
        properties: { store: { type: 'string', pattern: '\\S' }, retain: { type: 'string', pattern: DURATION, not: { pattern: ZERO_DURATION } } },
      },
    },
  };
}

/** The file's text: what schema/config.v1.json holds. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
