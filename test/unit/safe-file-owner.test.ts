// Who may own a trusted file, seen from any user: the suite may run as root, where "ours" and
// "root's" are the same owner, so the current user is set here (process.getuid) to tell them
// apart, and removed to stand for a platform without uids; process.platform stands for Windows,
// where neither owner nor mode is checked.
import { chownSync, chmodSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileTrustProblem, makeDirs, ownedBySomeoneElse, readTrustedFile, writeFileAtomic } from '../../src/core/safe-file.js';

const IS_ROOT = process.getuid?.() === 0;
const ME = 1000;
const OTHER = 4242;
const tempDir = () => realpathSync(mkdtempSync(join(tmpdir(), 'bi-owner-')));
/** A folder another user owns (as root; otherwise our own, and the owner part proves less). */
function theirDir(): string {
  const dir = tempDir();
  if (IS_ROOT) chownSync(dir, OTHER, OTHER);
  return dir;
}

/** A regular file's stat as the trust check reads it. */
function fileStat(uid: number, mode: number): Stats {
  const no = () => false;
  return {
    uid,
    mode: 0o100000 | mode,
    isFile: () => true,
    isFIFO: no,
    isDirectory: no,
    isCharacterDevice: no,
    isBlockDevice: no,
    isSocket: no,
  } as unknown as Stats;
}

const realGetuid = Object.getOwnPropertyDescriptor(process, 'getuid') as PropertyDescriptor;
const realPlatform = Object.getOwnPropertyDescriptor(process, 'platform') as PropertyDescriptor;
afterEach(() => {
  Object.defineProperty(process, 'getuid', realGetuid);
  Object.defineProperty(process, 'platform', realPlatform);
  vi.restoreAllMocks();
});
const runAs = (uid: number | undefined) => Object.defineProperty(process, 'getuid', { ...realGetuid, value: uid === undefined ? undefined : () => uid });
const onWindows = () => Object.defineProperty(process, 'platform', { ...realPlatform, value: 'win32' });

describe('fileTrustProblem', () => {
  it("trusts a file of ours or of root, and refuses anyone else's with a chown hint", () => {
    runAs(ME);
    expect(fileTrustProblem('/x/cfg', fileStat(ME, 0o600))).toBeNull();
    expect(fileTrustProblem('/x/cfg', fileStat(0, 0o644))).toBeNull();
    expect(fileTrustProblem('/x/cfg', fileStat(OTHER, 0o600))).toBe(
      `it belongs to another user (uid ${OTHER}); only your own files are trusted: run \`chown ${ME} /x/cfg\` if it is yours`,
    );
  });

  it('without uids (no process.getuid) the owner is not checked, the mode still is', () => {
    runAs(undefined);
    expect(fileTrustProblem('/x/cfg', fileStat(OTHER, 0o600))).toBeNull();
    expect(fileTrustProblem('/x/cfg', fileStat(OTHER, 0o666))).toBe('its mode 0666 lets group or others change it; run `chmod go-w /x/cfg`');
    expect(ownedBySomeoneElse(theirDir())).toBe(false);
  });

  it('on Windows neither owner nor mode is checked, only the file type', () => {
    runAs(ME);
    onWindows();
    expect(fileTrustProblem('C:\\cfg', fileStat(OTHER, 0o666), { secret: true })).toBeNull();
    expect(fileTrustProblem('C:\\cfg', statSync(tempDir()))).toBe('it is a directory, not a regular file');
    expect(ownedBySomeoneElse(theirDir())).toBe(false);
  });

  it('refuses what is not a regular file by its type, whoever owns it', () => {
    expect(fileTrustProblem('/tmp', statSync(tempDir()))).toBe('it is a directory, not a regular file');
    expect(fileTrustProblem('/dev/null', statSync('/dev/null'))).toBe('it is a device, not a regular file');
  });
});

describe.skipIf(!IS_ROOT)('ownedBySomeoneElse (chown needs root)', () => {
  it("a folder of ours or of root is ours to search; anyone else's, or one that cannot be read, is not", () => {
    runAs(ME);
    const mine = tempDir();
    chownSync(mine, ME, ME);
    const roots = tempDir();
    chownSync(roots, 0, 0);
    const theirs = tempDir();
    chownSync(theirs, OTHER, OTHER);
    expect([ownedBySomeoneElse(mine), ownedBySomeoneElse(roots), ownedBySomeoneElse(theirs), ownedBySomeoneElse(join(mine, 'missing'))]).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it('a file of ours that another user could change is still refused', () => {
    runAs(ME);
    const path = join(tempDir(), 'cfg');
    writeFileSync(path, 'x');
    chownSync(path, ME, ME);
    chmodSync(path, 0o620);
    expect(readTrustedFile(path)).toEqual({
      problem: `its mode 0620 lets group or others change it; run \`chmod go-w ${path}\``,
      unsafe: true,
      missing: false,
    });
  });
});

describe('readTrustedFile: every way a read can fail', () => {
  let server: Server | null = null;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('a socket is refused by type', async () => {
    const path = join(tempDir(), 'sock');
    server = createServer();
    await new Promise<void>((resolve) => server?.listen(path, resolve));
    expect(readTrustedFile(path)).toEqual({ problem: 'it is a socket, not a regular file', unsafe: true, missing: false });
  });

  it('a path through a file (ENOTDIR) or a loop of links cannot be read; that is not "missing"', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    expect(readTrustedFile(join(dir, 'file', 'cfg'))).toEqual({ problem: 'cannot be read', unsafe: false, missing: false });
  });
});

describe('no file descriptor stays open', () => {
  const open = () => readdirSync('/proc/self/fd').length;

  it.skipIf(process.platform !== 'linux')('after trusted reads, whatever their outcome', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ok'), 'x', { mode: 0o600 });
    writeFileSync(join(dir, 'open'), 'x');
    chmodSync(join(dir, 'open'), 0o666);
    const before = open();
    for (let i = 0; i < 20; i++) {
      expect(readTrustedFile(join(dir, 'ok'))).toEqual({ text: 'x' });
      expect(readTrustedFile(join(dir, 'open'))).toMatchObject({ unsafe: true });
    }
    expect(open()).toBe(before);
  });
});

describe('writeFileAtomic leaves nothing behind', () => {
  it.skipIf(process.platform !== 'linux')('no file descriptor stays open, whatever the outcome', () => {
    const dir = tempDir();
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 20; i++) writeFileAtomic(join(dir, `f${i}`), 'x', { replace: false });
    for (let i = 0; i < 20; i++) expect(() => writeFileAtomic(join(dir, `f${i}`), 'y', { replace: false })).toThrow();
    expect(open()).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `f${i}`).sort());
  });

  it('creates missing folders 0700, one level at a time, and stops at the first that exists', () => {
    const dir = tempDir();
    makeDirs(join(dir, 'a', 'b', 'c'));
    expect(['a', 'a/b', 'a/b/c'].map((p) => statSync(join(dir, p)).mode & 0o777)).toEqual([0o700, 0o700, 0o700]);
    mkdirSync(join(dir, 'x'), { mode: 0o755 });
    makeDirs(join(dir, 'x', 'y'));
    expect(statSync(join(dir, 'x')).mode & 0o777).toBe(0o755);
    expect(() => makeDirs('/proc/self/nope/deeper')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
