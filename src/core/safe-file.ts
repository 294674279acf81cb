// The one place that decides whether a file on disk may be trusted, and the one way this tool
// writes a file. Like ssh and git: a config, key or cache file is used only when it is a regular
// file owned by the current user (or root) that nobody else can write (and, for a secret, read).
// Writes are atomic (temp file + rename or link) and mode 0600 from the first byte.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface TrustRules {
  /** The file holds a secret: group and others may not read it either. */
  secret?: boolean;
}

function kindOf(stat: Stats): string | null {
  if (stat.isFile()) return null;
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isDirectory()) return 'a directory';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

const currentUid = (): number | undefined => process.getuid?.();

/** Why this file must not be trusted (type, owner, mode), with the command that fixes it; null when fine. */
export function fileTrustProblem(path: string, stat: Stats, rules: TrustRules = {}): string | null {
  const kind = kindOf(stat);
  if (kind) return `it is ${kind}, not a regular file`;
  if (process.platform === 'win32') return null;
  const uid = currentUid();
  if (uid !== undefined && stat.uid !== uid && stat.uid !== 0) {
    return `it belongs to another user (uid ${stat.uid}); only your own files are trusted: run \`chown ${uid} ${path}\` if it is yours`;
  }
  const mode = stat.mode & 0o777;
  const octal = mode.toString(8).padStart(4, '0');
  const what = (mode & 0o022) !== 0 ? 'change' : 'read';
  // A secret is for its owner alone (any group/other bit, as ssh does); other files only must not be changeable.
  if (rules.secret && (mode & 0o077) !== 0) return `its mode ${octal} lets group or others ${what} it; run \`chmod 600 ${path}\``;
  if ((mode & 0o022) !== 0) return `its mode ${octal} lets group or others change it; run \`chmod go-w ${path}\``;
  return null;
}

/** Is this directory someone else's (not ours, not root's)? An upward config search stops there. */
export function ownedBySomeoneElse(dir: string): boolean {
  const uid = currentUid();
  if (uid === undefined || process.platform === 'win32') return false;
  try {
    const owner = statSync(dir).uid;
    return owner !== uid && owner !== 0;
  } catch {
    return true;
  }
}

export type TrustedRead = { text: string } | { problem: string; unsafe: boolean; missing: boolean };

/**
 * Read a whole file if it may be trusted. The type is checked before opening (a FIFO would block
 * the open for ever), the open is non-blocking, and owner/mode/type are checked again on the
 * opened descriptor, so a file swapped in between cannot slip through. Never throws.
 */
export function readTrustedFile(path: string, rules: TrustRules = {}): TrustedRead {
  let fd: number;
  try {
    const kind = kindOf(statSync(path));
    if (kind) return { problem: `it is ${kind}, not a regular file`, unsafe: true, missing: false };
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: 'does not exist', unsafe: false, missing: true };
    return { problem: code === 'EACCES' ? 'is not readable (permission denied)' : 'cannot be read', unsafe: false, missing: false };
  }
  try {
    const problem = fileTrustProblem(path, fstatSync(fd), rules);
    return problem ? { problem, unsafe: true, missing: false } : { text: readFileSync(fd, 'utf8') };
  } catch {
    return { problem: 'cannot be read', unsafe: false, missing: false };
  } finally {
    closeSync(fd);
  }
}

export interface AtomicWriteOptions {
  /** Replace an existing file; otherwise the write fails with EEXIST when the name is taken. */
  replace: boolean;
  /** Create missing directories (mode 0700). */
  createDir?: boolean;
}

/**
 * `mkdir -p` with mode 0700 for new folders, one level at a time. Node's recursive mkdir loops for
 * ever (100 % CPU, deaf to signals) under /proc; a bounded walk fails fast with the system error.
 */
export function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let at = dir; !nameTaken(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const path of missing) mkdirSync(path, { mode: 0o700 });
}

/** Does anything (even a dangling symlink) have this name? */
export function nameTaken(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Write `text` to `path`, mode 0600, atomically: readers see the old file or the whole new one.
 * Throws the system error (with its errno `code`) for the caller to phrase.
 */
export function writeFileAtomic(path: string, text: string, options: AtomicWriteOptions): void {
  const dir = dirname(path);
  if (options.createDir) makeDirs(dir);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // 'wx': a fresh file that is ours; never follows a symlink planted under the temp name.
  const fd = openSync(temp, 'wx', 0o600);
  let placed = false;
  try {
    try {
      fchmodSync(fd, 0o600); // the umask may have taken bits away; it never adds any, but be exact
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.replace) renameSync(temp, path);
    else linkIntoPlace(temp, path);
    placed = options.replace;
  } finally {
    if (!placed) unlinkQuietly(temp);
  }
}

/** Without replace: a hard link fails if the name appeared meanwhile, where rename would replace it. */
function linkIntoPlace(temp: string, path: string): void {
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // File systems without hard links: an existence check is the best we can do.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    if (nameTaken(path)) throw Object.assign(new Error(`${path} exists`), { code: 'EEXIST' });
    renameSync(temp, path);
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone (renamed into place or never created)
  }
}
