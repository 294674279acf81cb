// "Did you mean" hints for unknown keys, accounts, providers and currencies.

/** Levenshtein distance, small inputs only (names and keys). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(above + 1, (prev[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return prev[b.length] ?? 0;
}

/**
 * Candidates close to `input` (case-insensitive), best first; transpositions like USTD count. Codes
 * differing only in case are one suggestion (the first given wins: 'USDT', not also 'usdt').
 */
export function closest(input: string, candidates: Iterable<string>, max = 3): string[] {
  const needle = input.toLowerCase();
  const scored: Array<[string, number]> = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase();
    if (seen.has(hay)) continue;
    seen.add(hay);
    const distance = editDistance(needle, hay);
    const sameLetters = [...needle].sort().join('') === [...hay].sort().join('');
    const limit = Math.max(1, Math.floor(Math.max(needle.length, hay.length) / 3));
    if (distance <= limit || sameLetters || (needle.length >= 3 && hay.startsWith(needle))) {
      // A swapped pair of letters (USTD) is the likeliest typo: rank anagrams first.
      scored.push([candidate, sameLetters ? 0.5 : distance]);
    }
  }
  return scored
    .sort((x, y) => x[1] - y[1])
    .slice(0, max)
    .map(([c]) => c);
}

export function didYouMean(input: string, candidates: Iterable<string>): string {
  const matches = closest(input, candidates);
  if (matches.length === 0) return '';
  return ` (did you mean ${matches.map((m) => `'${m}'`).join(' or ')}?)`;
}
