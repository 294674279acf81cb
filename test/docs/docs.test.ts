// The docs stay honest (issue 23): each command page carries the command's `--help` exactly as it
// prints, the README's exit-code table is the one --help summarises, every docs reference the code
// prints or cites names a page and heading that exist, every link between pages resolves, and the
// README stays a short front page. `npm run docs` regenerates what is generated.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProcessRuntime, buildProgram, runProgram } from '../../src/cli.js';
import { ExitCode } from '../../src/core/errors.js';
import { helpText } from '../../src/manual/capture.js';
import { EXIT_CODE_DOCS, exitCodesHelp, exitCodesMarkdown } from '../../src/manual/exit-codes.js';
import { block, commandPages, findBlock, helpBlock, helpKey } from '../../src/manual/help-pages.js';
import type { CliIO } from '../../src/ui/io.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const program = buildProgram(new ProcessRuntime(new AbortController().signal), {} as CliIO, () => undefined);
const PAGES = commandPages(program);
const REGENERATE = 'out of date: run `npm run docs` (it rewrites the generated blocks from the program)';

/** Every file under `dir` (relative to the repository) whose name ends with `ext`. */
function filesUnder(dir: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(ROOT, rel), { withFileTypes: true })) {
      const path = join(rel, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(ext)) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

const MARKDOWN = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...filesUnder('docs', '.md')].filter((f) => existsSync(join(ROOT, f)));

/** A heading's text as written (`## \`watch\`` → `` `watch` ``), for every heading of a page. */
function headings(markdown: string): string[] {
  const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, '');
  return [...withoutCode.matchAll(/^#{1,6} +(.+?) *$/gm)].map((m) => m[1] ?? '');
}

/** GitHub's anchor for a heading. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/ /g, '-');
}

describe('command pages', () => {
  it('every command has its page, and every page in docs/commands/ is a command', () => {
    const pages = new Set(PAGES.map((p) => p.page));
    for (const page of pages) expect(existsSync(join(ROOT, page)), page).toBe(true);
    const onDisk = filesUnder('docs/commands', '.md').filter((f) => !f.endsWith('README.md'));
    expect(onDisk).toEqual([...pages].sort());
  });

  it.each([{ path: [] as string[], page: 'docs/commands/README.md' }, ...PAGES])('$page shows `$path --help` as it prints', async ({ path, page }) => {
    const generated = helpBlock(path, await helpText(runProgram, path));
    expect(findBlock(read(page), helpKey(path)), REGENERATE).toBe(generated);
  });
});

describe('exit codes', () => {
  it('every exit code the program uses is documented once', () => {
    const documented = EXIT_CODE_DOCS.flatMap((d) => d.codes);
    expect([...documented].sort((a, b) => a - b)).toEqual(Object.values(ExitCode).sort((a, b) => a - b));
  });

  it('--help lists them, and the README table is generated from the same list', async () => {
    // Help wraps to 80 columns: compared as running text.
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    expect(flat(await helpText(runProgram, []))).toContain(flat(exitCodesHelp()));
    for (const { codes } of EXIT_CODE_DOCS) expect(exitCodesHelp()).toMatch(new RegExp(`^  ${codes.join('/')} `, 'm'));
    expect(findBlock(read('README.md'), 'exit-codes'), REGENERATE).toBe(block('exit-codes', 'from src/manual/exit-codes.ts', exitCodesMarkdown()));
  });
});

describe('references and links', () => {
  // `docs/cache.md`, `docs/commands/watch.md "Events"`, `README "Exit codes"`: in messages the CLI
  // prints (help, hints, generated files) and in the comments that cite a contract.
  const REFERENCE = /\b(README(?:\.md)?|docs\/[\w./-]+?\.md)(?: "([^"\n]+)")?/g;
  const sources = [
    ...filesUnder('src', '.ts'),
    ...filesUnder('test', '.ts'),
    ...filesUnder('bench', '.mjs'),
    ...filesUnder('scripts', '.mjs'),
    '.balancerc.example',
  ];

  it('every docs reference in the code names a page and a heading that exist', () => {
    const broken: string[] = [];
    let count = 0;
    for (const file of sources) {
      if (file === 'test/docs/docs.test.ts') continue;
      for (const match of read(file).matchAll(REFERENCE)) {
        const [, target = '', heading] = match;
        // "the provider docs' README" and the like: only a README with a heading is a reference.
        if (target.startsWith('README') && heading === undefined) continue;
        count += 1;
        const page = target.startsWith('README') ? 'README.md' : target;
        if (!existsSync(join(ROOT, page))) broken.push(`${file}: ${match[0]} (no such page)`);
        else if (heading !== undefined && !headings(read(page)).includes(heading)) broken.push(`${file}: ${match[0]} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
    expect(count).toBeGreaterThan(30);
  });

  it('the references the CLI prints resolve: --help, the demo, config init and completion scripts', async () => {
    const printed = [await helpText(runProgram, ['balances']), await helpText(runProgram, ['config', 'init'])].join('\n');
    expect(printed).toContain('docs/cache.md');
    expect(existsSync(join(ROOT, 'docs/cache.md'))).toBe(true);
  });

  it('every relative link in the docs points at a file, and every #anchor at a heading', () => {
    const broken: string[] = [];
    for (const file of MARKDOWN) {
      const text = read(file).replace(/^```[\s\S]*?^```/gm, '');
      for (const [, target = ''] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        const [path = '', anchor] = target.split('#');
        const linked = path === '' ? file : relative(ROOT, resolve(join(ROOT, dirname(file)), path));
        if (!existsSync(join(ROOT, linked))) broken.push(`${file}: ${target}`);
        else if (anchor !== undefined && linked.endsWith('.md') && !headings(read(linked)).map(slug).includes(anchor))
          broken.push(`${file}: ${target} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every YAML example in the docs parses as the config loader reads YAML (a user copies them whole)', async () => {
    const { defaultLoaders } = await import('cosmiconfig');
    const broken: string[] = [];
    for (const file of MARKDOWN) {
      const text = read(file);
      for (const m of text.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)) {
        const line = text.slice(0, m.index).split('\n').length;
        try {
          await defaultLoaders['.yaml'](`${file}:${line}`, m[1] ?? '');
        } catch (error) {
          broken.push(`${file}:${line}: ${(error as { reason?: string }).reason ?? String(error)}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('the README', () => {
  const readme = read('README.md');

  it('is a front page of at most 300 lines that keeps the two first commands', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(300);
    expect(readme).toContain('npm install && npm run demo');
    expect(readme).toMatch(/^npm test\b/m);
  });

  it('links every command page and every user page of docs/', () => {
    const pages = [...new Set(PAGES.map((p) => p.page)), ...filesUnder('docs', '.md').filter((f) => !f.includes('/commands/') && !f.startsWith('docs/dev/'))];
    for (const page of pages) expect(readme, page).toContain(`](${page})`);
  });
});
