// `help [command]`, as an ordinary command. commander's implicit help command shows the whole help
// for `help nosuchcmd` (exit 0) instead of naming the typo, and its dispatch is private; this one
// uses public API only: it shows the help of the command path it is given (`help config check`)
// or refuses the first word that names no command, like commander's own "unknown command".
import type { Command } from 'commander';
import { closest } from '../../core/suggest.js';

/** Replace the implicit help command of the program and of each group of commands (`config`). */
export function addHelpCommands(command: Command, isGroup: (command: Command) => boolean): void {
  for (const child of command.commands) addHelpCommands(child, isGroup);
  if (command.commands.length === 0 || !isGroup(command)) return;
  command.helpCommand(false);
  command
    .command('help [command]')
    .description('display help for command')
    // `help config check`: every word after the first is a subcommand of the one before.
    .allowExcessArguments(true)
    .action((_first: unknown, _options: unknown, help: Command) => {
      let target = command;
      for (const word of help.args) {
        const next = target.commands.find((c) => c.name() === word || c.aliases().includes(word));
        if (next === undefined) target.error(`error: unknown command '${word}'${suggestion(word, target)}`, { code: 'commander.unknownCommand' });
        else target = next;
      }
      target.help();
    });
}

/** commander's wording: "(Did you mean balances?)" on a line of its own. */
function suggestion(word: string, parent: Command): string {
  const names = parent
    .createHelp()
    .visibleCommands(parent)
    .map((c) => c.name());
  const similar = closest(word, names);
  if (similar.length === 0) return '';
  return similar.length === 1 ? `\n(Did you mean ${similar[0]}?)` : `\n(Did you mean one of ${similar.join(', ')}?)`;
}
