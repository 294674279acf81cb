// The SQLite store's files, trusted like the config (core/safe-file.ts): the store and every file
// SQLite keeps beside it (-wal, -shm, -journal) must be regular files of the user (or root) that
// nobody else can change, in folders nobody else can swap — whoever can write any of them can
// rewrite your history, and a planted -wal or -journal would be replayed into the store. A
// symlinked store is judged where it really lives, and SQLite is pointed there. The one path
// every store file goes through; the default place follows the XDG base directory rules.
import { chmodSync, closeSync, constants, lstatSync, openSync, realpathSync, statSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { fileTrustProblem, makeDirs } from '../../core/safe-file.js';
import { USER_DIR_NAME } from '../../core/names.js';
import { StoreError } from './errors.js';

/** The files SQLite may create beside the store, each named after it. */
export const COMPANIONS = ['-wal', '-shm', '-journal'] as const;

export type Access = 'create' | 'write' | 'read';

export function defaultStorePath(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_DATA_HOME;
  const home = env.HOME && isAbsolute(env.HOME) ? env.HOME : homedir();
  const base = xdg && isAbsolute(xdg) ? xdg : join(home, '.local', 'share');
  return join(base, USER_DIR_NAME, 'history.db');
}

function systemError(action: string, path: string, error: unknown): StoreError {
  return new StoreError(`cannot ${action} history store ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, { cause: error });
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw systemError('read', path, error);
  }
}

const othersCanWrite = (stats: Stats) => (stats.mode & 0o022) !== 0;
const sticky = (stats: Stats) => (stats.mode & 0o1000) !== 0;

/**
 * A folder on the store's real path must not let anyone else rename or replace what is in it:
 * ours or root's, and writable by others only when sticky (like /tmp, where nobody else can
 * rename or delete our files).
 */
function checkFolders(realDir: string): void {
  const uid = process.getuid?.();
  if (uid === undefined) return;
  for (let dir = realDir; ; dir = dirname(dir)) {
    const stats = statSync(dir);
    if (stats.uid !== uid && stats.uid !== 0) {
      throw new StoreError(`history store folder ${dir} belongs to another user (uid ${stats.uid}); refusing to use it`, { code: 'STORE_UNSAFE' });
    }
    if (othersCanWrite(stats) && !sticky(stats)) {
      throw new StoreError(`history store folder ${dir} is writable by other users (mode ${(stats.mode & 0o777).toString(8)})`, {
        hint: `chmod go-w ${dir}`,
        code: 'STORE_UNSAFE',
      });
    }
    if (dirname(dir) === dir) return;
  }
}

function checkFile(path: string, stats: Stats, what: string): void {
  // lstat: a symlink beside the store is not a regular file, and is never followed.
  const problem = fileTrustProblem(path, stats);
  if (problem !== null) throw new StoreError(`history store ${what} ${path} cannot be trusted: ${problem}`, { code: 'STORE_UNSAFE' });
}

/** Create an empty file only if the name is free, never through a symlink; false when it was taken. */
function createExclusive(path: string): boolean {
  try {
    closeSync(openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_RDWR | constants.O_NOFOLLOW, 0o600));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw systemError('create', path, error);
  }
}

/**
 * Check each companion file that exists. In a folder others can write to (sticky, like /tmp), a
 * writer also claims the missing ones (empty, ours, 0600) so nobody can plant one before SQLite
 * opens it; an empty -wal or -journal holds nothing to replay.
 */
export function checkCompanions(realPath: string, claim: boolean): void {
  const shared = othersCanWrite(statSync(dirname(realPath)));
  for (const suffix of COMPANIONS) {
    const path = realPath + suffix;
    let stats = lstatOrNull(path);
    if (stats === null && claim && shared && !createExclusive(path)) stats = lstatOrNull(path);
    if (stats !== null) checkFile(path, stats, 'file');
  }
}

function realStorePath(path: string, access: Access): { real: string; created: boolean } {
  const stats = lstatOrNull(path);
  if (stats !== null) {
    try {
      return { real: realpathSync(path), created: false };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw systemError('read', path, error);
      throw new StoreError(`history store ${path} is a symlink to a missing file`, { code: access === 'create' ? 'STORE' : 'STORE_MISSING' });
    }
  }
  if (access !== 'create') {
    throw new StoreError(`no history store at ${path}`, { hint: 'record one with `balance-inspector snapshot` (or give --store)', code: 'STORE_MISSING' });
  }
  let realDir: string;
  try {
    makeDirs(dirname(path));
    realDir = realpathSync(dirname(path));
  } catch (error) {
    throw systemError('create', path, error);
  }
  checkFolders(realDir);
  const real = join(realDir, basename(path));
  return { real, created: createExclusive(real) };
}

/**
 * Where the store really lives, once it and everything beside it may be used. `read` and `write`
 * (history, changes, export, prune) refuse a missing store instead of creating an empty one that
 * would answer "no history"; `create` makes it private (folder 0700, file 0600, before SQLite
 * opens it, so its -wal and -shm get the same mode).
 */
export function prepareStoreFiles(path: string, access: Access): { real: string; created: boolean } {
  const { real, created } = realStorePath(path, access);
  const stats = lstatOrNull(real);
  if (stats === null) throw new StoreError(`no history store at ${path}`, { code: 'STORE_MISSING' });
  checkFolders(dirname(real));
  checkFile(real, stats, 'file');
  checkCompanions(real, access !== 'read');
  // Readable by others is a leak, not a takeover: a writer tightens it rather than refuse.
  if (access !== 'read' && (stats.mode & 0o077) !== 0) {
    try {
      chmodSync(real, 0o600);
    } catch {
      // not ours to change (root's file): reading and writing it is still safe
    }
  }
  return { real, created };
}
