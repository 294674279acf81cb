// `config init`: write a starter config with one account whose key is read from an environment
// variable. Asks on a terminal, takes flags otherwise; never writes the key, never replaces a file
// without --force, and tells the user what to run next. Loaded when the command runs; its
// registration is registration/config.ts.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { findConfig, globalConfigDir } from '../../config/find.js';
import { parseConfigText } from '../../config/load.js';
import { validateConfig } from '../../config/schema.js';
import { toYaml, writeConfigFile } from '../../config/write.js';
import { UsageError } from '../../core/errors.js';
import { PROVIDERS } from '../../providers/catalog.js';
import type { RunContext } from '../shared/context.js';
import type { GlobalOptions } from '../shared/options.js';
import { booleanOption, listOption, stringOption, type RawOptions } from '../shared/raw-options.js';
import { CLI_OPTION_NAMES } from '../../core/option-names.js';
import { defaultStorePath } from '../../history/store/files.js';
import { createLinePrompter, createTerminalPrompter, type PromptIO } from '../../ui/prompt.js';
import { checkDeclaredId, declaredKeyEnv, declaredTemplate } from './init-declared.js';
import { askMissing, checkGiven, exampleFor, initConfig, missingFlags, withDefaults, type GivenAnswers, type InitAnswers } from './init-answers.js';

export interface InitOptions {
  /**
   * What the flags answered (checked; the rest is asked on a terminal, else an error). --provider
   * and --account come from the global flags, which commander parses wherever they stand.
   */
  given: GivenAnswers;
  /** --global: write the user config under $XDG_CONFIG_HOME instead of ./.balancerc.yaml. */
  global: boolean;
  /** --force: replace an existing file. */
  force: boolean;
  /** --declare <id>: start a provider this tool does not ship, from a declaration template. */
  declare?: string | undefined;
}

/** Where questions are asked; `interactive` false means flags only. */
export interface InitIO extends PromptIO {
  interactive: boolean;
  /** Select lists and checks as you type (a terminal with cursor control), or plain lines (default). */
  engine?: 'terminal' | 'lines';
  /** --config was given: it says where, so the place is not asked. */
  configPathGiven?: boolean;
}

export async function parseInitOptions(
  opts: RawOptions,
  _args: readonly string[],
  globals: Pick<GlobalOptions, 'provider' | 'accounts'>,
): Promise<InitOptions> {
  const given: GivenAnswers = {
    provider: globals.provider,
    account: accountFlag(globals.accounts),
    keyEnv: stringOption(opts, 'keyEnv'),
    // Not given stays undefined (asked for), unlike an empty list.
    wallets: opts.wallet === undefined ? undefined : listOption(opts, 'wallet'),
    customers: opts.customer === undefined ? undefined : listOption(opts, 'customer'),
    apiVersion: stringOption(opts, 'apiVersion'),
  };
  const declare = stringOption(opts, 'declare');
  if (declare !== undefined) {
    checkDeclaredId(declare);
    const extra = [
      given.provider !== undefined && '--provider',
      given.wallets && '--wallet',
      given.customers && '--customer',
      given.apiVersion && '--api-version',
    ].filter(Boolean);
    if (extra.length > 0)
      throw new UsageError(`--declare starts a provider of your own; ${extra.join(', ')} ${extra.length > 1 ? 'are' : 'is'} for built-in providers`);
  }
  checkGiven(given);
  return { given, global: booleanOption(opts, 'global'), force: booleanOption(opts, 'force'), ...(declare !== undefined ? { declare } : {}) };
}

function accountFlag(accounts: string[]): string | undefined {
  if (accounts.length > 1) throw new UsageError(`config init writes one account; got --account ${accounts.join(', ')}`);
  return accounts[0];
}

export async function runConfigInit(ctx: RunContext, options: InitOptions, io?: InitIO): Promise<number> {
  if (options.global && ctx.globals.configPath !== undefined) throw new UsageError('pass either --global or --config <path>, not both');
  if (options.declare !== undefined) return runDeclareInit(ctx, options, options.declare);
  const { answers, global } = await gatherAnswers(options, io ?? processIO(ctx), { local: join(ctx.cwd, '.balancerc.yaml'), user: globalConfigDir(ctx.env) });
  const path = destination(ctx, global, globalConfigDir(ctx.env));
  const raw = initConfig(answers);
  // What we write must be what the loader accepts; a failure here is a bug, before any write.
  validateConfig(raw, path, 'flag');
  writeConfigFile(path, `${HEADER(answers)}${toYaml(raw)}${FOOTER}`, { force: options.force, createDir: global });

  const out: string[] = [`Wrote ${path} (mode 0600) with account '${answers.account}' (${answers.provider}).`];
  out.push(`  ${whereFound(ctx, global, path)}`);
  out.push(`  ${historyWhere(ctx)}`);
  let checkCommand = 'balance-inspector config check';
  if (ctx.globals.configPath !== undefined) checkCommand = `balance-inspector --config ${ctx.globals.configPath} config check`;
  else {
    try {
      const found = findConfig({ cwd: ctx.cwd, env: ctx.env, names: CLI_OPTION_NAMES });
      if (found.path !== path) ctx.output.warn(`${found.path} is found first (${found.reason}); pass --config ${path} or remove it`);
    } catch {
      // Not found from here (e.g. written elsewhere): the --config in the next step covers it.
    }
  }
  out.push('', 'Next:');
  if (ctx.env[answers.keyEnv]) out.push(`  # ${answers.keyEnv} is already set in this shell`);
  else out.push(`  export ${answers.keyEnv}=…    # your ${PROVIDERS[answers.provider].displayName} API key, e.g. from your secret store`);
  out.push(`  ${checkCommand}`);
  out.push(`  ${checkCommand.replace(/ config check$/, ' balances')}`);
  ctx.output.data(`${out.join('\n')}\n`);
  return 0;
}

function historyWhere(ctx: RunContext): string {
  return `History (\`snapshot\`, \`history\`, \`changes\`) is kept in ${defaultStorePath(ctx.env)}; set history.store in the config to move it.`;
}

/** Where the file will be found from, in one line. */
function whereFound(ctx: RunContext, global: boolean, path: string): string {
  if (ctx.globals.configPath !== undefined) return `It is read when given with --config ${ctx.globals.configPath} (or $BALANCE_CONFIG).`;
  if (global) return 'It is the user config: found from any directory that has no .balancerc of its own (cron jobs too, with this HOME).';
  return `It is found from ${dirname(path)} and the directories below it; \`config check\` says which config is used and why.`;
}

/** --declare: the template config, validated as the loader will read it, then written like any other. */
async function runDeclareInit(ctx: RunContext, options: InitOptions, id: string): Promise<number> {
  const path = destination(ctx, options.global, globalConfigDir(ctx.env));
  if (path.toLowerCase().endsWith('.json'))
    throw new UsageError(`--declare writes YAML with a comment on every key to change; give --config a .yaml path, not ${path}`);
  const answers = { id, account: options.given.account ?? id, keyEnv: options.given.keyEnv ?? declaredKeyEnv(id) };
  // The same modeline as every config init writes: editors then check the declaration as it is filled in.
  const text = `# yaml-language-server: $schema=${configSchemaLocation()}\n${declaredTemplate(answers)}`;
  validateConfig(await parseConfigText(path, text), path, 'flag');
  writeConfigFile(path, text, { force: options.force, createDir: options.global });
  const check = ctx.globals.configPath !== undefined ? `balance-inspector --config ${ctx.globals.configPath} config check` : 'balance-inspector config check';
  ctx.output.data(
    [
      `Wrote ${path} (mode 0600) with provider '${id}' declared from a template and account '${answers.account}' using it.`,
      `  ${whereFound(ctx, options.global, path)}`,
      `  ${historyWhere(ctx)}`,
      '',
      'Next:',
      `  edit providers.${id} in ${path}: baseUrl, auth, balances.path and the JSONPaths of your API`,
      ctx.env[answers.keyEnv]
        ? `  # ${answers.keyEnv} is already set in this shell`
        : `  export ${answers.keyEnv}=…    # your ${id} API key, e.g. from your secret store`,
      `  ${check} --explain ${answers.account}    # what the first page maps to, path by path`,
      '',
    ].join('\n'),
  );
  return 0;
}

/** The answers, and whether the file is the user config (--global, or chosen on a terminal). */
async function gatherAnswers(
  options: InitOptions,
  io: InitIO,
  places: { local: string; user: string | null },
): Promise<{ answers: InitAnswers; global: boolean }> {
  // `given` was checked by parseInitOptions; only what is missing is asked.
  const { given } = options;
  const missing = missingFlags(given);
  if (missing.length === 0) return { answers: withDefaults(given), global: options.global };
  if (!io.interactive) {
    throw new UsageError(`config init needs ${missing.join(' and ')} when not run on a terminal`, exampleFor(given.provider));
  }
  const prompter = io.engine === 'terminal' ? await createTerminalPrompter(io) : createLinePrompter(io);
  try {
    const answers = await askMissing(given, prompter);
    // Asked last, and only when no flag said where: the file is the one thing that is written.
    if (options.global || places.user === null || io.configPathGiven) return { answers, global: options.global };
    const place = await prompter.choose({
      label: 'Where should the config go?',
      default: places.local,
      choices: [
        { value: places.local, description: 'this directory and the ones below it' },
        { value: join(places.user, 'config.yaml'), description: 'your user config, found from anywhere' },
      ],
    });
    return { answers, global: place !== places.local };
  } finally {
    prompter.close();
  }
}

function processIO(ctx: RunContext): InitIO {
  const interactive = Boolean(ctx.io.stdin.isTTY);
  // TERM=dumb (an editor's shell buffer) has no cursor control to draw a select list with.
  const engine = ctx.env.TERM === 'dumb' ? 'lines' : 'terminal';
  return {
    input: ctx.io.stdin,
    output: ctx.io.stderr,
    terminal: interactive,
    interactive,
    engine,
    signal: ctx.runtime.signal,
    configPathGiven: ctx.globals.configPath !== undefined,
  };
}

function destination(ctx: RunContext, global: boolean, globalDir: string | null): string {
  if (ctx.globals.configPath !== undefined) return resolve(ctx.cwd, ctx.globals.configPath);
  if (!global) return join(ctx.cwd, '.balancerc.yaml');
  if (globalDir === null) throw new UsageError('cannot tell where the user config goes: set XDG_CONFIG_HOME or HOME');
  return join(globalDir, 'config.yaml');
}

const HEADER = (answers: InitAnswers) => `# yaml-language-server: $schema=${configSchemaLocation()}
# balance-inspector config, written by \`balance-inspector config init\`.
# The API key is not stored here: \${${answers.keyEnv}} is read from the environment on every run.
# More accounts and every option: docs/configuration.md and .balancerc.example.
`;

/**
 * Where editors find the config's JSON Schema: the file this installation ships (the package
 * resolves itself by name through its "exports"), so it matches the version that reads the
 * config; the published URL when the package cannot be found (a bundled copy elsewhere).
 */
function configSchemaLocation(): string {
  try {
    return createRequire(import.meta.url).resolve('balance-inspector/schema/config.v1.json');
  } catch {
    return CONFIG_SCHEMA_URL;
  }
}

const CONFIG_SCHEMA_URL = 'https://raw.githubusercontent.com/balance-inspector/balance-inspector/main/schema/config.v1.json';

const FOOTER = `# pegged: [USDT, USDC]   # value these stablecoins at 1.00 USD when no provider rate exists
`;

export const configInitCommand = { parse: parseInitOptions, run: (ctx: RunContext, options: InitOptions) => runConfigInit(ctx, options) };
