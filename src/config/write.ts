// Writing a config file (`config init`): YAML from a plain object, and an atomic, owner-only
// write. The file is complete and 0600 from the first moment it has its final name; an existing
// file is only ever replaced when the caller says so.
import { dirname } from 'node:path';
import { UsageError } from '../core/errors.js';
import { nameTaken, writeFileAtomic } from '../core/safe-file.js';

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

function alreadyExists(path: string): UsageError {
  return new UsageError(`${path} already exists; nothing was written`, 'pass --force to replace it, or edit it by hand');
}

function cannotWrite(path: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST') return alreadyExists(path);
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOENT'
        ? `the directory ${dirname(path)} does not exist`
        : code === 'EROFS'
          ? 'read-only file system'
          : code === 'ENOTDIR'
            ? `${dirname(path)} is not a directory`
            : 'it could not be written';
  return new UsageError(`cannot write ${path}: ${why}; nothing was written`);
}

/** Write `text` to `path` with mode 0600, atomically (core/safe-file.ts). */
export function writeConfigFile(path: string, text: string, options: WriteOptions): void {
  // A dangling symlink counts as taken: writing through it is not what anyone asked for.
  if (!options.force && nameTaken(path)) throw alreadyExists(path);
  try {
    writeFileAtomic(path, text, { replace: options.force, createDir: options.createDir ?? false });
  } catch (error) {
    throw cannotWrite(path, error);
  }
}
