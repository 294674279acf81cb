// `config check`, the doctor: which config file is used and why, is it valid, can every
// account's credentials be resolved (names only, never values), and does one call to each
// account work. Exits like any other command: 0 when all is well, else the lowest failing code.
// Loaded when the command runs; its registration is registration/config.ts.
import * as doctor from '../../api/doctor.js';
import type { AccountCheck, ConfigCheck, CredentialCheck, DoctorReport } from '../../api/doctor.js';
import { readAccounts } from '../../api/read.js';
import { findConfig, resolveAccounts, selectAccounts, validateConfig } from '../../config/index.js';
import { loadConfigFile } from '../../config/load.js';
import { checkConfigFilePermissions } from '../../config/resolve.js';
import type { Config, ResolvedAccount } from '../../config/types.js';
import type { AccountOutcome } from '../../core/account.js';
import { describeDecision, proxyFor } from '../../http/proxy.js';
import { describeRetry } from '../../http/client.js';
import { doctorJson } from '../../format/doctor.js';
import { startProgress } from '../../ui/spinner.js';
import type { RunContext } from '../shared/context.js';
import { stringOption, type RawOptions } from '../shared/raw-options.js';
import { render, type Renderers } from '../shared/render.js';
import { CLI_OPTION_NAMES } from '../../core/option-names.js';

export interface CheckOptions {
  /** --explain: the account whose declared provider's first page is shown, path by path. */
  explain?: string | undefined;
}

export function parseCheckOptions(opts: RawOptions): CheckOptions {
  return { explain: stringOption(opts, 'explain') };
}

export async function runConfigCheck(ctx: RunContext, options: CheckOptions = {}): Promise<number> {
  // On demand: only --explain loads the declared provider's explanation and its text.
  if (options.explain !== undefined) return (await import('./check-explain.js')).runExplain(ctx, options.explain);
  const report = await diagnose(ctx);
  await render(ctx.output, RENDER, { report, generatedAt: ctx.now() });
  return report.exitCode;
}

// A report of sections and per-account lists has no honest CSV shape.
const RENDER = {
  // On demand: the doctor's text (string-width, cell fitting) stays out of --json runs.
  table: async ({ report }, output) => output.data((await import('../../format/doctor-table.js')).doctorText(report, output.tableStyle())),
  json: ({ report, generatedAt }, output) => output.data(doctorJson(report, generatedAt)),
} satisfies Renderers<{ report: DoctorReport; generatedAt: Date }>;

async function diagnose(ctx: RunContext): Promise<DoctorReport> {
  const config: ConfigCheck = { path: null, origin: null, reason: null, mode: null, accounts: null, error: null };
  let loaded: Config;
  try {
    const found = findConfig({ explicitPath: ctx.globals.configPath, cwd: ctx.cwd, env: ctx.env, names: CLI_OPTION_NAMES });
    Object.assign(config, { path: found.path, origin: found.origin, reason: found.reason, mode: doctor.fileMode(found.path) });
    for (const line of found.strays) ctx.output.warn(line);
    loaded = validateConfig(await loadConfigFile(found.path), found.path, found.origin);
    config.accounts = loaded.accounts.length;
    checkConfigFilePermissions(loaded);
  } catch (error) {
    config.error = doctor.problemJson(error);
    return { config, accounts: [], exitCode: config.error.exitCode };
  }

  // One account at a time, so an unset variable in one does not hide the problems of the others.
  const selected = selectAccounts(loaded, { accounts: ctx.globals.accounts, provider: ctx.globals.provider, names: CLI_OPTION_NAMES });
  const checks = new Map<string, AccountCheck>();
  const credentials = new Map<string, CredentialCheck[]>();
  const resolved: ResolvedAccount[] = [];
  for (const account of selected) {
    try {
      resolved.push(...resolveAccounts(loaded, [account], ctx.env, ctx.runtime.redactor));
      credentials.set(account.name, doctor.inspectCredentials(loaded, account, ctx.env));
    } catch (error) {
      checks.set(account.name, doctor.notCalled(account, doctor.inspectCredentials(loaded, account, ctx.env), error));
    }
  }
  for (const outcome of await callOnce(ctx, loaded, resolved)) {
    const account = resolved.find((a) => a.name === outcome.account);
    if (account) checks.set(account.name, doctor.fromOutcome(account, credentials.get(account.name) ?? [], outcome, loaded.providers.info(account.provider)));
  }
  const accounts = selected.map((a) => checks.get(a.name)).filter((c): c is AccountCheck => c !== undefined);
  return { config, accounts, exitCode: doctor.reportExitCode(config, accounts), routes: await proxyRoutes(loaded, selected, ctx.env) };
}

/** Which proxy each account's requests use, shown only when a proxy variable is set at all. */
async function proxyRoutes(config: Config, accounts: Config['accounts'], env: NodeJS.ProcessEnv): Promise<DoctorReport['routes']> {
  const names = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
  if (!names.some((name) => env[name]?.trim())) return undefined;
  return accounts.map((a) => {
    try {
      const decision = proxyFor(new URL(a.baseUrl ?? config.providers.info(a.provider).defaultBaseUrl), env);
      const proxy =
        decision.kind === 'proxy'
          ? { used: true, url: decision.proxy.display, variable: decision.proxy.variable, reason: null, error: null }
          : { used: false, url: null, variable: null, reason: decision.why, error: null };
      return { account: a.name, route: describeDecision(decision), proxy };
    } catch (error) {
      // The message names the variable, never its value (which may hold a password).
      const message = (error as Error).message;
      return { account: a.name, route: `not called: ${message}`, proxy: { used: false, url: null, variable: null, reason: 'invalid', error: message } };
    }
  });
}

/** The same read pipeline every listing command uses, with progress on a terminal. */
async function callOnce(ctx: RunContext, config: Config, accounts: ResolvedAccount[]): Promise<AccountOutcome[]> {
  if (accounts.length === 0) return [];
  const progress = await startProgress(ctx.output, `Checking accounts: 0/${accounts.length}`, ctx.env);
  try {
    const { outcomes } = await readAccounts({
      accounts,
      providers: config.providers,
      runtime: ctx.runtime,
      // --timeout is the whole check's budget, as for every command.
      budgetMs: ctx.globals.timeoutMs,
      env: ctx.env,
      includeZero: true,
      cache: { use: 'off' },
      withdrawalRules: false,
      hooks: {
        onProgress: (done, total) => progress.update(`Checking accounts: ${done}/${total}`),
        onRetry: (notice) => progress.note(describeRetry(notice)),
        debug: ctx.globals.debug ? (line: string) => ctx.output.debug(line) : undefined,
      },
    });
    for (const notice of outcomes.flatMap((o) => o.notices)) ctx.output.info(notice);
    return outcomes;
  } finally {
    progress.stop();
  }
}

export const configCheckCommand = { parse: parseCheckOptions, run: runConfigCheck, prints: RENDER };
