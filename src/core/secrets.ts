// Secret hygiene. Every credential the config resolves is registered here, and every byte the tool
// writes (stdout, stderr, debug log) passes through `redact`, which replaces the raw value and its
// encoded forms. Provider error bodies that echo a key therefore never reach the user verbatim.

const registered = new Set<string>();
let pattern: RegExp | null = null;

/** Secrets shorter than this are not redacted by value: they would mangle ordinary words. */
const MIN_SECRET_LENGTH = 6;

export function registerSecret(value: string): void {
  if (value.length < MIN_SECRET_LENGTH) return;
  const forms = [
    value,
    Buffer.from(value).toString('base64'),
    Buffer.from(value).toString('base64url'),
    encodeURIComponent(value),
  ];
  for (const form of forms) registered.add(form);
  pattern = null;
}

/** Register a client id/secret pair sent as HTTP Basic auth, so the header value is redacted too. */
export function registerBasicAuth(user: string, password: string): void {
  registerSecret(Buffer.from(`${user}:${password}`).toString('base64'));
}

export function clearSecretsForTests(): void {
  registered.clear();
  pattern = null;
}

/** Well-known key shapes, redacted even when we did not load them (a body echoing another key). */
const KEY_SHAPES = /\b(sk|rk|pk)_(live|test|sandbox)_[A-Za-z0-9]{6,}|\bsk\.(live|sbx)\.[A-Za-z0-9._-]{6,}|\bBearer\s+[A-Za-z0-9._~+/-]{8,}=*/g;

export function redact(text: string): string {
  if (registered.size > 0) {
    pattern ??= new RegExp(
      [...registered]
        .sort((a, b) => b.length - a.length)
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'g',
    );
    text = text.replace(pattern, '«redacted»');
  }
  return text.replace(KEY_SHAPES, (match) => (match.startsWith('Bearer') ? 'Bearer «redacted»' : '«redacted»'));
}

