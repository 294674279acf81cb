// Every command of the program, in the order --help lists them. Registering is light (name,
// arguments, options, help, what it honours of the global flags); each command's implementation
// is loaded, with one import, only when that command runs (src/cli.ts).
import type { Declare } from '../shared/context.js';
import type { Program } from '../shared/supports.js';
import { registerBalances } from './balances.js';
import { registerCanWithdraw } from './can-withdraw.js';
import { registerChanges } from './changes.js';
import { registerCompletion } from './completion.js';
import { registerConfig } from './config.js';
import { registerDemo } from './demo.js';
import { registerHistory } from './history.js';
import { registerSandbox } from './sandbox.js';
import { registerSnapshot } from './snapshot.js';
import { registerTotal } from './total.js';
import { registerWatch } from './watch.js';

export function registerCommands(program: Program, declare: Declare): void {
  registerBalances(program, declare);
  registerTotal(program, declare);
  registerCanWithdraw(program, declare);
  registerWatch(program, declare);
  registerSnapshot(program, declare);
  registerHistory(program, declare);
  registerChanges(program, declare);
  registerSandbox(program, declare);
  registerDemo(program, declare);
  registerConfig(program, declare);
  registerCompletion(program, declare);
}
