// `config check --explain ACCOUNT`, as data: the account's declared provider asked for the first
// page of its balance list, and what each path of the declaration makes of it (the provider's
// adapter does the work: providers/declared/explain.ts). Credentials are resolved and registered
// with the run's redactor like for any read, and the request goes through the read pipeline's
// HTTP settings and budget (api/read.ts).
import { resolveAccounts, selectAccounts } from '../config/index.js';
import type { Config } from '../config/types.js';
import { UsageError } from '../core/errors.js';
import type { Runtime } from '../http/runtime.js';
import type { Explanation } from '../providers/kit/adapter.js';
import { explainRead } from './read.js';

export interface ExplainOptions {
  runtime: Runtime;
  env: NodeJS.ProcessEnv;
  timeoutMs?: number | undefined;
  debug?: ((line: string) => void) | undefined;
}

export interface AccountExplanation extends Explanation {
  account: string;
  provider: string;
}

export async function explainAccount(config: Config, name: string, options: ExplainOptions): Promise<AccountExplanation> {
  const [account] = selectAccounts(config, { accounts: [name] });
  if (!account) throw new UsageError(`unknown account '${name}'`);
  const entry = config.providers.entry(account.provider);
  if (entry.declaration === null) {
    throw new UsageError(
      `--explain shows what a declared provider's paths find; account '${name}' uses the built-in provider ${account.provider}`,
      'declare a provider under providers: and point an account at it (docs/providers-declared.md)',
    );
  }
  const [resolved] = resolveAccounts(config, [account], options.env, options.runtime.redactor);
  const explanation = resolved
    ? await explainRead(resolved, {
        providers: config.providers,
        runtime: options.runtime,
        budgetMs: options.timeoutMs,
        env: options.env,
        hooks: { debug: options.debug },
      })
    : undefined;
  if (!explanation) throw new UsageError(`account '${name}' cannot be explained`);
  return { account: name, provider: account.provider, ...explanation };
}
