// The bin shim answers a bare --version / -V itself from package.json (start-up, docs/dev/performance.md);
// it must say exactly what the full CLI (commander, src/cli.ts VERSION) says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/cli.js';
import { runCli } from '../helpers/cli.js';

describe('--version', () => {
  it('is the package version, printed the same way on the fast path and through commander', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    const fast = await Promise.all([runCli(['--version']), runCli(['-V'])]);
    const full = await runCli(['--no-color', '--version']);
    for (const result of [...fast, full]) {
      expect([result.code, result.stdout, result.stderr]).toEqual([0, `${VERSION}\n`, '']);
    }
  });
});
