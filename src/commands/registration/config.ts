// `config`, `config init` and `config check`: what every start-up registers; the commands
// themselves (../config/init.ts, ../config/check.ts) load when they run.
import { Option } from 'commander';
import { PROVIDER_IDS } from '../../providers/catalog.js';
import { ALL_API_VERSIONS, apiVersionHelp, defaultAccountNames, namesTaking } from '../config/init-choices.js';
import { collect, examples } from '../shared/options.js';
import type { Declare } from '../shared/context.js';
import type { Program } from '../shared/supports.js';

export function registerConfig(program: Program, declare: Declare): void {
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
  registerConfigInit(config, declare);
  registerConfigCheck(config, declare);
}

function registerConfigInit(config: Program, declare: Declare): void {
  const command = config
    .command('init')
    .description('write a starter config (.balancerc.yaml, mode 0600) for one account; asks on a terminal, or takes flags')
    // --provider and --account are also global flags, which commander parses wherever they stand;
    // they are declared here too so this command's --help and completion describe them.
    .option('-p, --provider <id>', `the account's provider (${PROVIDER_IDS.join(', ')})`)
    .option('-a, --account <name>', `the name for the new account (default: from the provider: ${defaultAccountNames()})`)
    .option('--key-env <VAR>', 'environment variable that will hold the API key (default e.g. FLOW_API_KEY); the key itself is never written')
    .option('--wallet <id>', `${namesTaking('wallets')}: a wallet id to read (repeatable, or comma-separated)`, collect)
    .option('--customer <id>', `${namesTaking('customers')}: a customer id to read (repeatable, or comma-separated)`, collect)
    .addOption(new Option('--api-version <version>', `the balance API: ${apiVersionHelp()}`).choices(ALL_API_VERSIONS))
    .option('--declare <id>', 'start a provider this tool does not ship: write a declaration template for it (docs/providers-declared.md)')
    .option('--global', 'write the user config $XDG_CONFIG_HOME/balance-inspector/config.yaml instead of ./.balancerc.yaml')
    .option('--force', 'replace an existing file')
    .addHelpText(
      'after',
      examples([
        'balance-inspector config init                     # asks for everything',
        'balance-inspector config init --provider flow-payments --account flow-main --key-env FLOW_API_KEY',
        'balance-inspector config init --provider swipelux --account treasury --wallet wal_abc123 --global',
        'balance-inspector config init --declare nimbus --account nimbus-main --key-env NIMBUS_KEY',
      ]),
    );
  declare(command, () => import('../config/init.js').then((m) => m.configInitCommand), { formats: ['table'], providers: false });
}

function registerConfigCheck(config: Program, declare: Declare): void {
  const command = config
    .command('check')
    .description(
      'doctor: show which config is used and why, validate it, resolve every ${VAR} and key file (names only, never values), then call each account once',
    )
    .addHelpText(
      'after',
      examples([
        'balance-inspector config check',
        'balance-inspector config check --account flow-main',
        'balance-inspector --config /etc/balance.yaml config check --json',
        'balance-inspector config check --explain nimbus-main    # a declared provider: what its paths find',
      ]),
    )
    .option('--explain <account>', "show what the first page of a declared provider's balance list maps to: records, rows, each field");
  // A report of sections and per-account lists has no honest CSV shape.
  declare(command, () => import('../config/check.js').then((m) => m.configCheckCommand), { formats: ['table', 'json'] });
}
