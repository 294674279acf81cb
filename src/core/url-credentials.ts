// The one way a URL reaches output (docs/security.md "Fail closed by construction"): a history store
// `postgres://…`, a proxy, a base URL, a URL quoted in a driver's or provider's message. Every
// credential is taken out — the userinfo (user name and password) and the value of every query or
// fragment parameter whose name says it is a secret — and each removed value can be registered
// with the run's redactor, so no other spelling of it gets through either (core/secrets.ts).
//
// Parameter names are compared case-insensitively, and any name containing one of these words is
// a secret: password, passwd, pwd, pass, secret, token, key, auth, signature, sig, credential,
// session (so `password`, `sslpassword`, `PGPASSWORD`, `access_token`, `apikey`, `api_key`,
// `x-api-key`, `client_secret`, `auth`, `sig` all are). Over-redacting a harmless value (`sslkey`,
// a file path) costs nothing; printing a secret cannot be undone.
//
// Works on the text, not on a WHATWG URL: what the user wrote is kept as written (no added slash,
// no re-encoding), a URL that does not parse is still cleaned, and the userinfo runs to the LAST
// '@' before the query, so a password with an unencoded '/' or '@' in it is still removed whole.

/** What replaces a secret in output (the redactor uses the same mark). */
export const REDACTED = '«redacted»';

const SECRET_NAME = /pass|pwd|secret|token|key|auth|sig|credential|session/i;
/** Characters of a scheme, and the characters that end a URL quoted in text. */
const SCHEME_CHAR = /[a-z0-9+.-]/i;
const URL_END = /[\s"'<>`]/;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

export interface CleanUrl {
  /** The URL with every credential replaced by the mark; unchanged when it held none. */
  text: string;
  /** The values taken out (raw and %-decoded), for the redactor. */
  secrets: string[];
}

/** Is this parameter name one whose value is a secret? */
export function isSecretParameter(name: string): boolean {
  return SECRET_NAME.test(decoded(name));
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** `a=1&password=x` → `a=1&password=«redacted»`, collecting the values. */
function cleanParameters(params: string, secrets: string[]): string {
  return params
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1 || !isSecretParameter(pair.slice(0, eq))) return pair;
      const value = pair.slice(eq + 1);
      if (value !== '') secrets.push(value, decoded(value));
      return `${pair.slice(0, eq + 1)}${REDACTED}`;
    })
    .join('&');
}

/** One URL as people may see it. Text without a scheme is returned as it is. */
export function publicUrl(url: string | URL): CleanUrl {
  const text = typeof url === 'string' ? url : url.href;
  const scheme = SCHEME.exec(text)?.[0];
  if (!scheme) return { text, secrets: [] };
  const secrets: string[] = [];
  let rest = text.slice(scheme.length);
  const queryAt = rest.search(/[?#]/);
  const beforeQuery = queryAt === -1 ? rest : rest.slice(0, queryAt);
  const at = beforeQuery.lastIndexOf('@');
  // `u:pa/ss@host` is a password with a '/'; `host/users/@me` is a path (no ':' before its '/').
  const slash = beforeQuery.indexOf('/');
  const isUserinfo = at !== -1 && (slash === -1 || slash > at || beforeQuery.slice(0, slash).includes(':'));
  if (isUserinfo) {
    const userinfo = beforeQuery.slice(0, at);
    const colon = userinfo.indexOf(':');
    // The user name is dropped, not registered: "postgres" as a secret would redact the scheme.
    if (colon !== -1 && colon < userinfo.length - 1) secrets.push(userinfo.slice(colon + 1), decoded(userinfo.slice(colon + 1)));
    rest = `${REDACTED}@${rest.slice(at + 1)}`;
  }
  const query = /^([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s.exec(rest);
  if (query) {
    const [, head = '', search, fragment] = query;
    rest =
      head + (search === undefined ? '' : `?${cleanParameters(search, secrets)}`) + (fragment === undefined ? '' : `#${cleanParameters(fragment, secrets)}`);
  }
  return { text: scheme + rest, secrets: [...new Set(secrets)].filter((s) => s !== '') };
}

/** Anything that can take a secret: the run's Redactor. */
export interface SecretRegistry {
  register(value: string): void;
}

/** The URL for output, its credentials registered first so no other spelling of them is printed. */
export function urlForOutput(url: string | URL, registry: SecretRegistry): string {
  const clean = publicUrl(url);
  for (const secret of clean.secrets) registry.register(secret);
  return clean.text;
}

/** Every URL inside a text (a driver's message, a provider's detail), cleaned; other text untouched. */
export function redactUrlsIn(text: string): string {
  // Found from each "://" outward rather than by a pattern tried at every position: the redactor
  // runs this on every byte written, megabytes of JSON included (docs/dev/performance.md).
  let at = text.indexOf('://');
  if (at === -1) return text;
  let out = '';
  let copied = 0;
  while (at !== -1) {
    let start = at;
    while (start > copied && SCHEME_CHAR.test(text.charAt(start - 1))) start--;
    // A scheme starts with a letter ("2x://" is not one) and is not the tail of a longer word.
    while (start < at && !/[a-z]/i.test(text.charAt(start))) start++;
    let end = at + 3;
    while (end < text.length && !URL_END.test(text.charAt(end))) end++;
    if (start === at) {
      at = text.indexOf('://', at + 3);
      continue;
    }
    // "…/db?password=x: connection refused": the sentence's punctuation is not part of the URL.
    const match = text.slice(start, end);
    const url = match.replace(/[.,:;!?)\]}]+$/, '');
    out += text.slice(copied, start) + publicUrl(url).text + match.slice(url.length);
    copied = end;
    at = text.indexOf('://', end);
  }
  return out + text.slice(copied);
}
