// `--help` that fits its width (the terminal's, or 80 when piped). commander wraps an item's
// description only when 40 columns are left beside the longest term, so one long command
// (`can-withdraw [options] <currency> <amount>`) made every description of the top-level help run
// past 80. Here the term column is capped (a longer term gets its description on the next line)
// and descriptions wrap from 20 columns. The text added after commander's (examples, exit codes,
// the config search order) is wrapped as it is written: a list item continues under its
// description column, an example command with a shell line continuation (` \`), never inside a
// quoted argument, so it still runs when pasted.
import { Help, type HelpConfiguration } from 'commander';
import { wrapWords } from '../../core/sanitize.js';

const ITEM_INDENT = 2;

export function helpLayout(): HelpConfiguration {
  return {
    minWidthToWrap: 20,
    padWidth(cmd, helper) {
      const natural = Help.prototype.padWidth.call(this, cmd, helper);
      return Math.min(natural, Math.max(16, Math.floor((this.helpWidth ?? 80) * 0.4)));
    },
    formatItem(term, termWidth, description, helper) {
      const item = (t: string) => Help.prototype.formatItem.call(this, t, termWidth, description, helper);
      if (!description || helper.displayWidth(term) <= termWidth) return item(term);
      return `${' '.repeat(ITEM_INDENT)}${term}\n${item('')}`;
    },
  };
}

/**
 * Words of a shell command: split at spaces outside quotes (runs of spaces kept as empty words);
 * a trailing `# comment` is one word, so it moves to a line of its own rather than being split
 * (a line continued inside a comment would run its tail as a command).
 */
function shellWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | null = null;
  for (const [i, char] of [...text].entries()) {
    if (quote === null && word === '' && char === '#') {
      words.push([...text].slice(i).join(''));
      return words;
    }
    if (quote === null && char === ' ') {
      words.push(word);
      word = '';
      continue;
    }
    if (quote === null && (char === "'" || char === '"')) quote = char;
    else if (char === quote) quote = null;
    word += char;
  }
  words.push(word);
  return words;
}

/** Where a continuation of this line starts: under its last column that leaves room, else its indent. */
function hangingIndent(line: string, width: number): number {
  let indent = /^ */.exec(line)?.[0].length ?? 0;
  for (const gap of line.matchAll(/\S( {2,})(?=\S)/g)) {
    const column = (gap.index ?? 0) + 1 + (gap[1]?.length ?? 0);
    if (column <= width - 20) indent = column;
  }
  return indent;
}

/** Help text with every line at most `width` columns (our help is ASCII: a character is a column). */
export function wrapHelpText(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (line.length <= width) return [line];
      const lead = /^ */.exec(line)?.[0].length ?? 0;
      if (/^ *(balance-inspector|bal) /.test(line)) return wrapWords(line, width, { indent: lead + 4, continuation: ' \\', words: shellWords });
      return wrapWords(line, width, { indent: hangingIndent(line, width) });
    })
    .join('\n');
}
