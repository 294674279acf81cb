// Build step: write dist/man/balance-inspector.1 from the built program (src/manual/man.ts), the
// page npm installs from package.json's "man" field.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url).href);
const [{ buildProgram, ProcessRuntime, VERSION }, { renderManPage }, { SEARCH_ORDER_HELP }, { wrapHelpText }] = await Promise.all([
  dist('cli.js'),
  dist('manual/man.js'),
  dist('config/search-order.js'),
  dist('commands/shared/help-layout.js'),
]);
// The page's date is the release's: the newest CHANGELOG heading with a date, else the package's
// version alone (a build never stamps today's date, so two builds of one tree are identical).
const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
const date = /^## \[[^\]]+\] - (\d{4}-\d{2}-\d{2})/m.exec(changelog)?.[1] ?? `version ${VERSION}`;
const program = buildProgram(new ProcessRuntime(new AbortController().signal), {}, () => undefined);
mkdirSync(join(root, 'dist', 'man'), { recursive: true });
writeFileSync(
  join(root, 'dist', 'man', 'balance-inspector.1'),
  renderManPage(program, { version: VERSION, date, searchOrder: SEARCH_ORDER_HELP, wrap: wrapHelpText }),
);
