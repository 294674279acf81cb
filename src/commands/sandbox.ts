// `sandbox`: serve the loopback emulator of the providers' balance APIs until interrupted. Loaded
// when the command runs; its registration is registration/sandbox.ts.
import { closeSync, lstatSync, openSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { UsageError, type BalanceError } from '../core/errors.js';
import { nameTaken, writeFileAtomic } from '../core/safe-file.js';
import { PROVIDER_IDS } from '../providers/catalog.js';
import { sandboxConfigText } from '../sandbox/demo-config.js';
import { parseScenario, type ScenarioSpec } from '../sandbox/scenario.js';
import { startSandbox } from '../sandbox/server.js';
import type { RunContext } from './shared/context.js';
import { durationFlag } from './shared/options.js';
import { LONGEST_TIMER_MS } from '../core/duration.js';
import { booleanOption, stringOption, type RawOptions } from './shared/raw-options.js';

export interface SandboxOptions {
  /** --port on 127.0.0.1 (0-65535); 0 = a free one, chosen by the system. */
  port: number;
  /** --latency added to every response, in ms (0 allowed; default 0). */
  latencyMs: number;
  /** false with --no-rate-limit: the documented rate limits are not enforced. */
  rateLimit: boolean;
  /** --write-config: where to write a config pointing at this sandbox (mode 0600); null = none. */
  writeConfig: string | null;
  /** --force: let --write-config replace an existing file (only with --write-config). */
  force: boolean;
  /** --scenario: how balances change over time; undefined = they never change. */
  scenario: ScenarioSpec | undefined;
}

export async function parseSandboxOptions(opts: RawOptions): Promise<SandboxOptions> {
  const portText = stringOption(opts, 'port');
  // Digits only: Number() would also take "", " ", "0x50" and "1e3".
  const port = portText === undefined ? 0 : /^\s*[0-9]{1,5}\s*$/.test(portText) ? Number(portText) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`--port "${portText}" is not a port number (0-65535)`);
  // A delay is a timer: at most 24 days.
  const latencyMs = durationFlag('--latency', stringOption(opts, 'latency'), { zero: true, max: LONGEST_TIMER_MS }) ?? 0;
  const scenarioText = stringOption(opts, 'scenario');
  const scenario = scenarioText === undefined ? undefined : parseScenario(scenarioText);
  if (scenario === null)
    throw new UsageError(`--scenario "${scenarioText}" is not a scenario; expected settle, settle:<requests>, settle:<duration> or ticker`);
  const writeConfig = stringOption(opts, 'writeConfig') ?? null;
  const force = booleanOption(opts, 'force');
  if (force && writeConfig === null) throw new UsageError('--force only applies to --write-config <path>');
  return { port, latencyMs, rateLimit: booleanOption(opts, 'rateLimit', true), writeConfig, force, scenario };
}

export async function runSandbox(ctx: RunContext, options: SandboxOptions): Promise<number> {
  const { port, latencyMs, scenario, writeConfig: configPath } = options;
  const rateLimits = options.rateLimit ? undefined : Object.fromEntries(PROVIDER_IDS.map((id) => [id, null]));
  // Claim the config file first: a bad path is refused before anything starts listening.
  const claimed = configPath !== null && claimConfigFile(configPath, options.force);
  const sandbox = await startSandbox({ port, latencyMs, ...(rateLimits ? { rateLimits } : {}), ...(scenario ? { scenario } : {}) }).catch(
    async (error: NodeJS.ErrnoException) => {
      // Only a name we claimed is removed: with --force an old file stays as it was.
      if (claimed && configPath !== null) await unlink(configPath);
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
        const why = error.code === 'EADDRINUSE' ? 'is already in use' : 'needs privileges';
        throw new UsageError(`port ${port} on 127.0.0.1 ${why}`, 'pick another with --port, or leave it out for a free one');
      }
      throw error;
    },
  );
  ctx.output.error(`Sandbox listening on ${sandbox.url} (loopback only). Press Ctrl+C to stop.`);
  if (configPath !== null) {
    // Atomic over the claimed empty file (or, with --force, the old one): a reader waiting for it
    // sees all of the config or none, the old mode never carries over, a symlink is replaced.
    writeFileAtomic(configPath, await sandboxConfigText(sandbox.baseUrl, configPath), { replace: true });
    ctx.output.error(`Wrote ${configPath}; try: balance-inspector --config ${configPath} balances`);
  } else {
    ctx.output.error('Add --write-config <path> to get a config whose accounts point here.');
  }
  await new Promise<void>((resolve) => ctx.runtime.signal.addEventListener('abort', () => resolve(), { once: true }));
  await sandbox.close();
  return (ctx.runtime.signal.reason as BalanceError).exitCode;
}

/**
 * Claim the config file's name (an empty 0600 file, never over an existing one), or say exactly why
 * it cannot be. With --force an existing file is kept until the new one replaces it atomically.
 */
function claimConfigFile(path: string, force: boolean): boolean {
  try {
    if (force) {
      if (lstatSync(path, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
      if (nameTaken(path)) return false;
    }
    closeSync(openSync(path, 'wx', 0o600));
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EEXIST'
        ? 'it already exists'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'ENOENT'
            ? 'its folder does not exist'
            : code === 'EACCES'
              ? 'permission denied'
              : (code ?? 'write failed');
    throw new UsageError(
      `--write-config ${path}: cannot create the file: ${why}`,
      code === 'EEXIST' ? 'add --force to replace it, or give another path' : undefined,
    );
  }
}

export const sandboxCommand = { parse: parseSandboxOptions, run: runSandbox };
