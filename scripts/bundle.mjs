// Bundle the CLI for start-up speed (docs/dev/performance.md). tsc still type-checks and emits dist/;
// this step bundles tsc's output from dist/cli.js into dist/bundle/, as CommonJS files (below):
//  - cli.js: what every run needs (commander, command registration), and nothing else, so
//    `--help` and `--version` never load decimal.js, the HTTP client or the config loader;
//  - two "lazy" chunks holding the modules imported on demand (each command's implementation,
//    which its registration imports when the command runs, and what it reaches): one for the
//    one-shot reads (balances, total, can-withdraw), one for everything else, so a network command
//    reads a handful of files instead of ~35 (each file costs a read, a compile and a link; fewer,
//    larger files measured ~15 ms faster for a one-shot can-withdraw) and compiles no code it
//    never runs;
//  - separate chunks for the tables for people (the modules that reach string-width, inlined
//    with it), so JSON/CSV output and can-withdraw never compile them.
// cosmiconfig (which may require typescript), ora, undici and prom-client stay ordinary packages.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transformSync } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const outdir = join(dist, 'bundle');
// undici is loaded by src/http/transport.ts on the first request only and prom-client by
// `watch --metrics` only: inlined in a lazy chunk, every lazily loaded command would pay for them.
// @inquirer/* only when `config init` asks a person.
// (Measured: few larger chunks beat many small ones; each extra file costs more on Node 20 than
// the code it would spare. The two lazy groups below split by command, not by module.)
const EXTERNAL = ['cosmiconfig', 'ora', 'undici', 'prom-client', 'libsql', 'pg', 'asciichart', '@inquirer/input', '@inquirer/select'];
/**
 * Packages a lazily imported module may not reach statically to join a lazy chunk.
 * (Separating modules that reach built-ins only some commands use, such as the sandbox's
 * node:http, was measured slower: the extra chunks cost more than the built-ins they spare.)
 */
const KEEP_SEPARATE = ['string-width'];
const DYNAMIC = /\bimport\((['"])(\.\.?\/[^'"]+)\1\)/g;
const STATIC = /^(?:import|export)\s[^;]*?\bfrom\s+(['"])([^'"]+)\1/gm;

function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === outdir ? [] : jsFiles(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

const sources = new Map(jsFiles(dist).map((file) => [file, readFileSync(file, 'utf8')]));

/** Does this module (or anything it imports statically) import one of KEEP_SEPARATE? */
function reachesSlowPackage(file, seen = new Set()) {
  if (seen.has(file) || !sources.has(file)) return false;
  seen.add(file);
  for (const [, , spec] of sources.get(file).matchAll(STATIC)) {
    if (KEEP_SEPARATE.includes(spec)) return true;
    if (spec.startsWith('.') && reachesSlowPackage(resolve(dirname(file), spec), seen)) return true;
  }
  return false;
}

/** Modules `file` imports statically (relative imports inside dist/), recursively, itself included, but not those `skip` names. */
function staticClosure(file, skip, seen = new Set()) {
  if (seen.has(file) || !sources.has(file) || skip(file)) return seen;
  seen.add(file);
  for (const [, , spec] of sources.get(file).matchAll(STATIC)) {
    if (spec.startsWith('.')) staticClosure(resolve(dirname(file), spec), skip, seen);
  }
  return seen;
}

/** The modules `file` imports on demand (relative `import()` of a module in dist/). */
function dynamicTargets(file) {
  return [...sources.get(file).matchAll(DYNAMIC)].map(([, , spec]) => resolve(dirname(file), spec)).filter((target) => sources.has(target));
}

// Every module some command imports on demand, keyed by a name usable as an export.
const lazy = new Map();
for (const file of sources.keys()) {
  for (const target of dynamicTargets(file)) {
    if (!reachesSlowPackage(target))
      lazy.set(
        target,
        relative(dist, target)
          .replace(/\.js$/, '')
          .replace(/[^A-Za-z0-9]/g, '_'),
      );
  }
}

// The one-shot reads scripts run in loops (docs/dev/performance.md: can-withdraw's budget) load only
// what these commands reach on demand, in a group of their own; everything else lazily loaded
// (sandbox, watch, history stores, config init, completion…) is in a second group they never
// read, with the node:child_process, node:http and readline built-ins it needs.
// What these reach: the CLI entry (with the command helpers every command runs through) and their
// registrations, on through everything those import, statically or on demand; not the other
// commands' registrations (src/commands/registration/<command>.ts, which registration/index.ts
// imports), where each other command's one import(), and so everything only it needs, starts.
const READ_COMMANDS = ['can-withdraw', 'balances', 'total'];
const cliEntry = join(dist, 'cli.js');
const registrationIndex = join(dist, 'commands', 'registration', 'index.js');
if (!sources.has(registrationIndex)) throw new Error('bundle: no dist/commands/registration/index.js; where are the commands registered?');
const commandOf = (file) => relative(dirname(registrationIndex), file).replace(/\.js$/, '');
const registrations = [...sources.get(registrationIndex).matchAll(STATIC)]
  .map(([, , spec]) => resolve(dirname(registrationIndex), spec))
  .filter((file) => sources.has(file) && dirname(file) === dirname(registrationIndex));
const otherRegistrations = new Set(registrations.filter((file) => !READ_COMMANDS.includes(commandOf(file))));
if (registrations.length - otherRegistrations.size !== READ_COMMANDS.length) {
  throw new Error(
    `bundle: src/commands/registration/index.ts does not register each of ${READ_COMMANDS.join(', ')} from a file of that name; check READ_COMMANDS`,
  );
}
const otherCommand = (file) => otherRegistrations.has(file);
const readGroup = new Set();
const pending = [cliEntry];
for (const seen = new Set(); pending.length > 0;) {
  for (const module of staticClosure(pending.pop(), otherCommand)) {
    if (seen.has(module)) continue;
    seen.add(module);
    for (const target of dynamicTargets(module)) {
      if (lazy.has(target) && !readGroup.has(target)) {
        readGroup.add(target);
        pending.push(target);
      }
    }
  }
}
const groupOf = (file) => (readGroup.has(file) ? 'lazy-read' : 'lazy-rest');
if (readGroup.size === 0) throw new Error(`bundle: no module is loaded on demand by ${READ_COMMANDS.join(', ')}; check READ_COMMANDS`);

const lazyGroup = {
  name: 'lazy-group',
  setup(b) {
    b.onResolve({ filter: /^lazy-(read|rest)$/ }, (args) => ({ path: args.path, namespace: 'lazy-group' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-group' }, (args) => ({
      contents: [...lazy]
        .filter(([file]) => groupOf(file) === args.path)
        .map(([file, key]) => `export * as ${key} from ${JSON.stringify(file)};`)
        .join('\n'),
      resolveDir: dist,
      loader: 'js',
    }));
  },
};

// commander requires node:child_process at load to start executable subcommands, which this
// program has none of; it costs ~5 ms of every start on Node 20. It is required if ever used.
const CHILD_PROCESS = "const childProcess = require('node:child_process');";
const COMMANDER = /[\\/]commander[\\/]lib[\\/]command\.js$/;

/** A module's source as it goes into the bundle. */
function bundledSource(path) {
  const ours = sources.get(path);
  if (ours !== undefined) {
    // import('../core/money.js') → import('lazy-read').then((m) => m.core_money)
    return ours.replace(DYNAMIC, (call, _q, spec) => {
      const target = resolve(dirname(path), spec);
      const key = lazy.get(target);
      return key ? `import('${groupOf(target)}').then((m) => m.${key})` : call;
    });
  }
  const text = readFileSync(path, 'utf8');
  if (!COMMANDER.test(path)) return text;
  if (!text.includes(CHILD_PROCESS)) {
    console.warn(`bundle: commander no longer has "${CHILD_PROCESS}"; it may load node:child_process at every start`);
    return text;
  }
  return text.replace(CHILD_PROCESS, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };");
}

// Every module enters with a `/*! <path> */` mark, which the minified output keeps (legal comments,
// at the end of the file that holds the module): test/e2e/startup-modules.test.ts reads them to
// see what a start-up compiles.
const marked = {
  name: 'marked-sources',
  setup(b) {
    b.onLoad({ filter: /\.(m|c)?js$/ }, (args) => ({
      contents: `/*! ${relative(root, args.path).split('\\').join('/')} */\n${bundledSource(args.path)}`,
      loader: 'js',
    }));
  },
};

rmSync(outdir, { recursive: true, force: true });
const { outputFiles } = await build({
  absWorkingDir: root,
  entryPoints: { cli: join(dist, 'cli.js') },
  outdir,
  write: false,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  external: EXTERNAL,
  plugins: [lazyGroup, marked],
  // No comments or layout: fewer bytes for V8 to scan at every start (names stay, for --debug).
  minifyWhitespace: true,
  logLevel: 'warning',
});

// esbuild splits code into chunks for ES modules only; each chunk is then turned into CommonJS.
// On Node 20 a CommonJS file loads without the ES module loader (its resolver, module jobs,
// linking, a dozen more built-ins) and without the copy of every `node:fs` export an ES import
// makes (which loads fs/promises): a one-shot can-withdraw measured ~13 % less CPU. A chunk's
// static imports become require() calls (esbuild keeps live bindings as getters) and an import()
// of another chunk a require() in a resolved promise; import() of a package stays (ora is an ES
// module). dist/bundle/package.json makes Node read these .js files as CommonJS.
const CHUNK_IMPORT = /\bimport\((["'])(\.\.?\/[^"']+)\1\)/g;
for (const file of outputFiles) {
  const esm = file.text.replace(CHUNK_IMPORT, (_, quote, path) => `Promise.resolve().then(()=>require(${quote}${path}${quote}))`);
  const { code } = transformSync(esm, {
    format: 'cjs',
    minifyWhitespace: true,
    platform: 'node',
    target: 'node20',
    // Computed where it is read (three modules locate package files with it), not at every load.
    define: { 'import.meta.url': '__bundle_meta.url' },
    banner: "const __bundle_meta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };",
    logLevel: 'warning',
  });
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, code);
}
writeFileSync(join(outdir, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
