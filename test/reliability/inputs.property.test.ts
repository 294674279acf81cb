// Time and number inputs are total functions (issue 21 class 8, issue 23 "one duration grammar"):
// every parser of a flag or config value returns a value or a usage error (exit 2) — a config
// error (exit 3) for config values — for ANY text, never a RangeError, never exit 70. Generated
// texts: arbitrary strings, duration-shaped strings (huge numbers, every unit in any case,
// compound and out-of-order), date-shaped strings (any year, month, day, time, zone, letter case).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWithdrawalQuery, parseMode } from '../../src/api/can-withdraw.js';
import { parseTolerance } from '../../src/api/totals.js';
import { parseChangesOptions } from '../../src/commands/changes.js';
import { parseHistoryOptions } from '../../src/commands/history.js';
import { parsePruneOptions } from '../../src/commands/history-store.js';
import { parseSandboxOptions } from '../../src/commands/sandbox.js';
import { parseGlobalOptions } from '../../src/commands/shared/options.js';
import { parseWatchFlags } from '../../src/commands/watch.js';
import { validateConfig } from '../../src/config/schema.js';
import { DAY_MS, LONGEST_MS, LONGEST_TIMER_MS, checkDuration, readDuration } from '../../src/core/duration.js';
import { BalanceError, ExitCode } from '../../src/core/errors.js';
import { parseMoment } from '../../src/core/when.js';

const RUNS = 400;
const NOW = new Date('2026-11-20T10:00:00.000Z');

/** Run a parser: 'value', or the exit code of the BalanceError it threw; anything else fails the property. */
async function settle(parse: () => unknown): Promise<'value' | number> {
  try {
    const value = await parse();
    // A Date that is not a date would surface later as "Invalid time value" (exit 70).
    JSON.stringify(value, (_key, v: unknown) => {
      if (v instanceof Date && Number.isNaN(v.getTime())) throw new Error('an invalid Date was returned');
      if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`a non-finite number was returned: ${v}`);
      return v;
    });
    return 'value';
  } catch (error) {
    if (error instanceof BalanceError) return error.exitCode;
    throw error;
  }
}

const UNITS = ['ms', 'MS', 's', 'S', 'm', 'M', 'h', 'H', 'd', 'D', 'w', 'W', 'y', 'us', ''];
/** Duration-shaped: 1–3 parts of (0–25 digits, an optional fraction, a unit or a typo), spaced or not. */
const durationLike = fc
  .array(
    fc.tuple(
      fc.stringMatching(/^[0-9]{1,25}$/),
      fc.option(fc.stringMatching(/^[0-9]{1,25}$/), { nil: undefined }),
      fc.constantFrom(...UNITS),
      fc.constantFrom('', ' ', '  '),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((parts) => parts.map(([digits, fraction, unit, space]) => `${digits}${fraction ? `.${fraction}` : ''}${space}${unit}`).join(''));
/** Date-shaped: any 1–6 digit year, month and day 0–39, an optional time with any separator case and zone. */
const dateLike = fc
  .tuple(
    fc.integer({ min: 0, max: 999_999 }),
    fc.integer({ min: 0, max: 39 }),
    fc.integer({ min: 0, max: 39 }),
    fc.option(
      fc.tuple(
        fc.constantFrom('T', 't', ' ', 'x'),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.option(fc.integer({ min: 0, max: 99 })),
        fc.constantFrom('', 'Z', 'z', '+02:00', '-0530', '+99:99', '+1'),
      ),
      { nil: undefined },
    ),
  )
  .map(([y, mo, d, time]) => {
    const two = (n: number) => String(n).padStart(2, '0');
    const date = `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}`;
    if (!time) return date;
    const [sep, h, mi, s, zone] = time;
    return `${date}${sep}${two(h)}:${two(mi)}${s === null ? '' : `:${two(s)}`}${zone}`;
  });
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), durationLike, dateLike, fc.stringMatching(/^-?[0-9.eE+x ]{0,12}$/));

const property = <T>(name: string, arbitrary: fc.Arbitrary<T>, check: (value: T) => Promise<void>) =>
  it(name, async () => {
    await fc.assert(fc.asyncProperty(arbitrary, check), { numRuns: RUNS });
  });

const expectSettles = async (parse: () => unknown, allowed: Array<'value' | number> = ['value', ExitCode.usage]) => {
  expect(allowed).toContain(await settle(parse));
};

describe('every flag parser gives a value or a usage error, for any text', () => {
  property('--timeout and --max-age', anyText, async (text) => {
    await expectSettles(() => parseGlobalOptions({ timeout: text }));
    await expectSettles(() => parseGlobalOptions({ maxAge: text }));
  });
  property('history --since/--until, changes --since/--until, prune --older-than', fc.tuple(anyText, anyText), async ([a, b]) => {
    await expectSettles(() => parseHistoryOptions({ since: a, until: b }, [], { format: 'table' }, NOW));
    await expectSettles(() => parseHistoryOptions({ since: a }, [], { format: 'table' }, NOW));
    await expectSettles(() => parseChangesOptions({ until: a }, [], {}, NOW));
    await expectSettles(() => parsePruneOptions({ olderThan: a }));
  });
  property('watch --interval, --count, --metrics, --below, --above, --until', anyText, async (text) => {
    for (const key of ['interval', 'count', 'metrics']) await expectSettles(() => parseWatchFlags({ [key]: text }, [], { timeoutMs: undefined }));
    await expectSettles(() => parseWatchFlags({ below: [`USDT=${text}`], above: [text] }, [], { timeoutMs: undefined }));
    await expectSettles(() => parseWatchFlags({ until: `USDT>=${text}` }, [], { timeoutMs: undefined }));
  });
  property('sandbox --port, --latency, --scenario', anyText, async (text) => {
    for (const key of ['port', 'latency']) await expectSettles(() => parseSandboxOptions({ [key]: text }));
    await expectSettles(() => parseSandboxOptions({ scenario: `settle:${text}` }));
  });
  property('can-withdraw <amount>, --network, --mode; total --tolerance', anyText, async (text) => {
    await expectSettles(() => parseWithdrawalQuery({ currency: 'USDT', amount: text }));
    await expectSettles(() => parseWithdrawalQuery({ currency: 'USDT', amount: '1', network: text }));
    await expectSettles(() => parseMode(text));
    await expectSettles(() => parseTolerance(text));
  });
});

describe('every config value gives a value or a config error, for any text', () => {
  const accounts = { a: { provider: 'syncpay', apiKey: '${KEY}' } };
  const config = (extra: Record<string, unknown>) => () => validateConfig({ accounts, ...extra }, '/x/.balancerc.yaml', 'search');
  property('cache.maxAge, history.retain/store, decimals, rates, minimums, alerts', anyText, async (text) => {
    const allowed: Array<'value' | number> = ['value', ExitCode.config];
    await expectSettles(config({ cache: { maxAge: text } }), allowed);
    await expectSettles(config({ history: { retain: text } }), allowed);
    await expectSettles(config({ decimals: { a: { USDT: text } } }), allowed);
    await expectSettles(config({ rates: { NGN: text } }), allowed);
    await expectSettles(config({ minimums: { a: { USDT: text } } }), allowed);
    await expectSettles(config({ alerts: { low: { currency: 'USDT', below: text, network: text } } }), allowed);
    await expectSettles(config({ history: { store: text, retain: '400d' } }), allowed);
  });
});

describe('the one duration grammar', () => {
  const part = fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }));
  const unitMs: Array<[string, bigint]> = [
    ['w', 604_800_000n],
    ['d', 86_400_000n],
    ['h', 3_600_000n],
    ['m', 60_000n],
    ['s', 1000n],
    ['ms', 1n],
  ];
  property(
    'a compound duration is the exact sum of its parts (rounded to the millisecond), in any case and spacing',
    fc.tuple(fc.subarray(unitMs, { minLength: 1 }), fc.array(part, { minLength: 6, maxLength: 6 }), fc.boolean(), fc.boolean()),
    async ([units, parts, upper, spaced]) => {
      let expected = 0n;
      const text = units
        .map(([unit, ms], i) => {
          const [whole, fraction] = parts[i] ?? [0, undefined];
          const fractionText = fraction === undefined ? '' : String(fraction).padStart(3, '0');
          const scale = 10n ** BigInt(fractionText.length);
          expected += (BigInt(`${whole}${fractionText}`) * ms * 2n + scale) / (2n * scale);
          return `${whole}${fractionText ? `.${fractionText}` : ''}${upper ? unit.toUpperCase() : unit}`;
        })
        .join(spaced ? ' ' : '');
      const got = readDuration(text);
      expect(got).toBe(expected > BigInt(LONGEST_MS) ? 'too-long' : Number(expected));
    },
  );

  it("the issue's examples: --timeout 1d and --interval 1m30s are read, and every flag has its own bounds", async () => {
    expect(parseGlobalOptions({ timeout: '1d' }).timeoutMs).toBe(DAY_MS);
    expect((await parseWatchFlags({ interval: '1m30s' }, [], { timeoutMs: undefined })).intervalMs).toBe(90_000);
    expect(checkDuration('25d', { max: LONGEST_TIMER_MS })).toBe('is too long; the longest is 24d');
    for (const text of ['300000000d', '99999999999w', '1e9d']) expect(await settle(() => parseMoment('--since', text, NOW))).toBe(ExitCode.usage);
  });
});

describe('zone-less dates are UTC, whatever the letter case', () => {
  const moment = fc.tuple(
    fc.integer({ min: 1970, max: 2100 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.integer({ min: 0, max: 59 }),
  );
  property('2026-11-01t09:00:30 is 2026-11-01T09:00:30Z', moment, async ([y, mo, d, h, mi, s]) => {
    const two = (n: number) => String(n).padStart(2, '0');
    const base = `${y}-${two(mo)}-${two(d)}`;
    const utc = Date.UTC(y, mo - 1, d, h, mi, s);
    for (const sep of ['T', 't', ' ']) {
      for (const zone of ['', 'Z', 'z']) expect(parseMoment('--since', `${base}${sep}${two(h)}:${two(mi)}:${two(s)}${zone}`, NOW).getTime()).toBe(utc);
    }
    expect(parseMoment('--since', `${base}t${two(h)}:${two(mi)}+02:00`, NOW).getTime()).toBe(Date.UTC(y, mo - 1, d, h - 2, mi));
    expect(parseMoment('--until', base, NOW).getTime()).toBe(Date.UTC(y, mo - 1, d));
  });
});
