// Secret hygiene. Every credential the config resolves is registered here; provider answers are
// redacted where they enter (providers/request.ts), and every byte the tool writes (stdout, stderr,
// debug log, cache, metrics page, --exec stdin) passes through `redact` again on the way out.
// Redaction works by value, whatever the key looks like, and also removes any FRAGMENT_LENGTH-
// character piece of a secret (raw, base64, base64url, URL-encoded): a provider that echoes a cut
// key, or a message cut after a key, leaves no usable piece of it behind.

const exactForms = new Set<string>();
let exactPattern: RegExp | null = null;
/** Every FRAGMENT_LENGTH-character window of every form of every long secret. */
const fragments = new Set<string>();
/** The first three characters of each window as one number: most positions are ruled out by it without building a string. */
const fragmentHeads = new Set<number>();
const headAt = (text: string, i: number) => text.charCodeAt(i) * 2 ** 32 + text.charCodeAt(i + 1) * 2 ** 16 + text.charCodeAt(i + 2);

/** Secrets shorter than this cannot be redacted safely (they would match ordinary words); config refuses them. */
export const MIN_SECRET_LENGTH = 8;
/** No piece of a secret this long may be printed. */
export const FRAGMENT_LENGTH = 12;
/**
 * A window with fewer distinct characters than this ("000000000000") is not treated as a fragment:
 * it cannot be told apart from ordinary output such as amounts, and reveals next to nothing.
 */
const MIN_DISTINCT_IN_FRAGMENT = 4;

function formsOf(value: string): string[] {
  const bytes = Buffer.from(value);
  return [...new Set([value, bytes.toString('base64'), bytes.toString('base64url'), encodeURIComponent(value)])];
}

export function registerSecret(value: string): void {
  if (value.length < MIN_SECRET_LENGTH) return;
  for (const form of formsOf(value)) {
    exactForms.add(form);
    for (let i = 0; i + FRAGMENT_LENGTH <= form.length; i++) {
      const window = form.slice(i, i + FRAGMENT_LENGTH);
      if (new Set(window).size < MIN_DISTINCT_IN_FRAGMENT) continue;
      fragments.add(window);
      fragmentHeads.add(headAt(window, 0));
    }
  }
  exactPattern = null;
}

/** Register a client id/secret pair sent as HTTP Basic auth, so the header value is redacted too. */
export function registerBasicAuth(user: string, password: string): void {
  registerSecret(Buffer.from(`${user}:${password}`).toString('base64'));
}

export function clearSecretsForTests(): void {
  exactForms.clear();
  fragments.clear();
  fragmentHeads.clear();
  exactPattern = null;
}

/** Well-known key shapes, redacted even when we did not load them (a body echoing another key). */
const KEY_SHAPES = /\b(sk|rk|pk)_(live|test|sandbox)_[A-Za-z0-9]{6,}|\bsk\.(live|sbx)\.[A-Za-z0-9._-]{6,}|\bBearer\s+[A-Za-z0-9._~+/-]{8,}=*/g;
const MARK = '«redacted»';

/** Replace every run of text covered by a fragment window with one mark. */
function redactFragments(text: string): string {
  if (fragments.size === 0 || text.length < FRAGMENT_LENGTH) return text;
  let out = '';
  let copied = 0; // text before this index is already in `out`
  let coveredUntil = -1; // end of the run being redacted, or -1
  for (let i = 0; i + FRAGMENT_LENGTH <= text.length; i++) {
    if (!fragmentHeads.has(headAt(text, i)) || !fragments.has(text.slice(i, i + FRAGMENT_LENGTH))) continue;
    if (coveredUntil >= i) {
      coveredUntil = i + FRAGMENT_LENGTH;
      continue;
    }
    if (coveredUntil >= 0) {
      out += MARK;
      copied = coveredUntil;
    }
    out += text.slice(copied, i);
    coveredUntil = i + FRAGMENT_LENGTH;
  }
  if (coveredUntil < 0) return text;
  return `${out}${MARK}${text.slice(coveredUntil)}`;
}

export function redact(text: string): string {
  if (exactForms.size > 0) {
    // Secrets of 8–11 characters have no 12-character window: they are redacted whole.
    exactPattern ??= new RegExp(
      [...exactForms]
        .sort((a, b) => b.length - a.length)
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'g',
    );
    // Whole values first: one mark for a whole key, low-entropy tails ("…000001") included.
    text = text.replace(exactPattern, MARK);
  }
  text = redactFragments(text);
  return text.replace(KEY_SHAPES, (match) => (match.startsWith('Bearer') ? `Bearer ${MARK}` : MARK));
}

/** Redact every string inside a parsed JSON value (keys included), leaving numbers and structure. */
export function redactDeep<T>(value: T): T {
  return mapStrings(value, redact);
}

/** Apply `fn` to every string in a plain JSON-like value; other leaves (lossless numbers) are kept as is. */
export function mapStrings<T>(value: T, fn: (text: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => mapStrings(item, fn)) as T;
  const proto: unknown = value !== null && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = {};
    // defineProperty, not assignment: a provider key named "__proto__" stays a plain key.
    for (const [key, item] of Object.entries(value as object)) {
      Object.defineProperty(out, fn(key), { value: mapStrings(item, fn), enumerable: true, writable: true, configurable: true });
    }
    return out as T;
  }
  return value;
}
