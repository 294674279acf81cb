// writeFileAtomic's mode is 0600 whatever the umask: a umask that takes the owner's own bits away
// (0277 would leave 0400) must not leave a file its owner cannot rewrite, and a permissive one
// (0000) must not widen it. Sets the process umask, so it runs in a process of its own
// (vitest.mutate.config.ts lists it with the forked tests).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/core/safe-file.js';
import { tempDir } from '../helpers/fixtures.js';

function writtenUnder(umask: number, replace: boolean): { mode: number; text: string; files: string[] } {
  const dir = tempDir();
  const path = join(dir, 'out.yaml');
  if (replace) writeFileAtomic(path, 'old\n', { replace: false });
  const previous = process.umask(umask);
  try {
    writeFileAtomic(path, 'new\n', { replace });
  } finally {
    process.umask(previous);
  }
  return { mode: statSync(path).mode & 0o777, text: readFileSync(path, 'utf8'), files: readdirSync(dir) };
}

describe('writeFileAtomic under any umask', () => {
  it.each([0o277, 0o077, 0o022, 0o000])('umask %o: a new file is 0600 with the whole text, and no temp file is left', (umask) => {
    expect(writtenUnder(umask, false)).toEqual({ mode: 0o600, text: 'new\n', files: ['out.yaml'] });
  });

  it.each([0o277, 0o000])('umask %o: a replaced file is 0600 with the whole new text', (umask) => {
    expect(writtenUnder(umask, true)).toEqual({ mode: 0o600, text: 'new\n', files: ['out.yaml'] });
  });
});
