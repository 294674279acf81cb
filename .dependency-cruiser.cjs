// The dependency rules of src/ (README "Architecture"), checked by `npm run depcheck` before every
// `npm test`. Layers, lowest first; a layer may import only from layers below it:
//   core (pure domain) ← http ← providers ← config ← api, cache, history (application)
//   ← format, ui, watch, completion ← commands ← cli.ts; index.ts is the library entry.
// The emulator is a test/demo part: its host (src/sandbox) and each provider's route in
// src/providers/<id>/emulator/. Product code never imports either, except the `sandbox` and `demo`
// command implementations, which only their registration loads, when they run (with import());
// only the host (and tests) import the provider routes.
// What provider folders and the host share (adapter contract, request helpers, paginator, the
// emulator Mount shape) is the provider kit, src/providers/kit/, a leaf both import.
// Type-only imports count: a cycle of types is still a cycle for the reader.
/** Folders of src/ a layer must not import, listed from the lowest layer up. */
const LAYERS = [
  ['core', []],
  ['http', ['core']],
  ['providers', ['core', 'http']],
  ['config', ['core', 'http', 'providers']],
  ['cache', ['core', 'http', 'providers', 'config']],
  ['api', ['core', 'http', 'providers', 'config', 'cache']],
  ['history', ['core', 'http', 'providers', 'config', 'cache', 'api']],
  ['ui', ['core']],
  ['format', ['core', 'http', 'providers', 'config', 'cache', 'api', 'history']],
  ['completion', ['core', 'http', 'providers', 'config']],
  ['manual', ['core', 'ui']],
  ['watch', ['core', 'http', 'providers', 'config', 'cache', 'api', 'history', 'format', 'ui']],
];

/** A provider's emulator route: part of the emulator, not of the providers layer. */
const PROVIDER_EMULATOR = '^src/providers/[^/]+/emulator/';
/** A provider's registry entry (its home.ts), which loads its emulator for the host. */
const PROVIDER_HOME = '^src/providers/[^/]+/home\\.ts$';

const layerRules = LAYERS.map(([layer, allowed]) => ({
  name: `layer-${layer}`,
  comment: `src/${layer} may import only from ${allowed.length ? allowed.map((l) => `src/${l}`).join(', ') : 'itself'}`,
  severity: 'error',
  from: { path: `^src/${layer}/`, pathNot: [PROVIDER_EMULATOR] },
  to: { path: '^src/', pathNot: [`^src/(${[layer, ...allowed].join('|')})/`] },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'no import cycles, between files or (through the layer rules) between folders',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'no-emulator-in-product',
      comment: 'product code never imports the emulator; only the sandbox and demo commands load it, lazily',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/sandbox/', PROVIDER_EMULATOR, '^src/commands/(sandbox|demo)\\.ts$'] },
      to: { path: '^src/sandbox/' },
    },
    {
      name: 'provider-emulators-only-from-host',
      comment:
        "a provider folder's emulator/ is imported only by emulator code, the emulator host (src/sandbox) and the provider's own home (lazily, below), never by product code",
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/sandbox/', PROVIDER_EMULATOR, PROVIDER_HOME] },
      to: { path: PROVIDER_EMULATOR },
    },
    {
      name: 'home-loads-only-its-emulator-entry',
      comment: "a provider's home reaches only its own emulator/index.ts, so the registry line is all the host needs",
      severity: 'error',
      from: { path: '^src/providers/([^/]+)/home\\.ts$' },
      to: { path: PROVIDER_EMULATOR, pathNot: ['^src/providers/$1/emulator/index\\.ts$'] },
    },
    {
      name: 'home-loads-its-emulator-lazily',
      comment:
        "a provider's home loads its emulator with import() only (loadEmulator, which only the host calls), so no command ever loads emulator code by importing the registry",
      severity: 'error',
      from: { path: PROVIDER_HOME },
      to: { path: PROVIDER_EMULATOR, dynamic: false },
    },
    {
      name: 'providers-never-import-the-emulator-host',
      comment:
        'what provider folders and the emulator host share (the Mount shape, request helpers, the paginator) lives in the provider kit, so src/providers never imports src/sandbox: no folder-level cycle',
      severity: 'error',
      from: { path: '^src/providers/' },
      to: { path: '^src/sandbox/' },
    },
    {
      name: 'kit-is-a-leaf',
      comment:
        'the provider kit (src/providers/kit) imports no provider folder and not the registry: every provider and the emulator host build on it, never the reverse',
      severity: 'error',
      from: { path: '^src/providers/kit/' },
      to: { path: '^src/providers/(?!kit/)' },
    },
    {
      name: 'commands-load-when-they-run',
      comment:
        "a command implementation (src/commands/<name>.ts, config/init.ts, config/check.ts) is loaded with import() by its registration when it runs: start-up code never imports one, so no command (and --help) loads another one's modules, such as the emulator the sandbox and demo commands use",
      severity: 'error',
      from: { path: '^src/(cli\\.ts$|commands/(registration|shared)/)' },
      to: { path: '^src/commands/([^/]+|config/(init|check))\\.ts$', dynamic: false, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'emulator-is-provider-facing',
      comment: 'the emulator imitates providers; it may use the domain and provider facts, nothing above',
      severity: 'error',
      from: { path: `^src/sandbox/|${PROVIDER_EMULATOR}` },
      to: { path: '^src/', pathNot: ['^src/(sandbox|core|providers)/'] },
    },
    {
      name: 'adapters-only-through-the-read-pipeline',
      comment: 'only the read pipeline (src/api/read*.ts) runs the adapter step: every command, config check and watch poll read through it',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/api/read[a-z-]*\\.ts$'] },
      to: { path: '^src/api/fetch-balances\\.ts$' },
    },
    {
      name: 'commands-below-cli',
      comment: 'only the entry points import commands/ (the CLI) or the library entry',
      severity: 'error',
      from: { path: '^src/(?!commands/|cli\\.ts$)' },
      to: { path: '^src/(commands/|cli\\.ts$|index\\.ts$)' },
    },
    {
      name: 'library-entry-prints-nothing',
      comment: 'the library (src/index.ts) never reaches the CLI, its formatters or the terminal',
      severity: 'error',
      from: { path: '^src/index\\.ts$' },
      to: { path: '^src/(commands|format|ui|completion|watch|sandbox)/|^src/cli\\.ts$', reachable: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      // The library entry's `/// <reference types="node" />` names a types package, not a module.
      to: { couldNotResolve: true, pathNot: ['^node$'] },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.build.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/types/' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
