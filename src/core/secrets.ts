// Secret hygiene. Every credential the config resolves is registered in the run's Redactor (one per
// Runtime, src/http/runtime.ts: two runtimes in one process never share secrets); provider answers are
// redacted where they enter (providers/kit/request.ts), and every byte the tool writes (stdout, stderr,
// debug log, cache, metrics page, --exec stdin) passes through `redact` again on the way out.
// Redaction works by value, whatever the key looks like, and also removes any FRAGMENT_LENGTH-
// character piece of a secret (raw, base64, base64url, URL-encoded): a provider that echoes a cut
// key, or a message cut after a key, leaves no usable piece of it behind. Credentials inside any
// URL in the text are taken out too (core/url-credentials.ts), whether or not we knew them.
import { REDACTED, redactUrlsIn } from './url-credentials.js';

/** Secrets shorter than this cannot be redacted safely (they would match ordinary words); config refuses them. */
export const MIN_SECRET_LENGTH = 8;
/** No piece of a secret this long may be printed. */
export const FRAGMENT_LENGTH = 12;
/**
 * A window with fewer distinct characters than this ("000000000000") is not treated as a fragment:
 * it cannot be told apart from ordinary output such as amounts, and reveals next to nothing.
 */
const MIN_DISTINCT_IN_FRAGMENT = 4;

/** Well-known key shapes, redacted even when we did not load them (a body echoing another key). */
const KEY_SHAPES = /\b(sk|rk|pk)_(live|test|sandbox)_[A-Za-z0-9]{6,}|\bsk\.(live|sbx)\.[A-Za-z0-9._-]{6,}|\bBearer\s+[A-Za-z0-9._~+/-]{8,}=*/g;
const MARK = REDACTED;
/**
 * A short secret next to a token character is part of a longer word and left alone; a '.' counts
 * only between token characters ("tok.v2"), so a sentence may still end right after the secret.
 */
const NOT_AFTER_TOKEN = '(?<![A-Za-z0-9_~+/=-]|[A-Za-z0-9_~+/=-]\\.)';
const NOT_BEFORE_TOKEN = '(?![A-Za-z0-9_~+/=-]|\\.[A-Za-z0-9_~+/=-])';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first three characters of a window as one number: most positions are ruled out by it without building a string. */
const headAt = (text: string, i: number) => text.charCodeAt(i) * 2 ** 32 + text.charCodeAt(i + 1) * 2 ** 16 + text.charCodeAt(i + 2);
/**
 * The first two characters hashed to 16 bits, an index into a bitmap: a cheaper filter still, tried
 * first (a Set of large numbers costs ~100 ns a lookup: 1.2 s for a 10 MB document).
 */
const pairAt = (text: string, i: number) => ((text.charCodeAt(i) * 31) ^ text.charCodeAt(i + 1)) & 0xffff;

function formsOf(value: string): string[] {
  const bytes = Buffer.from(value);
  return [...new Set([value, bytes.toString('base64'), bytes.toString('base64url'), encodeURIComponent(value)])];
}

/** The secrets of one run and how to take them out of text. A fresh one still redacts KEY_SHAPES. */
export class Redactor {
  private readonly exactForms = new Set<string>();
  private exactPattern: RegExp | null = null;
  /** Every FRAGMENT_LENGTH-character window of every form of every long secret. */
  private readonly fragments = new Set<string>();
  private readonly fragmentHeads = new Set<number>();
  private readonly fragmentPairs = new Uint8Array(0x10000);
  /** Obtained secrets shorter than MIN_SECRET_LENGTH, matched only as whole tokens. */
  private readonly shortForms = new Set<string>();
  private shortPattern: RegExp | null = null;

  register(value: string): void {
    // Registering again (a proxy URL on every request) must not rebuild the pattern each time.
    if (value.length < MIN_SECRET_LENGTH || this.exactForms.has(value)) return;
    for (const form of formsOf(value)) {
      this.exactForms.add(form);
      for (let i = 0; i + FRAGMENT_LENGTH <= form.length; i++) {
        const window = form.slice(i, i + FRAGMENT_LENGTH);
        if (new Set(window).size < MIN_DISTINCT_IN_FRAGMENT) continue;
        this.fragments.add(window);
        this.fragmentHeads.add(headAt(window, 0));
        this.fragmentPairs[pairAt(window, 0)] = 1;
      }
    }
    this.exactPattern = null;
  }

  /**
   * A secret the run obtained (an OAuth access token) is a secret whatever its length: one shorter
   * than MIN_SECRET_LENGTH is redacted wherever it stands as a whole token (not inside a longer
   * word, which would garble ordinary text); a longer one like any registered secret.
   */
  registerObtained(value: string): void {
    if (value.length >= MIN_SECRET_LENGTH) return this.register(value);
    if (value === '' || this.shortForms.has(value)) return;
    for (const form of formsOf(value)) this.shortForms.add(form);
    this.shortPattern = null;
  }

  /** Register a client id/secret pair sent as HTTP Basic auth, so the header value is redacted too. */
  registerBasicAuth(user: string, password: string): void {
    this.register(Buffer.from(`${user}:${password}`).toString('base64'));
  }

  /** Arrow property: passed around as a plain `(text) => string` (ui/output.ts, watch). */
  readonly redact = (text: string): string => {
    if (this.exactForms.size > 0) {
      // Secrets of 8–11 characters have no 12-character window: they are redacted whole.
      this.exactPattern ??= new RegExp(
        [...this.exactForms]
          .sort((a, b) => b.length - a.length)
          .map(escapeRegExp)
          .join('|'),
        'g',
      );
      // Whole values first: one mark for a whole key, low-entropy tails ("…000001") included.
      text = text.replace(this.exactPattern, MARK);
    }
    text = this.redactFragments(text);
    if (this.shortForms.size > 0) {
      this.shortPattern ??= new RegExp(`${NOT_AFTER_TOKEN}(?:${[...this.shortForms].map(escapeRegExp).join('|')})${NOT_BEFORE_TOKEN}`, 'g');
      text = text.replace(this.shortPattern, MARK);
    }
    return redactUrlsIn(text.replace(KEY_SHAPES, (match) => (match.startsWith('Bearer') ? `Bearer ${MARK}` : MARK)));
  };

  /** Redact every string inside a parsed JSON value (keys included), leaving numbers and structure. */
  redactDeep<T>(value: T): T {
    return mapStrings(value, this.redact);
  }

  /** Replace every run of text covered by a fragment window with one mark. */
  private redactFragments(text: string): string {
    // (A text shorter than a window needs no shortcut: the loop below does not run.)
    if (this.fragments.size === 0) return text;
    let out = '';
    let copied = 0; // text before this index is already in `out`
    let coveredUntil = 0; // end of the run being redacted; 0 while there is none (no window ends there)
    for (let i = 0; i + FRAGMENT_LENGTH <= text.length; i++) {
      if (this.fragmentPairs[pairAt(text, i)] === 0 || !this.fragmentHeads.has(headAt(text, i)) || !this.fragments.has(text.slice(i, i + FRAGMENT_LENGTH)))
        continue;
      if (coveredUntil >= i) {
        coveredUntil = i + FRAGMENT_LENGTH;
        continue;
      }
      if (coveredUntil > 0) {
        out += MARK;
        copied = coveredUntil;
      }
      out += text.slice(copied, i);
      coveredUntil = i + FRAGMENT_LENGTH;
    }
    if (coveredUntil === 0) return text;
    return `${out}${MARK}${text.slice(coveredUntil)}`;
  }
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
