// `config`: the group for `config init` (write a starter config) and `config check` (the doctor).
import type { Command } from 'commander';
import { examples } from '../shared/options.js';
import type { Runner } from '../shared/context.js';
import { registerConfigCheck } from './check.js';
import { registerConfigInit } from './init.js';

export function registerConfig(program: Command, run: Runner): void {
  const config = program
    .command('config')
    .description('create a config (init) or check the one in use, its credentials and every account (check)')
    .addHelpText(
      'after',
      examples([
        'balance-inspector config init',
        'balance-inspector config init --provider syncpay --account payouts --key-env SYNCPAY_API_KEY',
        'balance-inspector config check',
        'balance-inspector config check --json',
      ]),
    );
  registerConfigInit(config, run);
  registerConfigCheck(config, run);
}
