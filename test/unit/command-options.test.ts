// Each command's options are parsed once, from commander's raw values, into a typed object (issue
// 12). These pin the usage errors (exit 2) of bad values and conflicting flags, the defaults, and
// that run functions take the typed object instead of commander's record.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { ExitCode } from '../../src/core/errors.js';
import { parseBalancesOptions, runBalances, type BalancesOptions } from '../../src/commands/balances.js';
import { parseCanWithdrawOptions, runCanWithdraw, type CanWithdrawOptions } from '../../src/commands/can-withdraw.js';
import { parseChangesOptions, runChanges, type ChangesOptions } from '../../src/commands/changes.js';
import { parseCompletionOptions } from '../../src/commands/completion.js';
import { parseInitOptions } from '../../src/commands/config/init.js';
import { parseHistoryOptions, runHistory, type HistoryOptions } from '../../src/commands/history.js';
import { parsePruneOptions, runPrune, type PruneOptions } from '../../src/commands/history-store.js';
import { parseSandboxOptions, runSandbox, type SandboxOptions } from '../../src/commands/sandbox.js';
import { parseSnapshotOptions, runSnapshot, type SnapshotOptions } from '../../src/commands/snapshot.js';
import { parseTotalOptions, runTotal, type TotalOptions } from '../../src/commands/total.js';
import { parseWatchFlags, runWatch } from '../../src/commands/watch.js';
import type { WatchOptions } from '../../src/watch/options.js';
import type { GlobalOptions } from '../../src/commands/shared/options.js';
import type { Declare } from '../../src/commands/shared/context.js';
import { Program } from '../../src/commands/shared/supports.js';
import { booleanOption, choiceOption, listOption, requiredStringOption, stringOption } from '../../src/commands/shared/raw-options.js';

const NOW = new Date('2026-11-21T10:00:00.000Z');
const GLOBALS: GlobalOptions = {
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
};

/** The usage error a parse throws (sync or async), as [exit code, message]. */
async function refusal(parse: () => unknown): Promise<[number, string]> {
  const error = await Promise.resolve()
    .then(parse)
    .then(
      () => null,
      (e: unknown) => e,
    );
  if (!(error instanceof UsageError)) throw new Error(`expected a UsageError, got ${String(error)}`);
  return [error.exitCode, error.message];
}

describe('raw option readers', () => {
  it('read what commander yields and default what was not given', () => {
    const opts = { store: 'h.db', force: true, rateLimit: false, currency: ['USDT', 'ETH'], by: 'day' };
    expect(stringOption(opts, 'store')).toBe('h.db');
    expect(stringOption(opts, 'missing')).toBeUndefined();
    expect(requiredStringOption(opts, 'store')).toBe('h.db');
    expect([
      booleanOption(opts, 'force'),
      booleanOption(opts, 'missing'),
      booleanOption(opts, 'rateLimit', true),
      booleanOption({}, 'rateLimit', true),
    ]).toEqual([true, false, false, true]);
    expect([listOption(opts, 'currency'), listOption(opts, 'missing')]).toEqual([['USDT', 'ETH'], []]);
    expect(choiceOption(opts, 'by', '--by', ['hour', 'day'] as const)).toBe('day');
    expect(choiceOption({}, 'by', '--by', ['hour', 'day'] as const)).toBeUndefined();
  });

  it('a value of the wrong type is a bug in a declaration (not a usage error)', () => {
    expect(() => stringOption({ port: 8080 }, 'port')).toThrow(TypeError);
    expect(() => booleanOption({ force: 'yes' }, 'force')).toThrow(TypeError);
    expect(() => listOption({ currency: 'USDT' }, 'currency')).toThrow(TypeError);
    expect(() => listOption({ currency: ['USDT', 1] }, 'currency')).toThrow(TypeError);
    expect(() => requiredStringOption({}, 'since')).toThrow(TypeError);
  });

  it('a word outside the choices is a usage error naming the flag', async () => {
    expect(await refusal(() => choiceOption({ by: 'month' }, 'by', '--by', ['hour', 'day', 'week'] as const))).toEqual([
      ExitCode.usage,
      '--by "month" is not one of hour, day, week',
    ]);
  });
});

describe('balances, snapshot, total', () => {
  it('balances and snapshot default to every currency', () => {
    expect(parseBalancesOptions({})).toEqual({ currencies: [], hideZero: false });
    expect(parseBalancesOptions({ currency: ['USDT'], hideZero: true })).toEqual({ currencies: ['USDT'], hideZero: true });
    expect(parseSnapshotOptions({ store: 'postgres://ops@db/treasury' })).toEqual({ currencies: [], store: 'postgres://ops@db/treasury' });
  });

  it('total parses --tolerance once, exactly', async () => {
    const options = await parseTotalOptions({ by: 'account', tolerance: '0.5%', strict: true });
    expect([options.by, options.tolerance.toString(), options.strict, options.currencies, options.hideZero]).toEqual(['account', '0.5', true, [], false]);
    expect((await parseTotalOptions({ tolerance: '1%' })).by).toBe('currency');
  });

  it.each([['-1%'], ['abc'], ['1e2'], ['']])('total --tolerance %j is a usage error', async (tolerance) => {
    expect(await refusal(() => parseTotalOptions({ by: 'currency', tolerance }))).toEqual([
      ExitCode.usage,
      `tolerance "${tolerance}" is not a percentage; expected e.g. 1% or 0.5`,
    ]);
  });
});

describe('can-withdraw', () => {
  it('takes the currency and amount from the arguments, --network and --mode from the flags', async () => {
    const options = await parseCanWithdrawOptions({ network: 'tron', mode: 'test' }, ['USDT', '250']);
    expect([options.request.amount.toString(), options.mode]).toEqual(['250', 'test']);
    expect((await parseCanWithdrawOptions({}, ['USDT', '0.015'])).mode).toBeUndefined();
  });

  it('refuses a bad amount, a bad mode and an account in the currency', async () => {
    expect((await refusal(() => parseCanWithdrawOptions({}, ['USDT', '1e3'])))[1]).toMatch(/^amount "1e3" is not a plain decimal/);
    expect((await refusal(() => parseCanWithdrawOptions({}, ['USDT', '-5'])))[1]).toMatch(/^amount "-5" is not a plain decimal/);
    expect(await refusal(() => parseCanWithdrawOptions({ mode: 'paper' }, ['USDT', '5']))).toEqual([
      ExitCode.usage,
      '--mode "paper" is not a mode; expected live or test',
    ]);
    expect((await refusal(() => parseCanWithdrawOptions({}, ['syncpay:USDT', '5'])))[1]).toBe(
      'currency "syncpay:USDT": can-withdraw takes the account from --account',
    );
  });
});

describe('history and changes', () => {
  it('moments are read against the run clock; --until defaults to it', async () => {
    const options = await parseHistoryOptions({}, [], GLOBALS, NOW);
    expect([options.since.toISOString(), options.until, options.by, options.chart, options.store]).toEqual([
      '2026-10-22T10:00:00.000Z',
      NOW,
      null,
      false,
      undefined,
    ]);
    const changes = await parseChangesOptions({ since: '2026-11-01', until: '24h', currency: ['USDT'] }, [], GLOBALS, NOW);
    expect([changes.from.toISOString(), changes.to.toISOString(), changes.currencies]).toEqual([
      '2026-11-01T00:00:00.000Z',
      '2026-11-20T10:00:00.000Z',
      ['USDT'],
    ]);
  });

  it('refuses bad moments, a reversed period, an unknown bucket and a chart for machines', async () => {
    expect((await refusal(() => parseHistoryOptions({ since: 'yesterday' }, [], GLOBALS, NOW)))[1]).toMatch(
      /^--since "yesterday" is neither a duration nor a date/,
    );
    expect((await refusal(() => parseChangesOptions({ since: '1d', until: '2026-02-30' }, [], GLOBALS, NOW)))[1]).toMatch(/^--until "2026-02-30" is neither/);
    expect(await refusal(() => parseChangesOptions({ since: '1d', until: '2d' }, [], GLOBALS, NOW))).toEqual([
      ExitCode.usage,
      '--since (2026-11-20T10:00:00.000Z) is after --until (2026-11-19T10:00:00.000Z)',
    ]);
    expect((await refusal(() => parseHistoryOptions({ by: 'month' }, [], GLOBALS, NOW)))[1]).toBe('--by "month" is not one of hour, day, week');
    expect((await refusal(() => parseHistoryOptions({ chart: true }, [], { ...GLOBALS, format: 'csv' }, NOW)))[1]).toBe(
      '--chart draws for people; it cannot be combined with --csv',
    );
    expect((await parseHistoryOptions({ chart: true, by: 'week' }, [], GLOBALS, NOW)).by).toBe('week');
  });

  it('prune: --older-than is a positive span; none leaves it to the config', async () => {
    expect(parsePruneOptions({ olderThan: '2w', store: 'h.db' })).toEqual({ olderThanMs: 14 * 86_400_000, store: 'h.db' });
    expect(parsePruneOptions({})).toEqual({ olderThanMs: undefined, store: undefined });
    for (const olderThan of ['soon', '-3d']) {
      expect(await refusal(() => parsePruneOptions({ olderThan }))).toEqual([
        ExitCode.usage,
        `--older-than "${olderThan}" is not a duration; expected e.g. 400d, 52w, 36h`,
      ]);
    }
    expect(await refusal(() => parsePruneOptions({ olderThan: '0d' }))).toEqual([ExitCode.usage, '--older-than "0d" must be more than 0']);
    expect(await refusal(() => parsePruneOptions({ olderThan: '300000000d' }))).toEqual([
      ExitCode.usage,
      '--older-than "300000000d" is too long; the longest is 36500d',
    ]);
    expect(parsePruneOptions({ olderThan: '1w3d12h' })).toEqual({ olderThanMs: 10.5 * 86_400_000, store: undefined });
  });
});

describe('sandbox', () => {
  it('defaults: a free port, no latency, rate limits on, no config file, no scenario', async () => {
    expect(await parseSandboxOptions({ rateLimit: true })).toEqual({
      port: 0,
      latencyMs: 0,
      rateLimit: true,
      writeConfig: null,
      force: false,
      scenario: undefined,
    });
    const options = await parseSandboxOptions({ port: '8787', latency: '50ms', rateLimit: false, writeConfig: 's.yaml', force: true, scenario: 'settle:30s' });
    expect(options).toMatchObject({
      port: 8787,
      latencyMs: 50,
      rateLimit: false,
      writeConfig: 's.yaml',
      force: true,
      scenario: { name: 'settle', afterMs: 30_000 },
    });
  });

  it.each([
    [{ port: '70000' }, '--port "70000" is not a port number (0-65535)'],
    [{ port: 'http' }, '--port "http" is not a port number (0-65535)'],
    [{ port: '-1' }, '--port "-1" is not a port number (0-65535)'],
    [{ latency: 'slow' }, '--latency "slow" is not a duration; expected e.g. 500ms, 10s, 1m30s, 2h, 1d'],
    [{ latency: '25d' }, '--latency "25d" is too long; the longest is 24d'],
    [{ port: '' }, '--port "" is not a port number (0-65535)'],
    [{ port: '0x50' }, '--port "0x50" is not a port number (0-65535)'],
    [{ port: '1e3' }, '--port "1e3" is not a port number (0-65535)'],
    [{ scenario: 'crash' }, '--scenario "crash" is not a scenario; expected settle, settle:<requests>, settle:<duration> or ticker'],
    [{ force: true }, '--force only applies to --write-config <path>'],
  ])('refuses %j', async (opts, message) => {
    expect(await refusal(() => parseSandboxOptions(opts))).toEqual([ExitCode.usage, message]);
  });
});

describe('completion and config init', () => {
  it('completion: a shell, or the account names for the scripts', () => {
    expect(parseCompletionOptions({}, ['zsh'])).toEqual({ print: 'script', shell: 'zsh' });
    expect(parseCompletionOptions({ accounts: true }, [])).toEqual({ print: 'accounts' });
  });

  it('completion without a shell is a usage error', async () => {
    expect(await refusal(() => parseCompletionOptions({}, []))).toEqual([ExitCode.usage, 'completion needs a shell: bash, zsh, fish']);
    expect(await refusal(() => parseCompletionOptions({}, ['tcsh']))).toEqual([ExitCode.usage, 'completion: unknown shell "tcsh"; expected bash, zsh, fish']);
  });

  it('config init takes --provider and --account from the global flags and checks every flag', async () => {
    const options = await parseInitOptions({ keyEnv: 'K', wallet: ['wal_1'], force: true }, [], { provider: 'swipelux', accounts: ['treasury'] });
    expect(options).toEqual({
      given: { provider: 'swipelux', account: 'treasury', keyEnv: 'K', wallets: ['wal_1'], customers: undefined, apiVersion: undefined },
      global: false,
      force: true,
    });
    expect(await refusal(() => parseInitOptions({}, [], { provider: undefined, accounts: ['a', 'b'] }))).toEqual([
      ExitCode.usage,
      'config init writes one account; got --account a, b',
    ]);
    expect((await refusal(() => parseInitOptions({ keyEnv: '1BAD' }, [], { provider: undefined, accounts: [] })))[1]).toMatch(
      /^--key-env: '1BAD' is not an environment variable name/,
    );
    expect((await refusal(() => parseInitOptions({ wallet: ['w1'] }, [], { provider: 'syncpay', accounts: [] })))[1]).toMatch(
      /^--wallet is only for .* accounts, not syncpay$/,
    );
  });
});

describe('run functions take typed options, never commander records', () => {
  it('each run function is typed by its options interface', () => {
    expectTypeOf(runBalances).parameter(1).toEqualTypeOf<BalancesOptions>();
    expectTypeOf(runTotal).parameter(1).toEqualTypeOf<TotalOptions>();
    expectTypeOf(runCanWithdraw).parameter(1).toEqualTypeOf<CanWithdrawOptions>();
    expectTypeOf(runSnapshot).parameter(1).toEqualTypeOf<SnapshotOptions>();
    expectTypeOf(runChanges).parameter(1).toEqualTypeOf<ChangesOptions>();
    expectTypeOf(runHistory).parameter(1).toEqualTypeOf<HistoryOptions>();
    expectTypeOf(runPrune).parameter(1).toEqualTypeOf<PruneOptions>();
    expectTypeOf(runSandbox).parameter(1).toEqualTypeOf<SandboxOptions>();
    expectTypeOf(runWatch).parameter(1).toEqualTypeOf<WatchOptions>();
    expectTypeOf(parseWatchFlags).returns.resolves.toEqualTypeOf<WatchOptions>();
    expectTypeOf<Record<string, unknown>>().not.toMatchTypeOf<CanWithdrawOptions>();
    expectTypeOf<Record<string, unknown>>().not.toMatchTypeOf<WatchOptions>();
  });

  it('a command pairs a parse function only with a run function of the same options', () => {
    const declared: string[] = [];
    const declare: Declare = (command) => void declared.push(command.name());
    declare(new Program('balances'), async () => ({ parse: parseBalancesOptions, run: runBalances }), { formats: ['table'] });
    // @ts-expect-error total's run needs TotalOptions; balances' parse gives BalancesOptions
    declare(new Program('mixed'), async () => ({ parse: parseBalancesOptions, run: runTotal }), { formats: ['table'] });
    expect(declared).toEqual(['balances', 'mixed']);
  });
});
