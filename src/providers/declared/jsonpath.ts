// JSONPath (RFC 9535) for declared providers, through json-p3: a path is compiled once, when the
// config is validated, and evaluated on every page, record and row. Bodies are the lossless parse
// (core/json.ts), where a number is a LosslessNumber object holding its digits: a path may select
// it whole (amounts stay exact), but never look inside it, which json-p3 would otherwise do
// (`$.amount.value` would find the digits as a string, `$.amount[*]` two nodes).
//
// The library is loaded on first use with require(), not at start-up: only a config with a
// `providers:` section pays for it, and config validation stays synchronous (parseConfig).
import { createRequire } from 'node:module';
import { isLosslessNumber } from '../../core/json.js';
import { ShapeError } from '../kit/shape.js';

type JsonP3 = typeof import('json-p3');
type Query = import('json-p3').JSONPathQuery;

/** Node's module cache keeps it after the first call; only compiling calls this, never evaluating. */
function library(): JsonP3 {
  return createRequire(import.meta.url)('json-p3') as JsonP3;
}

/** A compiled path and the text the user wrote (for messages and `config check --explain`). */
export interface JsonPath {
  text: string;
  query: Query;
  /** The path without a final `[*]` (or `.*`): where the list it enumerates must be. */
  container: JsonPath | null;
}

/** One selected value and where it is, relative to what the path was evaluated on. */
export interface PathNode {
  value: unknown;
  location: ReadonlyArray<string | number>;
}

const TRAILING_WILDCARD = /(?:\[\s*\*\s*\]|\.\*)\s*$/;

/** The compiled path, or why `text` is not one (the parser's words, without the echoed path). */
export function compilePath(text: string): JsonPath | string {
  try {
    const query = library().jsonpath.compile(text);
    const bare = text.replace(TRAILING_WILDCARD, '');
    const container = bare !== text && bare.trim() !== '' ? compilePath(bare) : null;
    return { text, query, container: typeof container === 'string' ? null : container };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /:(\d+)\)\s*$/.exec(message);
    const what = message.replace(/\s*\(.*:\d+\)\s*$/s, '').trim() || 'not a JSONPath';
    return at ? `${what} at character ${Number(at[1]) + 1}` : what;
  }
}

/** Every node `path` selects in `value`, except anything inside a number (see above). */
export function select(path: JsonPath, value: unknown): PathNode[] {
  let nodes;
  try {
    nodes = path.query.query(value as never).nodes;
  } catch (error) {
    // A recursion limit on a deeply nested body: a shape the declaration cannot read.
    throw new ShapeError(path.text, `cannot be evaluated on this response (${error instanceof Error ? error.message.slice(0, 80) : 'error'})`);
  }
  return nodes.filter((node) => !insideNumber(value, node.location)).map((node) => ({ value: node.value, location: node.location }));
}

/** A LosslessNumber's own fields are primitives, so only a node's parent can be a number. */
function insideNumber(root: unknown, location: ReadonlyArray<string | number>): boolean {
  let parent: unknown = root;
  for (let i = 0; i < location.length - 1; i++) {
    if (typeof parent !== 'object' || parent === null) return false;
    parent = (parent as Record<string | number, unknown>)[location[i] as string | number];
  }
  return location.length > 0 && isLosslessNumber(parent);
}

/**
 * The one value `path` selects in `value`, or undefined when it selects none. More than one is
 * a shape error: a figure that could be either of two values is not known.
 */
export function selectOne(path: JsonPath, value: unknown, at: string): unknown {
  const nodes = select(path, value);
  if (nodes.length > 1) throw new ShapeError(`${at}${path.text.slice(1)}`, `selects ${nodes.length} values; expected one`);
  return nodes[0]?.value;
}

/**
 * The nodes a list path (records, rows) selects. When it ends in `[*]`, what it enumerates must be
 * there, as an array or object: a missing list is a changed response, not an empty one.
 */
export function selectList(path: JsonPath, value: unknown, at: string): PathNode[] {
  if (path.container) {
    const containers = select(path.container, value);
    const [container] = containers;
    const kind = container?.value;
    if (containers.length !== 1 || typeof kind !== 'object' || kind === null || isLosslessNumber(kind)) {
      const got = containers.length === 0 ? 'nothing' : containers.length > 1 ? `${containers.length} values` : describe(kind);
      throw new ShapeError(`${at}${locationText(container?.location ?? [])}`, `expected a list at ${path.container.text}, got ${got}`);
    }
  }
  return select(path, value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (isLosslessNumber(value)) return 'a number';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

/** A node's location as this tool writes JSON paths in messages: `.data[1].balances[0]`. */
export function locationText(location: ReadonlyArray<string | number>): string {
  return location
    .map((part) => (typeof part === 'number' ? `[${part}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`))
    .join('');
}
