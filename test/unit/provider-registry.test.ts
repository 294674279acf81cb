// "Adding a provider touches its folder plus one registry line that the compiler checks" (README
// "Architecture"), proven three ways: the provider folders and the registry list the same ids;
// no source file outside a provider's folder (and the registry) names a provider, so nothing else
// needs an edit; and the registry refuses, at compile time, a line whose key is not its info's id.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { PROVIDER_HOMES, PROVIDER_IDS, PROVIDERS, type ProviderId } from '../../src/providers/catalog.js';
import { defineProvider, defineRegistry } from '../../src/providers/kit/home.js';
import type { ProviderInfo } from '../../src/providers/kit/info.js';

const ROOT = resolve(import.meta.dirname, '../..');
const PROVIDERS_DIR = join(ROOT, 'src/providers');
/**
 * src/providers/ holds one folder per provider, the kit, the registry's files, and declared/: the
 * home every provider declared in a config is built from (the config's registry lists those).
 */
const NOT_A_PROVIDER = new Set(['kit', 'declared']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The text of every string, template part and identifier of a file; comments are not code. */
function codeTokens(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const tokens: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) tokens.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return tokens;
}

/**
 * Help and messages may show usage examples (a command line, "e.g. …", an account selector such
 * as syncpay:USDT, where the sample config's account names happen to be provider ids): they stay
 * valid when a provider is added, so they are not what this test looks for.
 */
function decides(token: string): string {
  if (token.includes('balance-inspector ') || token.includes('e.g.')) return '';
  return token.replace(/\b[\w-]+:(?=[A-Z])/g, '');
}

/** What would name a provider in code: its id and display name, with and without separators. */
const NAMES = PROVIDER_IDS.flatMap((id) => [id, id.replace(/-/g, ''), PROVIDERS[id].displayName, PROVIDERS[id].displayName.replace(/\s/g, '')]);
const NAMING = new RegExp(NAMES.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');

describe('provider registry', () => {
  it('every provider folder has its registry line, and every line its folder', () => {
    const folders = readdirSync(PROVIDERS_DIR).filter((name) => statSync(join(PROVIDERS_DIR, name)).isDirectory() && !NOT_A_PROVIDER.has(name));
    expect(folders.sort()).toEqual([...PROVIDER_IDS].sort());
  });

  it.each(PROVIDER_IDS)('%s: its folder holds its facts, home, adapter and emulator entry', (id) => {
    for (const file of ['info.ts', 'home.ts', 'adapter.ts', 'emulator/index.ts']) expect(existsSync(join(PROVIDERS_DIR, id, file)), `${id}/${file}`).toBe(true);
    expect(PROVIDER_HOMES[id].info.id).toBe(id);
  });

  it('no source outside a provider folder and the registry names a provider: a new one needs no edit elsewhere', () => {
    const outside = sourceFiles(join(ROOT, 'src')).filter((file) => {
      const path = relative(PROVIDERS_DIR, file);
      const folder = path.split('/')[0] ?? '';
      return path.startsWith('..') || !(PROVIDER_IDS as readonly string[]).includes(folder);
    });
    const registry = join(PROVIDERS_DIR, 'catalog.ts');
    const naming = outside
      .filter((file) => file !== registry)
      .flatMap((file) =>
        codeTokens(file)
          .filter((token) => NAMING.test(decides(token)))
          .map((token) => `${relative(ROOT, file)}: ${token.slice(0, 80)}`),
      );
    expect(naming).toEqual([]);
  });

  it('only the emulator host loads an emulator', () => {
    const callers = sourceFiles(join(ROOT, 'src')).filter((file) => codeTokens(file).includes('loadEmulator'));
    expect(callers.map((file) => relative(ROOT, file)).sort()).toEqual([
      'src/providers/bachs/home.ts',
      'src/providers/cryptofuse/home.ts',
      'src/providers/flow-payments/home.ts',
      'src/providers/kit/home.ts',
      'src/providers/swipelux/home.ts',
      'src/providers/syncpay/home.ts',
      'src/sandbox/mounts.ts',
    ]);
  });

  it('the compiler checks each registry line: its key must be the id its info declares', () => {
    const info = { ...PROVIDERS.syncpay, id: 'newpay' } as ProviderInfo<'newpay'>;
    const home = defineProvider({ info, loadAdapter: PROVIDER_HOMES.syncpay.loadAdapter, loadEmulator: PROVIDER_HOMES.syncpay.loadEmulator });
    const registry = defineRegistry({ ...PROVIDER_HOMES, newpay: home });
    expectTypeOf<keyof typeof registry>().toEqualTypeOf<ProviderId | 'newpay'>();
    expect(Object.keys(registry)).toEqual([...PROVIDER_IDS, 'newpay']);
    // @ts-expect-error a line whose key is not its provider's id does not compile
    defineRegistry({ otherpay: home });
    // @ts-expect-error nor does a line keyed by another provider's id
    defineRegistry({ syncpay: PROVIDER_HOMES.bachs });
  });
});
