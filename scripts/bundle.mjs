// Bundle the CLI for start-up speed (docs/dev/performance.md). tsc still type-checks and emits dist/;
// this step bundles tsc's output from dist/cli.js into dist/bundle/:
//  - cli.js: what every run needs (commander, command registration), and nothing else, so
//    `--help` and `--version` never load decimal.js, the HTTP client or the config loader;
//  - one "lazy" chunk holding every module imported on demand (each command's implementation,
//    which its registration imports when the command runs, and what it reaches), so a network
//    command reads a handful of files instead of ~35 (on Node 20 each ES module costs a read, a
//    compile and a link; fewer, larger files measured ~15 ms faster for a one-shot can-withdraw);
//  - separate chunks for the tables for people (the modules that reach string-width, inlined
//    with it), so JSON/CSV output and can-withdraw never compile them.
// cosmiconfig (which may require typescript), ora, undici and prom-client stay ordinary packages.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const outdir = join(dist, 'bundle');
// undici is loaded by src/http/transport.ts on the first request only and prom-client by
// `watch --metrics` only: inlined in the shared lazy chunk, every lazily loaded command would pay
// for them. (Measured: one lazy chunk beats several smaller ones; each extra file costs more on
// Node 20 than the code it would spare.)
// @inquirer/* only when `config init` asks a person.
const EXTERNAL = ['cosmiconfig', 'ora', 'undici', 'prom-client', 'libsql', 'pg', 'asciichart', '@inquirer/input', '@inquirer/select'];
/**
 * Packages a lazily imported module may not reach statically to join the shared lazy chunk.
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

// Every module some command imports on demand, keyed by a name usable as an export.
const lazy = new Map();
for (const [file, text] of sources) {
  for (const [, , spec] of text.matchAll(DYNAMIC)) {
    const target = resolve(dirname(file), spec);
    if (sources.has(target) && !reachesSlowPackage(target)) {
      lazy.set(target, relative(dist, target).replace(/\.js$/, '').replace(/[^A-Za-z0-9]/g, '_'));
    }
  }
}

const lazyGroup = {
  name: 'lazy-group',
  setup(b) {
    b.onResolve({ filter: /^lazy-group$/ }, () => ({ path: 'lazy-group', namespace: 'lazy-group' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-group' }, () => ({
      contents: [...lazy].map(([file, key]) => `export * as ${key} from ${JSON.stringify(file)};`).join('\n'),
      resolveDir: dist,
      loader: 'js',
    }));
    // import('../core/money.js') → import('lazy-group').then((m) => m.core_money)
    b.onLoad({ filter: /\.js$/ }, (args) => {
      const text = sources.get(args.path);
      if (text === undefined) return undefined;
      const contents = text.replace(DYNAMIC, (call, _q, spec) => {
        const key = lazy.get(resolve(dirname(args.path), spec));
        return key ? `import('lazy-group').then((m) => m.${key})` : call;
      });
      return { contents, loader: 'js' };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: join(dist, 'cli.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  external: EXTERNAL,
  plugins: [lazyGroup],
  // commander is CommonJS and requires node: built-ins; an ESM bundle needs a real `require`.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
