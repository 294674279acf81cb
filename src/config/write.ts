// Writing a config file (`config init`): YAML from a plain object, and an atomic, owner-only
// write. The file is complete and 0600 from the first moment it has its final name; an existing
// file is only ever replaced when the caller says so.
import { closeSync, existsSync, fchmodSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../core/errors.js';

type YamlValue = string | string[] | { [key: string]: YamlValue };

const PLAIN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const YAML_WORDS = /^(true|false|null|yes|no|on|off|y|n)$/i;
const PLACEHOLDER_ONLY = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/;

/** A scalar YAML reads back as the same string: plain where unambiguous, else double-quoted. */
export function yamlScalar(text: string): string {
  if ((PLAIN.test(text) && !YAML_WORDS.test(text)) || PLACEHOLDER_ONLY.test(text)) return text;
  // A JSON string is a valid YAML double-quoted scalar.
  return JSON.stringify(text);
}

/** Block-style YAML for nested mappings of strings and string lists (all `config init` writes). */
export function toYaml(value: { [key: string]: YamlValue }, indent = ''): string {
  return Object.entries(value)
    .map(([key, item]) => {
      const label = `${indent}${yamlScalar(key)}:`;
      if (typeof item === 'string') return `${label} ${yamlScalar(item)}\n`;
      if (Array.isArray(item)) return `${label}\n${item.map((v) => `${indent}  - ${yamlScalar(v)}\n`).join('')}`;
      return `${label}\n${toYaml(item, `${indent}  `)}`;
    })
    .join('');
}

export interface WriteOptions {
  /** Replace an existing file. */
  force: boolean;
  /** Create missing directories, mode 0700 (the user config directory). */
  createDir?: boolean;
}

function exists(path: string): boolean {
  try {
    lstatSync(path); // a dangling symlink counts: writing through it is not what anyone asked for
    return true;
  } catch {
    return false;
  }
}

function alreadyExists(path: string): UsageError {
  return new UsageError(`${path} already exists; nothing was written`, 'pass --force to replace it, or edit it by hand');
}

function cannotWrite(path: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ENOENT' ? `the directory ${dirname(path)} does not exist`
    : code === 'EROFS' ? 'read-only file system'
    : code === 'ENOTDIR' ? `${dirname(path)} is not a directory`
    : 'it could not be written';
  return new UsageError(`cannot write ${path}: ${why}; nothing was written`);
}

/** Write `text` to `path` with mode 0600 via a temporary file in the same directory. */
export function writeConfigFile(path: string, text: string, options: WriteOptions): void {
  const dir = dirname(path);
  if (!options.force && exists(path)) {
    throw alreadyExists(path);
  }
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let tempWritten = false;
  try {
    if (options.createDir) mkdirSync(dir, { recursive: true, mode: 0o700 });
    const fd = openSync(temp, 'wx', 0o600);
    tempWritten = true;
    try {
      fchmodSync(fd, 0o600); // the umask may have taken bits away; it never adds any, but be exact
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.force) renameSync(temp, path);
    else linkIntoPlace(temp, path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw cannotWrite(path, error);
  } finally {
    if (tempWritten && existsSync(temp)) unlinkSync(temp);
  }
}

/** Without --force: a hard link fails if the name appeared meanwhile, where rename would replace it. */
function linkIntoPlace(temp: string, path: string): void {
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw alreadyExists(path);
    // File systems without hard links: the existence check above is the best we can do.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    if (exists(path)) throw alreadyExists(path);
    renameSync(temp, path);
  }
}
