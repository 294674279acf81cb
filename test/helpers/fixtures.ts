// Temp directories with config files, and a sandbox per test file.
import { mkdirSync, mkdtempSync, writeFileSync, chmodSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/server.js';
import { sandboxRawConfig } from '../../src/sandbox/demo-config.js';
import { SANDBOX_KEYS } from '../../src/providers/sandbox-keys.js';

export function tempDir(prefix = 'bi-test-'): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

/** Write a config (JSON, which is also YAML) with mode 0600 unless told otherwise. */
export function writeConfig(dir: string, config: unknown, name = '.balancerc.json', mode = 0o600): string {
  const path = join(dir, name);
  writeFileSync(path, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  chmodSync(path, mode);
  return path;
}

export async function sandboxWithConfig(
  options: SandboxOptions = {},
): Promise<{ sandbox: Sandbox; dir: string; configPath: string; config: Record<string, unknown> }> {
  const sandbox = await startSandbox({ rateLimits: { 'flow-payments': null, cryptofuse: null }, ...options });
  const dir = tempDir();
  const config = await sandboxRawConfig(sandbox.baseUrl);
  return { sandbox, dir, configPath: writeConfig(dir, config), config };
}

/** The variables `configWithReferences` reads, set to the sandbox's keys. */
export const referenceEnv = { FLOW_API_KEY: SANDBOX_KEYS['flow-payments'].apiKey, SYNCPAY_API_KEY: SANDBOX_KEYS.syncpay.apiKey };

/**
 * The sandbox config (from `sandboxWithConfig`) with keys kept out of the file, as people write it:
 * flow-main's and syncpay's from ${FLOW_API_KEY} and ${SYNCPAY_API_KEY}, swipelux's from the key
 * file keys/swipelux (written with this mode); the Cryptofuse accounts keep their literal keys.
 */
export function configWithReferences(dir: string, config: Record<string, unknown>, keyFileMode: number): string {
  const accounts = structuredClone(config.accounts) as Record<string, Record<string, unknown>>;
  accounts['flow-main']!.apiKey = '${FLOW_API_KEY}';
  accounts.syncpay!.apiKey = '${SYNCPAY_API_KEY}';
  delete accounts.swipelux!.apiKey;
  accounts.swipelux!.apiKeyFile = 'keys/swipelux';
  mkdirSync(join(dir, 'keys'), { recursive: true });
  writeFileSync(join(dir, 'keys', 'swipelux'), `${SANDBOX_KEYS.swipelux.apiKey}\n`);
  chmodSync(join(dir, 'keys', 'swipelux'), keyFileMode);
  return writeConfig(dir, { ...config, accounts }, 'refs.json');
}

/** The file planted code writes if it ever runs (see plantConfigJs). */
export const PLANTED_MARKER = 'PWNED';

/**
 * Plant code in `dir` where a config loader could be talked into running it: .config/config.js
 * (a cosmiconfig search place), evil.js (for `$import: './evil.js'`) and a package.json whose
 * `cosmiconfig` key lists both as search places. Whichever runs writes the returned marker file,
 * naming itself in it. Tests assert the marker never appears.
 */
export function plantConfigJs(dir: string): string {
  const marker = join(dir, PLANTED_MARKER);
  const writesMarker = (who: string) => `require('fs').writeFileSync(${JSON.stringify(marker)}, ${JSON.stringify(who)})`;
  mkdirSync(join(dir, '.config'), { recursive: true });
  writeFileSync(join(dir, '.config', 'config.js'), writesMarker('.config/config.js'));
  writeFileSync(join(dir, 'evil.js'), writesMarker('evil.js'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ cosmiconfig: { searchPlaces: ['.config/config.js', 'evil.js'] } }));
  return marker;
}
