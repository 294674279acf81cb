// No module singletons (issue 12): what a run owns lives in its Runtime (src/http/runtime.ts), so
// two runtimes — two library callers, or tests — never share secrets, pacing, tokens or sockets,
// and no test needs a reset hook. A source scan finds module-level mutable state coming back.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Module-level state that a run would fill: a top-level `let`/`var`, an empty Map/Set created at
 * module level (a lookup table built from literals is fine), or an AbortController.
 */
const MUTABLE_AT_TOP = [
  /^(?:export\s+)?(?:let|var)\s+\w+/gm,
  /^(?:export\s+)?const\s+\w+(?:\s*:[^=]+)?\s*=\s*new\s+(?:Map|Set|WeakMap|WeakSet)\s*(?:<.*>)?\(\s*\)/gm,
  /^(?:export\s+)?const\s+\w+.*\bnew\s+AbortController\b/gm,
];

function mutableState(text: string): string[] {
  return MUTABLE_AT_TOP.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[0]));
}

describe('no module singletons', () => {
  it('the scan finds the shapes the old singletons had', () => {
    expect(mutableState('const exactForms = new Set<string>();\nlet exactPattern: RegExp | null = null;')).toHaveLength(2);
    expect(mutableState('const limiters = new Map<string, RateLimiter>();')).toHaveLength(1);
    expect(mutableState('export const interrupt = { controller: new AbortController() };')).toHaveLength(1);
    expect(mutableState('const RETRYABLE = new Set([408, 429]);\n  let inside = 0;\nclass A { private readonly m = new Map<string, number>(); }')).toEqual([]);
  });

  it('no file in src/ keeps mutable state at module level', () => {
    const found = sourceFiles(SRC).flatMap((file) => mutableState(readFileSync(file, 'utf8')).map((line) => `${relative(SRC, file)}: ${line}`));
    expect(found).toEqual([]);
  });

  it('the reset hooks and process-wide entry points are gone', async () => {
    const modules = await Promise.all([
      import('../../src/core/secrets.js'),
      import('../../src/http/rate-limiter.js'),
      import('../../src/http/transport.js'),
      import('../../src/http/client.js'),
      import('../../src/providers/cryptofuse/auth.js'),
      import('../../src/commands/shared/context.js'),
    ]);
    const names = modules.flatMap((m) => Object.keys(m));
    for (const gone of [
      'registerSecret',
      'redact',
      'clearSecretsForTests',
      'limiterFor',
      'resetRateLimiters',
      'exchange',
      'closeAgents',
      'closeHttp',
      'clearTokenCache',
      'interrupt',
    ]) {
      expect(names).not.toContain(gone);
    }
  });
});
