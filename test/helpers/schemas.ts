// JSON Schema validation of real command output against the files shipped in schema/ (draft 2020-12).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { CONFIG_SCHEMA_ID } from '../../src/config/json-schema.js';

// ajv and ajv-formats are CommonJS; require() sidesteps their default-export interop under NodeNext.
const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

export type SchemaName =
  | 'config'
  | 'balances'
  | 'total'
  | 'can-withdraw'
  | 'can-withdraw-batch'
  | 'config-check'
  | 'watch-events'
  | 'snapshot'
  | 'history'
  | 'changes'
  | 'history-prune'
  | 'history-export'
  | 'history-import'
  | 'provider-declaration'
  | 'config-explain';

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
// The config's schema is for editors: its conditional parts (a provider's fields under `if`, a
// credential as `anyOf` of `required`) name properties another branch defines, which ajv's strict
// mode flags as style, not as errors. Unknown keywords are still refused.
const lenient = new Ajv2020({ strict: false, strictSchema: true, allErrors: true });
// It references one declaration's schema beside it (providers.<id>), by a path relative to its $id.
lenient.addSchema(
  JSON.parse(readFileSync(schemaFile('provider-declaration'), 'utf8')) as object,
  new URL('provider-declaration.v1.json', CONFIG_SCHEMA_ID).href,
);
const compiled = new Map<SchemaName, ValidateFunction>();

export function schemaFile(name: SchemaName): string {
  return new URL(`../../schema/${name}.v1.json`, import.meta.url).pathname;
}

/** The problems of `doc` against schema/<name>.v1.json, one line each (empty when valid). */
export function schemaProblems(name: SchemaName, doc: unknown): string[] {
  let validate = compiled.get(name);
  if (!validate) {
    validate = (name === 'config' ? lenient : ajv).compile(JSON.parse(readFileSync(schemaFile(name), 'utf8')));
    compiled.set(name, validate);
  }
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
