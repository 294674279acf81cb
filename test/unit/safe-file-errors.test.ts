// System errors the trusted read and the atomic write must phrase or work around, which a test
// cannot provoke for real (root reads any file; local file systems all have hard links): the
// file-system calls fail on request here, for one path at a time.
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readTrustedFile, writeFileAtomic } from '../../src/core/safe-file.js';

const failing = vi.hoisted(() => ({ stat: new Map<string, string>(), link: new Map<string, string>(), readOnce: null as string | null }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const fail = (code: string) => Object.assign(new Error(`${code} (test)`), { code });
  const mocked = {
    ...real,
    statSync: ((path: fs.PathLike, ...rest: unknown[]) => {
      const code = failing.stat.get(String(path));
      if (code) throw fail(code);
      return (real.statSync as (...a: unknown[]) => unknown)(path, ...rest);
    }) as typeof real.statSync,
    readFileSync: ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      const code = failing.readOnce;
      if (code && typeof file === 'number') {
        failing.readOnce = null;
        throw fail(code);
      }
      return (real.readFileSync as (...a: unknown[]) => unknown)(file, ...rest);
    }) as typeof real.readFileSync,
    linkSync: ((existing: fs.PathLike, path: fs.PathLike) => {
      const code = failing.link.get(String(path));
      if (code) throw fail(code);
      return real.linkSync(existing, path);
    }) as typeof real.linkSync,
  };
  return { ...mocked, default: mocked };
});

afterEach(() => {
  failing.stat.clear();
  failing.link.clear();
  failing.readOnce = null;
});

const tempDir = () => fs.realpathSync(fs.mkdtempSync(join(tmpdir(), 'bi-fserr-')));

describe('readTrustedFile phrases what the system said', () => {
  it('permission denied, and any other error, without calling the file missing or unsafe', () => {
    const path = join(tempDir(), 'key');
    fs.writeFileSync(path, 'secret', { mode: 0o600 });
    failing.stat.set(path, 'EACCES');
    expect(readTrustedFile(path)).toEqual({ problem: 'is not readable (permission denied)', unsafe: false, missing: false });
    failing.stat.set(path, 'EIO');
    expect(readTrustedFile(path)).toEqual({ problem: 'cannot be read', unsafe: false, missing: false });
  });

  it('a read that fails after the file was opened and checked', () => {
    const path = join(tempDir(), 'key');
    fs.writeFileSync(path, 'secret', { mode: 0o600 });
    failing.readOnce = 'EIO';
    expect(readTrustedFile(path, { secret: true })).toEqual({ problem: 'cannot be read', unsafe: false, missing: false });
    expect(readTrustedFile(path, { secret: true })).toEqual({ text: 'secret' });
  });
});

describe('writeFileAtomic on a file system without hard links', () => {
  it.each(['EPERM', 'ENOTSUP', 'EOPNOTSUPP'])('%s: the file is placed by rename when the name is free, refused when taken', (code) => {
    const dir = tempDir();
    const path = join(dir, 'out.yaml');
    failing.link.set(path, code);
    writeFileAtomic(path, 'one\n', { replace: false });
    expect([fs.readFileSync(path, 'utf8'), fs.statSync(path).mode & 0o777, fs.readdirSync(dir)]).toEqual(['one\n', 0o600, ['out.yaml']]);
    expect(() => writeFileAtomic(path, 'two\n', { replace: false })).toThrow(expect.objectContaining({ code: 'EEXIST', message: `${path} exists` }));
    expect([fs.readFileSync(path, 'utf8'), fs.readdirSync(dir)]).toEqual(['one\n', ['out.yaml']]);
  });

  it("any other link error is the caller's, and leaves no temp file", () => {
    const dir = tempDir();
    const path = join(dir, 'out.yaml');
    failing.link.set(path, 'EIO');
    expect(() => writeFileAtomic(path, 'one\n', { replace: false })).toThrow(expect.objectContaining({ code: 'EIO' }));
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
