// The JSON fast path of src/config/load.ts (no cosmiconfig) must read files exactly as the
// cosmiconfig path did, and the YAML path must stay as safe as before.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load.js';
import { plantConfigJs, tempDir, writeConfig } from '../helpers/fixtures.js';

const body = { accounts: { a: { provider: 'syncpay', apiKey: 'k', limit: 0.123456789012345678 } }, rates: { NGN: '0.00065' } };

describe('loadConfigFile', () => {
  it('reads the same data from JSON (direct) and YAML (cosmiconfig)', async () => {
    const dir = tempDir();
    const json = await loadConfigFile(writeConfig(dir, body, 'c.json'));
    const yaml = await loadConfigFile(writeConfig(dir, body, 'c.yaml'));
    expect(json).toEqual(yaml);
    expect(json).toEqual(JSON.parse(JSON.stringify(body)));
  });

  it('treats a whitespace-only file as no config, as cosmiconfig does', async () => {
    const dir = tempDir();
    expect(await loadConfigFile(writeConfig(dir, ' \n\t\n', 'c.json'))).toBeNull();
    expect(await loadConfigFile(writeConfig(dir, ' \n\t\n', 'c.yaml'))).toBeNull();
  });

  it('keeps cosmiconfig\'s rule for package.json: only its "balance" key is the config', async () => {
    const dir = tempDir();
    const path = writeConfig(dir, { name: 'x', balance: body }, 'package.json');
    expect(await loadConfigFile(path)).toEqual(JSON.parse(JSON.stringify(body)));
  });

  it('refuses $import in JSON and YAML and runs no planted code in the working directory', async () => {
    const dir = tempDir();
    const marker = plantConfigJs(dir);
    const previous = process.cwd();
    process.chdir(dir);
    try {
      for (const name of ['c.json', 'c.yaml', '.balancerc']) {
        const path = writeConfig(dir, { $import: './evil.js', ...body }, name);
        await expect(loadConfigFile(path)).rejects.toThrow('$import is not supported');
      }
      expect(await loadConfigFile(writeConfig(dir, body, 'ok.yaml'))).toEqual(JSON.parse(JSON.stringify(body)));
    } finally {
      process.chdir(previous);
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('reports unreadable and duplicate-key JSON like before', async () => {
    const dir = tempDir();
    await expect(loadConfigFile(join(dir, 'missing.json'))).rejects.toThrow(/cannot read config .*missing\.json: no such file/);
    const dup = writeConfig(dir, '{"accounts": {}, "accounts": {"a": {}}}', 'dup.json');
    await expect(loadConfigFile(dup)).rejects.toThrow(/^invalid JSON in .*dup\.json:1:\d+: Duplicate key 'accounts'/);
  });
});
