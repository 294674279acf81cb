// `config check --explain ACCOUNT`: one request for the first page of a declared provider's
// balance list and what each path of its declaration finds there, text or --json; exit 6 when any
// path cannot be read. Loaded by check.ts only when --explain is given.
import { explainAccount, type AccountExplanation } from '../../api/explain.js';
import { loadConfig } from '../../config/index.js';
import { CLI_OPTION_NAMES } from '../../core/option-names.js';
import { stringifyOutputJson } from '../../core/json.js';
import { explainText } from '../../format/explain.js';
import type { RunContext } from '../shared/context.js';
import { render, type Renderers } from '../shared/render.js';

export async function runExplain(ctx: RunContext, account: string): Promise<number> {
  const config = await loadConfig({ configPath: ctx.globals.configPath, cwd: ctx.cwd, env: ctx.env, names: CLI_OPTION_NAMES });
  const explained = await explainAccount(config, account, {
    runtime: ctx.runtime,
    env: ctx.env,
    timeoutMs: ctx.globals.timeoutMs,
    debug: ctx.globals.debug ? (line: string) => ctx.output.debug(line) : undefined,
  });
  const ok = explained.problems.length === 0 && !explained.paging.startsWith('incomplete');
  await render(ctx.output, RENDER, { explained, ok, generatedAt: ctx.now() });
  return ok ? 0 : 6;
}

// The same formats as the doctor's report (registration/config.ts declares them for both).
const RENDER = {
  table: ({ explained }, output) => output.data(explainText(explained)),
  json: ({ explained, ok, generatedAt }, output) =>
    output.data(`${stringifyOutputJson({ schemaVersion: 1, generatedAt: generatedAt.toISOString(), ok, ...explained })}\n`),
} satisfies Renderers<{ explained: AccountExplanation; ok: boolean; generatedAt: Date }>;
