// Load a config file safely. A config never executes code:
//  - Only data formats are read: a JS/TS file is refused by its extension, and our JSON/YAML
//    loaders reject a `$import` key (cosmiconfig's way to pull in other files).
//  - No cosmiconfig explorer is created: cosmiconfig 9 reads a "meta config" (package.json,
//    .config/config.js, …) from process.cwd() with JS loaders the moment an explorer exists, and
//    avoiding that by changing the working directory is a process-wide trick that fails in worker
//    threads. The file is read here and handed to the loader its extension names, exactly as the
//    explorer's load() would (loadDataFile); cosmiconfig is used for its safe-schema YAML loader,
//    imported only for YAML, so a JSON config never pays ~20 ms for it (docs/dev/performance.md).
import { basename, extname } from 'node:path';
import type { Loader } from 'cosmiconfig';
import { ConfigError } from '../core/errors.js';
import { readTrustedFile } from '../core/safe-file.js';
import { JsonSyntaxError, lineAndColumn, parseLosslessJson, isLosslessNumber } from '../core/json.js';

/** The key of package.json/package.yaml that holds our config (cosmiconfig's module name). */
const PACKAGE_PROPERTY = 'balance';

const CODE_EXTENSIONS = ['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts'];
const DATA_EXTENSIONS = ['', '.json', '.yaml', '.yml'];

function refuseCode(filepath: string): never {
  throw new ConfigError(`refusing to load ${filepath}: configs are data only (JSON or YAML) and never run code`, {
    code: 'CONFIG_CODE',
  });
}

function rejectImport(filepath: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, '$import')) {
    throw new ConfigError(`${filepath}: $import is not supported; keep the whole config in one file`, {
      code: 'CONFIG_IMPORT',
    });
  }
  return value;
}

/** JSON: lossless (so a mistaken number is reported, not rounded) and duplicate keys rejected. */
const loadJson = (filepath: string, content: string): unknown => {
  try {
    return rejectImport(filepath, losslessToPlain(parseLosslessJson(content)));
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const at = error.position === null ? '' : `:${formatPosition(content, error.position)}`;
    throw new ConfigError(`invalid JSON in ${filepath}${at}: ${error.message}`, { code: 'CONFIG_SYNTAX' });
  }
};

/** YAML via cosmiconfig's own (safe-schema js-yaml) loader; errors keep line/column, never the text. */
const loadYaml: Loader = async (filepath, content) => {
  try {
    const { defaultLoaders } = await import('cosmiconfig');
    return rejectImport(filepath, await defaultLoaders['.yaml'](filepath, content));
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? 'could not be parsed';
    const at = mark ? `:${mark.line + 1}:${mark.column + 1}` : '';
    throw new ConfigError(`invalid YAML in ${filepath}${at}: ${reason}`, { code: 'CONFIG_SYNTAX' });
  }
};

function formatPosition(content: string, offset: number): string {
  const { line, column } = lineAndColumn(content, offset);
  return `${line}:${column}`;
}

/** Config numbers stay LosslessNumber markers; turn them into JS numbers only to report their type. */
function losslessToPlain(value: unknown): unknown {
  if (isLosslessNumber(value)) return Number(value.value);
  if (Array.isArray(value)) return value.map(losslessToPlain);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, losslessToPlain(v)]));
  }
  return value;
}

/**
 * What cosmiconfig's load() does for a data file, without creating an explorer (which reads a
 * "meta config" from the working directory): empty → null; `package.json`/`package.yaml` keep
 * only their "balance" key; everything else is the loader's result.
 */
/** Parse config text as the file `path` would be parsed (its extension picks JSON or YAML). */
export function parseConfigText(path: string, content: string): Promise<unknown> {
  return loadDataFile(path, extname(path).toLowerCase(), content);
}

async function loadDataFile(path: string, extension: string, content: string): Promise<unknown> {
  if (content.trim() === '') return null;
  const loaded = extension === '.json' ? loadJson(path, content) : await loadYaml(path, content);
  if (basename(path, extname(path)) !== 'package') return loaded;
  return isObject(loaded) ? (loaded[PACKAGE_PROPERTY] ?? null) : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Parse a config file into plain data. Throws ConfigError for code files, syntax errors, $import. */
export async function loadConfigFile(path: string): Promise<unknown> {
  const extension = extname(path).toLowerCase();
  if (CODE_EXTENSIONS.includes(extension)) refuseCode(path);
  if (!DATA_EXTENSIONS.includes(extension)) {
    throw new ConfigError(`unsupported config format ${extension} for ${path}; use .json, .yaml or .yml`, {
      code: 'CONFIG_SYNTAX',
    });
  }
  // Trusted like ssh trusts its config: a regular file that is yours (or root's) and only you can
  // change, whatever it holds — another user's file would choose where your keys are sent.
  const read = readTrustedFile(path);
  if ('problem' in read) {
    if (read.unsafe) throw new ConfigError(`refusing to use the config ${path}: ${read.problem}`, { code: 'UNSAFE_PERMISSIONS' });
    throw new ConfigError(
      `cannot read config ${path}: ${read.missing ? 'no such file' : /permission/.test(read.problem) ? 'permission denied' : 'unreadable'}`,
    );
  }
  const content = read.text;
  try {
    if (content === '') throw new ConfigError(`config file ${path} is empty`);
    return await loadDataFile(path, extension, content);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : 'unreadable';
    throw new ConfigError(`cannot read config ${path}: ${why}`);
  }
}
