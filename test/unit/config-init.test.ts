// `config init` without a terminal: the questions with injected streams, the YAML it writes read
// back by the real loader, and the atomic owner-only write.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { askMissing, initConfig, withDefaults, type GivenAnswers } from '../../src/commands/config/init-answers.js';
import { runConfigInit } from '../../src/commands/config/init.js';
import type { RunContext } from '../../src/commands/shared/context.js';
import { loadConfigFile } from '../../src/config/load.js';
import { validateConfig } from '../../src/config/schema.js';
import { toYaml, writeConfigFile, yamlScalar } from '../../src/config/write.js';
import { UsageError } from '../../src/core/errors.js';
import { createOutput } from '../../src/ui/output.js';
import { createLinePrompter } from '../../src/ui/prompt.js';
import { testIO } from '../helpers/cli.js';
import { tempDir } from '../helpers/fixtures.js';
import { Redactor } from '../../src/core/secrets.js';
import { createRuntime } from '../../src/http/runtime.js';

/** A prompter fed these lines (all at once, like a pipe), and everything it printed. */
function scripted(lines: string[]) {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d: Buffer) => (printed += d.toString()));
  input.end(lines.map((l) => `${l}\n`).join(''));
  // Made on first use only: a second reader of `input` (runConfigInit's own) would race it for lines.
  let prompter: ReturnType<typeof createLinePrompter> | undefined;
  return {
    get prompter() {
      return (prompter ??= createLinePrompter({ input, output }));
    },
    input,
    output,
    printed: () => printed,
  };
}

async function ask(given: GivenAnswers, lines: string[]) {
  const io = scripted(lines);
  try {
    return { answers: await askMissing(given, io.prompter), printed: io.printed() };
  } finally {
    io.prompter.close();
  }
}

function streamText() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

function context(cwd: string, env: NodeJS.ProcessEnv = {}) {
  const stdout = streamText();
  const stderr = streamText();
  const runtime = createRuntime();
  const now = () => new Date('2026-11-21T10:00:00Z');
  const ctx: RunContext = {
    globals: {
      configPath: undefined,
      accounts: [],
      provider: undefined,
      format: 'table',
      color: false,
      quiet: false,
      debug: false,
      timeoutMs: undefined,
      maxAgeMs: undefined,
      cache: true,
    },
    output: createOutput({ redact: new Redactor().redact, format: 'table', color: false, env: {}, stdout: stdout.stream, stderr: stderr.stream }),
    env,
    cwd,
    runtime,
    now,
    io: { ...testIO({ env: {}, cwd, now }).io, env, stdout: stdout.stream, stderr: stderr.stream },
  };
  return { ctx, stdout: stdout.text, stderr: stderr.text };
}

describe('config init questions', () => {
  it('asks for everything no flag gave, offers defaults, and asks again after a bad answer', async () => {
    const { answers, printed } = await ask({}, ['9', '2', 'bad name!', '', 'lower-case', '']);
    expect(printed).toContain('  1) flow-payments  Flow Payments\n');
    expect(printed).toContain("  '9' is not one of flow-payments, syncpay, bachs, swipelux, cryptofuse\n");
    expect(printed).toContain("'bad name!' is not a valid account name");
    expect(printed).toContain('Account name [syncpay]: ');
    expect(printed).toContain("'lower-case' is not an environment variable name");
    expect(answers).toEqual({ provider: 'syncpay', account: 'syncpay', keyEnv: 'SYNCPAY_API_KEY', wallets: [], customers: [], apiVersion: null });
  });

  it('asks Swipelux for ids; none at all reads every customer', async () => {
    const { answers, printed } = await ask({ provider: 'swipelux', account: 'treasury' }, ['TREASURY_KEY', '', '', 'cus_1, biz_2']);
    expect(printed).toContain('empty reads every customer');
    expect(answers).toMatchObject({ keyEnv: 'TREASURY_KEY', apiVersion: null, wallets: [], customers: ['cus_1', 'biz_2'] });
    const none = await ask({ provider: 'swipelux', account: 'treasury' }, ['TREASURY_KEY', '', '', '']);
    expect(none.answers).toMatchObject({ wallets: [], customers: [] });
  });

  it('asks Cryptofuse for the API version (default v3) and optional wallets', async () => {
    const { answers } = await ask({ provider: 'cryptofuse', account: 'casino', keyEnv: 'CF_KEY' }, ['v4', '', 'w1,w2']);
    expect(answers).toMatchObject({ apiVersion: 'v3', wallets: ['w1', 'w2'] });
  });

  it('input that ends before every answer is a usage error', async () => {
    const error = await ask({}, ['flow-payments']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe('input ended before "Account name" was answered; nothing was written');
  });
});

describe('the written config', () => {
  it('reads back through the real loader and validator, for every provider', async () => {
    const dir = tempDir();
    const cases: GivenAnswers[] = [
      { provider: 'flow-payments', account: 'flow-main' },
      { provider: 'syncpay', account: '1.0', keyEnv: 'SP_KEY' },
      { provider: 'swipelux', account: 'true', wallets: ['wal_abc123'], customers: ['cus_1'] },
      { provider: 'cryptofuse', account: 'casino', wallets: ['550e8400-e29b-41d4-a716-446655440000'], apiVersion: 'v2' },
    ];
    for (const [i, given] of cases.entries()) {
      const raw = initConfig(withDefaults(given));
      const path = join(dir, `c${i}.yaml`);
      writeFileSync(path, toYaml(raw));
      const config = validateConfig(await loadConfigFile(path), path, 'flag');
      expect(config.accounts.map((a) => [a.name, a.provider, a.secrets.apiKey])).toEqual([
        [given.account, given.provider, raw.accounts[given.account ?? '']?.apiKey],
      ]);
    }
  });

  it('quotes scalars YAML would otherwise read as something else', () => {
    expect(['flow', '1.0', 'true', 'Null', '${FLOW_API_KEY}', 'a b', '550e8400-e29b'].map(yamlScalar)).toEqual([
      'flow',
      '"1.0"',
      '"true"',
      '"Null"',
      '${FLOW_API_KEY}',
      '"a b"',
      '"550e8400-e29b"',
    ]);
  });
});

describe('writeConfigFile', () => {
  it('writes mode 0600 even under a permissive umask, leaves no temp file, and refuses to replace without force', () => {
    const dir = tempDir();
    const path = join(dir, '.balancerc.yaml');
    const previous = process.umask(0o000);
    try {
      writeConfigFile(path, 'a: "1"\n', { force: false });
    } finally {
      process.umask(previous);
    }
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(() => writeConfigFile(path, 'b: "2"\n', { force: false })).toThrow(/already exists; nothing was written/);
    expect(readFileSync(path, 'utf8')).toBe('a: "1"\n');
    writeConfigFile(path, 'b: "2"\n', { force: true });
    expect(readFileSync(path, 'utf8')).toBe('b: "2"\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['.balancerc.yaml']);
  });

  it('creates the user config directory 0700 when asked; a missing directory is otherwise a clear error', () => {
    const dir = tempDir();
    writeConfigFile(join(dir, 'xdg', 'balance', 'config.yaml'), 'a: "1"\n', { force: false, createDir: true });
    expect(statSync(join(dir, 'xdg', 'balance')).mode & 0o777).toBe(0o700);
    expect(() => writeConfigFile(join(dir, 'nope', 'x.yaml'), 'a: "1"\n', { force: false })).toThrow(
      `cannot write ${join(dir, 'nope', 'x.yaml')}: the directory ${join(dir, 'nope')} does not exist; nothing was written`,
    );
    expect(existsSync(join(dir, 'nope'))).toBe(false);
  });
});

describe('runConfigInit on a (simulated) terminal', () => {
  it('asks, writes a file the loader accepts and prints the next commands', async () => {
    const dir = tempDir();
    const { ctx, stdout } = context(dir, { FLOW_API_KEY: 'already-set-value-123', HOME: join(dir, 'home') });
    const io = scripted(['1', 'flow-main', '', '']);
    const code = await runConfigInit(ctx, { given: {}, global: false, force: false }, { input: io.input, output: io.output, interactive: true });
    expect(code).toBe(0);
    const path = join(dir, '.balancerc.yaml');
    expect(io.printed()).toContain(`Where should the config go? (1-2 or name) [${path}]: `);
    expect(stdout()).toBe(
      [
        `Wrote ${path} (mode 0600) with account 'flow-main' (flow-payments).`,
        `  It is found from ${dir} and the directories below it; \`config check\` says which config is used and why.`,
        `  History (\`snapshot\`, \`history\`, \`changes\`) is kept in ${join(dir, 'home', '.local/share/balance-inspector/history.db')}; set history.store in the config to move it.`,
        '',
        'Next:',
        '  # FLOW_API_KEY is already set in this shell',
        '  balance-inspector config check',
        '  balance-inspector balances',
        '',
      ].join('\n'),
    );
    expect(stdout()).not.toContain('already-set-value-123');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('apiKey: ${FLOW_API_KEY}');
    expect(text).not.toContain('already-set-value-123');
    const config = validateConfig(await loadConfigFile(path), path, 'search');
    expect(config.accounts[0]?.secrets).toEqual({ apiKey: '${FLOW_API_KEY}' });
  });

  it('the place is the last question: the user config is created 0700 under the new folder name', async () => {
    const dir = tempDir();
    const home = join(dir, 'home');
    const { ctx, stdout } = context(dir, { HOME: home });
    const io = scripted(['syncpay', 'payouts', 'PAY_KEY', '2']);
    expect(await runConfigInit(ctx, { given: {}, global: false, force: false }, { input: io.input, output: io.output, interactive: true })).toBe(0);
    const path = join(home, '.config', 'balance-inspector', 'config.yaml');
    expect(io.printed()).toMatch(new RegExp(`  2\\) ${path} +your user config, found from anywhere\\n`));
    expect(statSync(join(home, '.config', 'balance-inspector')).mode & 0o777).toBe(0o700);
    expect(stdout()).toContain(`Wrote ${path} (mode 0600) with account 'payouts' (syncpay).\n  It is the user config: found from any directory`);
    expect(stdout()).toContain('  export PAY_KEY=…    # your SyncPay API key');
    expect(readdirSync(dir)).toEqual(['home']);
  });

  it('without a terminal, names the missing flags and writes nothing', async () => {
    const dir = tempDir();
    const { ctx } = context(dir);
    const io = scripted([]);
    const error = await runConfigInit(ctx, { given: {}, global: false, force: false }, { input: io.input, output: io.output, interactive: false }).catch(
      (e: unknown) => e,
    );
    expect((error as UsageError).message).toBe('config init needs --provider when not run on a terminal');
    expect(readdirSync(dir)).toEqual([]);
  });
});
