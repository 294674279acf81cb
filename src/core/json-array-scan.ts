// Where the items of a top-level JSON array are, without parsing them: one pass that follows
// strings and nesting. It lets a caller refuse an array of too many items before building any of
// them (64 MB of `[1,1,1,…` would otherwise become millions of objects), parse each item alone,
// and name an item's line in messages. Whether an item itself is valid JSON is its parser's
// business; this only checks the array around the items.

export interface ArrayItem {
  /** Offsets of the item's text: [start, end). */
  start: number;
  end: number;
  /** 1-based line the item starts on. */
  line: number;
}

export type ArrayScan = { items: ArrayItem[] } | { error: string; position: number; tooMany?: boolean };

const WHITESPACE = new Set([32, 9, 10, 13]);

/** `from` is the offset of the opening `[`; at most `maxItems` items are accepted. */
export function scanJsonArray(text: string, from: number, maxItems: number): ArrayScan {
  const items: ArrayItem[] = [];
  let line = 1;
  for (let k = text.indexOf('\n'); k !== -1 && k < from; k = text.indexOf('\n', k + 1)) line++;
  let i = from + 1;
  const skipSpace = () => {
    while (i < text.length && WHITESPACE.has(text.charCodeAt(i))) {
      if (text.charCodeAt(i) === 10) line++;
      i++;
    }
  };
  skipSpace();
  if (text[i] === ']') {
    i++;
    skipSpace();
    return i < text.length ? { error: 'text after the end of the array', position: i } : { items };
  }
  for (;;) {
    if (i >= text.length) return { error: 'the array is not closed (a ] is missing)', position: text.length };
    if (text[i] === ',' || text[i] === ']') return { error: 'an empty item (two commas, or a comma before ])', position: i };
    if (items.length === maxItems) return { error: 'too many items', position: i, tooMany: true };
    const start = i;
    const startLine = line;
    let depth = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        // A string: skip to its closing quote, past escaped characters.
        i++;
        while (i < text.length && text.charCodeAt(i) !== 34) i += text.charCodeAt(i) === 92 ? 2 : 1;
      } else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        if (depth === 0) break;
        depth--;
      } else if (c === 44 && depth === 0) break;
      else if (c === 10) line++;
      i++;
    }
    // The item ends where its last non-space character does.
    let stop = i;
    while (stop > start && WHITESPACE.has(text.charCodeAt(stop - 1))) stop--;
    items.push({ start, end: stop, line: startLine });
    if (i >= text.length) return { error: 'the array is not closed (a ] is missing)', position: text.length };
    if (text[i] === ',') {
      i++;
      skipSpace();
      continue;
    }
    // A ] at depth 0 closes the array; a stray } is left for the item's own parser to name.
    if (text[i] === '}') return { error: 'a } that closes nothing', position: i };
    i++;
    skipSpace();
    return i < text.length ? { error: 'text after the end of the array', position: i } : { items };
  }
}
