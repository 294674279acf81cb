// Load a config file with cosmiconfig, safely. A config never executes code:
//  - cosmiconfig 9 searches a "meta config" (package.json, .config/config.js, …) in process.cwd()
//    with its default JS loaders the moment an explorer is created. We create the explorer while
//    the working directory is this module's own folder (only our compiled files, no package.json
//    or .config), then change back; the call is synchronous, so nothing else runs in between.
//  - Every JS/TS loader is replaced by one that refuses, and our JSON/YAML loaders reject a
//    `$import` key before cosmiconfig would follow it.
//  - A `.json` file is read and handed to our JSON loader directly, exactly as cosmiconfig's
//    load() would (empty → null; `package.json` keeps cosmiconfig's "balance" key rule, so it
//    goes through cosmiconfig): loading cosmiconfig and js-yaml costs ~20 ms of start-up that a
//    JSON config never needs (README "Performance"). cosmiconfig is imported only for YAML.
import { basename, dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { cosmiconfig as Cosmiconfig, Loader } from 'cosmiconfig';
import { ConfigError } from '../core/errors.js';
import { readTrustedFile } from '../core/safe-file.js';
import { JsonSyntaxError, lineAndColumn, parseLosslessJson, isLosslessNumber } from '../core/json.js';

type Explorer = ReturnType<typeof Cosmiconfig>;
let explorer: Explorer | null = null;

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

async function getExplorer(): Promise<Explorer> {
  if (explorer) return explorer;
  const { cosmiconfig } = await import('cosmiconfig');
  const previous = process.cwd();
  const refuse: Loader = (filepath) => refuseCode(filepath);
  const loaders = Object.fromEntries(CODE_EXTENSIONS.map((ext) => [ext, refuse]));
  process.chdir(dirname(fileURLToPath(import.meta.url)));
  try {
    explorer = cosmiconfig('balance', {
      searchStrategy: 'none',
      searchPlaces: [],
      cache: false,
      loaders: { ...loaders, '.json': loadJson, '.yaml': loadYaml, '.yml': loadYaml, noExt: loadYaml },
    });
  } finally {
    process.chdir(previous);
  }
  return explorer;
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
    throw new ConfigError(`cannot read config ${path}: ${read.missing ? 'no such file' : /permission/.test(read.problem) ? 'permission denied' : 'unreadable'}`);
  }
  const content = read.text;
  try {
    if (content === '') throw new ConfigError(`config file ${path} is empty`);
    if (extension === '.json' && basename(path, extension) !== 'package') {
      return content.trim() === '' ? null : loadJson(path, content);
    }
    if (basename(path, extension) !== 'package') return (await loadYaml(path, content)) ?? null;
    const result = await (await getExplorer()).load(path);
    return result?.config ?? null;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : 'unreadable';
    throw new ConfigError(`cannot read config ${path}: ${why}`);
  }
}
