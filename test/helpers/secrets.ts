// Secret-leak checks shared by the e2e tests and the fault suite: a key may leak as is or encoded
// the way HTTP clients and loggers encode it.
import { expect } from 'vitest';

/** The forms a leaked secret could take: raw, base64, base64url and URL-encoded. */
export function encodedForms(secret: string): string[] {
  return [...new Set([secret, Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url'), encodeURIComponent(secret)])];
}

/** HTTP Basic credentials as a secret: its base64 form is the Authorization header's value. */
export const basicPair = (id: string, secret: string): string => `${id}:${secret}`;

/** No text holds any of the secrets in any of their encoded forms. */
export function expectNoSecrets(texts: string[], secrets: Iterable<string>): void {
  const list = [...secrets];
  expect(list.length, 'secrets to look for').toBeGreaterThan(0);
  for (const secret of list) {
    // An empty or tiny "secret" would match anything (or nothing useful): a broken test setup.
    expect(secret.length, 'secret length').toBeGreaterThanOrEqual(8);
    for (const form of encodedForms(secret)) {
      for (const text of texts) {
        if (text.includes(form))
          expect.fail(`secret ${secret.slice(0, 6)}… leaked${form === secret ? '' : ` as ${form.slice(0, 6)}…`} in: ${text.slice(0, 300)}`);
      }
    }
  }
}
