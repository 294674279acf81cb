// The one safe-file module: what may be trusted (type, owner, mode) and how files are written.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirs, readTrustedFile, writeFileAtomic } from '../../src/core/safe-file.js';
import { tempDir } from '../helpers/fixtures.js';

const isRoot = process.getuid?.() === 0;
const OTHER_UID = 4242;
if (!isRoot) process.stderr.write('\n*** safe-file: NOT ROOT — the "another user owns it" tests are SKIPPED ***\n\n');

describe('readTrustedFile', () => {
  it('reads a 0600 file of ours, and a 0644 one unless it holds a secret', () => {
    const dir = tempDir();
    const path = join(dir, 'key');
    writeFileSync(path, 'abc', { mode: 0o600 });
    expect(readTrustedFile(path, { secret: true })).toEqual({ text: 'abc' });
    chmodSync(path, 0o644);
    expect(readTrustedFile(path)).toEqual({ text: 'abc' });
    expect(readTrustedFile(path, { secret: true })).toMatchObject({
      unsafe: true,
      problem: `its mode 0644 lets group or others read it; run \`chmod 600 ${path}\``,
    });
    chmodSync(path, 0o640);
    expect(readTrustedFile(path, { secret: true })).toMatchObject({ unsafe: true, problem: expect.stringContaining('mode 0640') });
    chmodSync(path, 0o660);
    expect(readTrustedFile(path, { secret: true })).toMatchObject({ problem: `its mode 0660 lets group or others change it; run \`chmod 600 ${path}\`` });
    chmodSync(path, 0o601); // even an execute bit: a secret file is its owner's alone
    expect(readTrustedFile(path, { secret: true })).toMatchObject({ unsafe: true });
  });

  it.each([0o664, 0o646, 0o660, 0o602])('refuses a file group or others can change (mode %o), secret or not', (mode) => {
    const path = join(tempDir(), 'cfg.json');
    writeFileSync(path, '{}');
    chmodSync(path, mode);
    const read = readTrustedFile(path);
    expect(read).toMatchObject({ unsafe: true, problem: expect.stringMatching(/lets group or others change it; run `chmod go-w .*cfg\.json`$/) });
  });

  it('refuses a FIFO, a directory and a device by type, at once (a FIFO never blocks)', () => {
    const dir = tempDir();
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    chmodSync(fifo, 0o600);
    const started = Date.now();
    expect(readTrustedFile(fifo, { secret: true })).toEqual({ problem: 'it is a named pipe (FIFO), not a regular file', unsafe: true, missing: false });
    expect(Date.now() - started).toBeLessThan(1_000);
    mkdirSync(join(dir, 'd'), { mode: 0o700 });
    expect(readTrustedFile(join(dir, 'd'))).toMatchObject({ problem: 'it is a directory, not a regular file' });
    symlinkSync('/dev/zero', join(dir, 'zero'));
    expect(readTrustedFile(join(dir, 'zero'), { secret: true })).toMatchObject({ problem: 'it is a device, not a regular file', unsafe: true });
  });

  it('says a missing file is missing (not unsafe)', () => {
    expect(readTrustedFile(join(tempDir(), 'nope'))).toEqual({ problem: 'does not exist', unsafe: false, missing: true });
  });

  it.skipIf(!isRoot)('refuses a file another user owns, with a chown hint, whatever its mode; root-owned is fine', () => {
    const path = join(tempDir(), 'cfg.yaml');
    writeFileSync(path, 'accounts: {}\n', { mode: 0o600 });
    chownSync(path, OTHER_UID, OTHER_UID);
    expect(readTrustedFile(path)).toMatchObject({
      unsafe: true,
      problem: expect.stringMatching(/belongs to another user \(uid 4242\).*run `chown 0 .*cfg\.yaml`/),
    });
    chownSync(path, 0, 0);
    expect(readTrustedFile(path)).toEqual({ text: 'accounts: {}\n' });
  });
});

describe('writeFileAtomic', () => {
  // The umask case is covered through writeConfigFile in config-init.test.ts.
  it('fails with EEXIST instead of replacing unless asked, and leaves no temp file either way', () => {
    const dir = tempDir();
    const path = join(dir, 'out.yaml');
    writeFileAtomic(path, 'one\n', { replace: false });
    expect(() => writeFileAtomic(path, 'two\n', { replace: false })).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(path, 'utf8')).toBe('one\n');
    writeFileAtomic(path, 'two\n', { replace: true });
    expect([readFileSync(path, 'utf8'), statSync(path).mode & 0o777]).toEqual(['two\n', 0o600]);
    expect(execFileSync('ls', ['-A', dir], { encoding: 'utf8' }).trim()).toBe('out.yaml');
  });

  it('creates missing folders 0700, and fails fast where folders cannot be made (/proc)', () => {
    const dir = join(tempDir(), 'a', 'b');
    writeFileAtomic(join(dir, 'f'), 'x', { replace: true, createDir: true });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const started = Date.now();
    expect(() => makeDirs('/proc/no-such-dir/balance-inspector')).toThrow();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
