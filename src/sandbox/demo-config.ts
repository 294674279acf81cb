// The config `demo` and `sandbox --write-config` point at the sandbox: each registered provider's
// demo accounts (its emulator/demo.ts), with the sandbox's own keys.
import { basename } from 'node:path';
import { loadEmulators } from './mounts.js';

export async function sandboxAccounts(baseUrl: (provider: string) => string): Promise<Record<string, Record<string, unknown>>> {
  const emulators = await loadEmulators();
  return Object.assign({}, ...emulators.map((e) => e.emulator.demoAccounts(baseUrl(e.id)))) as Record<string, Record<string, unknown>>;
}

/** The demo's valuation settings: an example user rate for NGN, stablecoins pegged. */
export const SANDBOX_VALUATION = { rates: { NGN: '0.00065' }, pegged: ['USDT', 'USDC'] };

export async function sandboxRawConfig(baseUrl: (provider: string) => string): Promise<Record<string, unknown>> {
  return { accounts: await sandboxAccounts(baseUrl), ...SANDBOX_VALUATION };
}

/**
 * The same config as file text. JSON is valid YAML and keeps the values exactly; a YAML file gets
 * a comment header, a .json file none (JSON has no comments). Its history store sits beside it
 * (sandbox.yaml → sandbox-history.db): the sandbox is never recorded in the default store, which
 * is for real money.
 */
export async function sandboxConfigText(baseUrl: (provider: string) => string, path: string): Promise<string> {
  const store = `${basename(path).replace(/\.(ya?ml|json)$/i, '')}-history.db`;
  const json = `${JSON.stringify({ ...(await sandboxRawConfig(baseUrl)), history: { store } }, null, 2)}\n`;
  return path.toLowerCase().endsWith('.json') ? json : `# balance-inspector config for the local sandbox (keys unlock nothing real)\n${json}`;
}
