// watch's flags, read from commander once (src/commands/watch.ts) and checked before any config is
// read (src/watch/options.ts): every bad value and conflict is a usage error naming the flag.
import { describe, expect, it } from 'vitest';
import { ExitCode, UsageError } from '../../src/core/errors.js';
import { parseWatchFlags } from '../../src/commands/watch.js';
import { DEFAULT_INTERVAL_MS } from '../../src/watch/options.js';

const parse = (opts: Record<string, unknown>, timeoutMs?: number) => parseWatchFlags(opts, [], { timeoutMs });

async function refusal(opts: Record<string, unknown>): Promise<[number, string]> {
  const error = await parse(opts).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof UsageError)) throw new Error(`expected a UsageError, got ${String(error)}`);
  return [error.exitCode, error.message];
}

describe('watch options', () => {
  it('defaults: a minute between polls, no end, nothing to alert on, no metrics, no recording', async () => {
    expect(await parse({})).toEqual({
      intervalMs: DEFAULT_INTERVAL_MS,
      count: null,
      currencies: [],
      currencySelectors: [],
      hideZero: false,
      rules: [],
      until: null,
      exec: null,
      metrics: null,
      timeoutMs: null,
      record: false,
      store: undefined,
    });
  });

  it('reads every flag into its typed value', async () => {
    const options = await parse(
      {
        interval: '30s',
        count: '3',
        currency: ['USDT@tron'],
        hideZero: true,
        below: ['USDT=100'],
        above: ['syncpay:USD=5.5'],
        until: 'USDT>=500',
        exec: 'cat',
        metrics: '0.0.0.0:9188',
        record: true,
        store: 'h.db',
      },
      600_000,
    );
    expect(options).toMatchObject({
      intervalMs: 30_000,
      count: 3,
      currencies: ['USDT@tron'],
      hideZero: true,
      exec: 'cat',
      metrics: { host: '0.0.0.0', port: 9188 },
      timeoutMs: 600_000,
      record: true,
      store: 'h.db',
    });
    expect(options.rules.map((r) => [r.name, r.kind, r.levelText, r.selector.account])).toEqual([
      ['--below USDT=100', 'below', '100', null],
      ['--above syncpay:USD=5.5', 'above', '5.5', 'syncpay'],
    ]);
    expect(options.until?.text).toBe('USDT >= 500');
  });

  it.each([
    [{ interval: 'often' }, '--interval "often" is not a duration; expected e.g. 30s, 1m30s, 500ms, 1h'],
    [{ interval: '10ms' }, '--interval "10ms" is too short; the shortest is 50ms'],
    [{ interval: '30s1m' }, '--interval "30s1m" is not a duration; expected e.g. 30s, 1m30s, 500ms, 1h'],
    [{ interval: '25d' }, '--interval "25d" is too long; the longest is 24d'],
    [{ interval: '0s' }, '--interval "0s" must be more than 0'],
    [{ count: '0' }, '--count "0" is not a positive whole number'],
    [{ count: '2.5' }, '--count "2.5" is not a positive whole number'],
    [{ count: '-1' }, '--count "-1" is not a positive whole number'],
    [{ exec: '  ' }, "--exec needs a command, e.g. --exec 'curl -sS --data-binary @- https://hooks.example/alert'"],
    [{ metrics: 'host:port' }, '--metrics "host:port" is not [host:]port; expected e.g. 9188 or 0.0.0.0:9188'],
    [{ store: 'h.db' }, '--store is for --record: add --record to record the polls in the history store'],
  ])('refuses %j', async (opts, message) => {
    expect(await refusal(opts)).toEqual([ExitCode.usage, message]);
  });

  it('refuses bad levels and conditions, naming the flag and the value', async () => {
    expect((await refusal({ below: ['USDT=1e3'] }))[1]).toMatch(/^--below "USDT=1e3": /);
    expect((await refusal({ above: ['USDT'] }))[1]).toMatch(/^--above "USDT": /);
    expect((await refusal({ until: 'USDT=>500' }))[1]).toMatch(/^--until "USDT=>500": /);
  });
});
