// The SQLite store's file and folder: created private (folder 0700, file 0600, before SQLite
// opens it, so its -wal and -shm files get the same mode), and trusted only when they are the
// user's: a file or folder another user owns or can write is refused, since whoever can write it
// can rewrite your history. The default place follows the XDG base directory rules.
import { chmodSync, closeSync, constants, mkdirSync, openSync, statSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { USER_DIR_NAME } from '../../core/names.js';
import { StoreError } from './errors.js';

export function defaultStorePath(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_DATA_HOME;
  const home = env.HOME && isAbsolute(env.HOME) ? env.HOME : homedir();
  const base = xdg && isAbsolute(xdg) ? xdg : join(home, '.local', 'share');
  return join(base, USER_DIR_NAME, 'history.db');
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreError(`cannot read history store ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, { cause: error });
  }
}

function checkOwner(path: string, stats: Stats, what: 'file' | 'folder'): void {
  const uid = process.getuid?.();
  // A folder may be root's (/srv/ledger) and, when sticky like /tmp, writable by all: then nobody
  // else can rename or delete our file in it.
  const folderOk = what === 'folder' && (stats.uid === 0 || (stats.mode & 0o1000) !== 0);
  if (folderOk && ((stats.mode & 0o022) === 0 || (stats.mode & 0o1000) !== 0)) return;
  if (uid !== undefined && stats.uid !== uid) {
    throw new StoreError(`history store ${what} ${path} belongs to another user (uid ${stats.uid}); refusing to use it`);
  }
  if ((stats.mode & 0o022) !== 0) {
    throw new StoreError(`history store ${what} ${path} is writable by other users (mode ${(stats.mode & 0o777).toString(8)})`, {
      hint: `chmod go-w ${path}`,
    });
  }
}

/**
 * Make sure the store file exists and is safe. `create: false` (history, changes, prune) refuses a
 * missing file instead of creating an empty store that would answer "no history".
 */
export function prepareStoreFile(path: string, create: boolean): void {
  let stats = statOrNull(path);
  if (stats === null) {
    if (!create) {
      throw new StoreError(`no history store at ${path}`, { hint: 'record one with `balance-inspector snapshot` (or give --store)', code: 'STORE_MISSING' });
    }
    const dir = dirname(path);
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      closeSync(openSync(path, constants.O_CREAT | constants.O_RDWR | constants.O_NOFOLLOW, 0o600));
    } catch (error) {
      throw new StoreError(`cannot create history store ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, { cause: error });
    }
    stats = statSync(path);
  }
  if (!stats.isFile()) throw new StoreError(`history store ${path} is not a file`);
  const folder = statOrNull(dirname(path));
  if (folder) checkOwner(dirname(path), folder, 'folder');
  checkOwner(path, stats, 'file');
  // Readable by others is not a takeover risk, only a leak: tighten it rather than refuse.
  if ((stats.mode & 0o077) !== 0) chmodSync(path, 0o600);
}
