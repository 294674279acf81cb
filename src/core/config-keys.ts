// The one check of a mapping's keys in a config, for every section (accounts, alerts, history, a
// provider's declaration): an unknown key is a problem with a suggestion, so a typo never silently
// drops a setting, and keys that could reach object prototypes are refused outright.
import { didYouMean } from './suggest.js';

const DANGEROUS_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Report unknown keys (with a suggestion) and keys that could touch object prototypes. */
export function checkKeys(object: Record<string, unknown>, allowed: Iterable<string>, path: string, problems: string[]): void {
  const allowedList = [...allowed];
  for (const key of Object.keys(object)) {
    if (DANGEROUS_KEYS.has(key)) problems.push(`${path}${key}: this key is not allowed`);
    else if (!allowedList.includes(key)) {
      problems.push(`${path}${key}: unknown key${didYouMean(key, allowedList)}`);
    }
  }
}
