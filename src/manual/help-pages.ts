// Which docs page documents which command, and the generated blocks those pages and the README
// carry: each command's `--help` exactly as it prints at 80 columns, and the exit-code table.
// `npm run docs` (scripts/docs.mjs) rewrites the blocks; test/docs/ fails when a page has drifted
// from the program, so the docs cannot say one thing while --help says another.
import type { Command } from 'commander';

export interface CommandPage {
  /** The command's words after the program name: ['balances'], ['config', 'init']. */
  path: string[];
  /** Its page, relative to the repository: docs/commands/balances.md. */
  page: string;
}

/**
 * A declared command carries its Supports (commands/shared/supports.ts sets it when the command
 * is given its action); a group that only holds others (`config`) has none. Read by shape, so
 * this layer needs neither the commands layer nor commander's private members.
 */
function runsItself(command: Command): boolean {
  return (command as Command & { supports?: unknown }).supports !== undefined;
}

/** Every command a user can run, in the order --help lists them, with its page. */
export function commandPages(program: Command): CommandPage[] {
  const help = program.createHelp();
  const pages: CommandPage[] = [];
  const walk = (parent: Command, path: string[], page: string | null) => {
    for (const command of help.visibleCommands(parent)) {
      if (command.name() === 'help') continue;
      const words = [...path, command.name()];
      // A subcommand of a command that runs itself (history prune) shares its page; a
      // subcommand of a group that only holds others (config init) gets its own.
      const own = page ?? `docs/commands/${words.join('-')}.md`;
      // A group that only holds others (config) has no page of its own: its commands do.
      const runs = runsItself(command);
      if (runs || command.commands.length === 0) pages.push({ path: words, page: own });
      walk(command, words, runs ? own : null);
    }
  };
  walk(program, [], null);
  return pages;
}

const BEGIN = (key: string, what: string) => `<!-- generated: ${key} (${what}; \`npm run docs\` rewrites it, do not edit) -->`;
const END = (key: string) => `<!-- end generated: ${key} -->`;

/** The key of a command's help block: `help balances`, `help config init`; `help` for the program. */
export function helpKey(path: readonly string[]): string {
  return ['help', ...path].join(' ');
}

/** A generated block: the markers and the content between them. */
export function block(key: string, what: string, content: string): string {
  return `${BEGIN(key, what)}\n${content.replace(/\n*$/, '')}\n${END(key)}`;
}

/** A command's help as a Markdown code block. */
export function helpBlock(path: readonly string[], helpText: string): string {
  const command = ['balance-inspector', ...path, '--help'].join(' ');
  return block(helpKey(path), `the output of ${command}`, `\`\`\`text\n$ ${command}\n${helpText.replace(/\n*$/, '')}\n\`\`\``);
}

/** The block with this key in `text`, or null when the page has none. */
export function findBlock(text: string, key: string): string | null {
  const start = text.indexOf(`<!-- generated: ${key} (`);
  if (start < 0) return null;
  const end = text.indexOf(END(key), start);
  return end < 0 ? null : text.slice(start, end + END(key).length);
}

/**
 * `text` with the block for its key replaced; a page without one gets it appended under a
 * "## Usage" heading (first generation), a README without its exit codes is an error.
 */
export function withBlock(text: string, key: string, generated: string): string {
  const current = findBlock(text, key);
  if (current !== null) return text.replace(current, () => generated);
  if (!key.startsWith('help')) throw new Error(`no "${key}" block to replace`);
  const heading = key === 'help' ? '## `balance-inspector --help`' : `## Usage: \`balance-inspector ${key.slice(5)}\``;
  return `${text.replace(/\n*$/, '')}\n\n${heading}\n\n${generated}\n`;
}
