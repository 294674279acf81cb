// The one check for an id that becomes a segment of a request path, whether the user configured
// it (config/fields.ts runs it at load, exit 3) or a provider's list named it (the paginator runs
// it on every enumerated id). URL-encoding alone is not enough: `.` and `..` survive it and a URL
// resolves them (`/v1/customers/../wallets` is `/v1/wallets`, and the key goes there); a server
// may decode `%2F` back into a slash, and `?`, `#` or a control character make the id mean
// something else on the way. Such an id is refused, never "cleaned".
import { InternalError } from '../../core/errors.js';
import { UNSAFE_CHARACTER } from '../../core/sanitize.js';

const UNSAFE = new RegExp(UNSAFE_CHARACTER.source, 'u');

/** Why `id` cannot be one path segment, or null when it can. */
export function segmentProblem(id: string): string | null {
  if (id === '') return 'is empty';
  if (id === '.' || id === '..') return 'is a path step, not an id';
  if (UNSAFE.test(id)) return 'contains control or invisible characters';
  if (/[/\\]/.test(id)) return 'contains a slash';
  if (id.includes('%')) return 'contains % (an encoded character)';
  if (/[?#]/.test(id)) return 'contains ? or #';
  return null;
}

/**
 * `id`, URL-encoded as one path segment. Every id was checked where it entered (the config, a
 * provider's list), so an id that fails here is a bug: it is refused rather than sent.
 */
export function pathSegment(id: string): string {
  const problem = segmentProblem(id);
  if (problem !== null) throw new InternalError(`an id that ${problem} reached a request path unchecked`);
  return encodeURIComponent(id);
}
