// Temp directories with config files, and a sandbox per test file.
import { mkdtempSync, writeFileSync, chmodSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/server.js';
import { sandboxRawConfig } from '../../src/sandbox/demo-config.js';

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

export async function sandboxWithConfig(options: SandboxOptions = {}): Promise<{ sandbox: Sandbox; dir: string; configPath: string; config: Record<string, unknown> }> {
  const sandbox = await startSandbox({ rateLimits: { 'flow-payments': null, cryptofuse: null }, ...options });
  const dir = tempDir();
  const config = sandboxRawConfig(sandbox.baseUrl);
  return { sandbox, dir, configPath: writeConfig(dir, config), config };
}
