// `npm run docs`: rewrite the generated parts of the docs from the built program — each command
// page's `--help` block, the README's exit-code table and the config's JSON Schema
// (schema/config.v1.json). test/docs/ fails when they drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url).href);
const [{ runProgram, buildProgram, ProcessRuntime }, pages, { helpText }, { exitCodesMarkdown }, { configJsonSchemaText }] = await Promise.all([
  dist('cli.js'),
  dist('manual/help-pages.js'),
  dist('manual/capture.js'),
  dist('manual/exit-codes.js'),
  dist('config/json-schema.js'),
]);

const program = buildProgram(new ProcessRuntime(new AbortController().signal), {}, () => undefined);
const targets = [{ path: [], page: 'docs/commands/README.md' }, ...pages.commandPages(program)];
const changed = new Set();
const update = (file, key, generated) => {
  const path = join(root, file);
  const before = readFileSync(path, 'utf8');
  const after = pages.withBlock(before, key, generated);
  if (after !== before) {
    writeFileSync(path, after);
    changed.add(file);
  }
};
for (const { path, page } of targets) update(page, pages.helpKey(path), pages.helpBlock(path, await helpText(runProgram, path)));
const schemaPath = join(root, 'schema', 'config.v1.json');
let schemaBefore = '';
try {
  schemaBefore = readFileSync(schemaPath, 'utf8');
} catch {
  // first generation
}
if (schemaBefore !== configJsonSchemaText()) {
  writeFileSync(schemaPath, configJsonSchemaText());
  changed.add('schema/config.v1.json');
}
update('README.md', 'exit-codes', pages.block('exit-codes', 'from src/manual/exit-codes.ts', exitCodesMarkdown()));
console.log(changed.size === 0 ? 'docs: up to date' : `docs: rewrote ${[...changed].join(', ')}`);
