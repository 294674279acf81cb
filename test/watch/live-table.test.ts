// The live table: content of a frame (deltas, stale marks, errors next to values) and the cursor.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { makeBalance, type Balance } from '../../src/core/balance.js';
import { UnavailableError } from '../../src/core/errors.js';
import { Decimal } from '../../src/core/money.js';
import { createOutput } from '../../src/ui/output.js';
import type { ResolvedAccount } from '../../src/config/types.js';
import { initialStates } from '../../src/watch/accounts.js';
import { ProviderRegistry } from '../../src/providers/registry.js';
import { BalanceTracker } from '../../src/watch/diff.js';
import { renderFrame } from '../../src/watch/frame.js';
import { LiveTable, physicalLines } from '../../src/watch/live-table.js';
import { cellWidth } from '../../src/format/cells.js';
import type { WatchSession } from '../../src/watch/session.js';
import { CapturedStream } from '../helpers/captured-stream.js';
import { Redactor } from '../../src/core/secrets.js';

const at = new Date('2026-11-21T10:00:05');
const account = (name: string, provider: 'syncpay' | 'flow-payments'): ResolvedAccount => ({
  name,
  provider,
  baseUrl: null,
  mode: null,
  secrets: {},
  settings: {},
  credentials: { apiKey: 'k' },
});
const usdt = (available: string, name = 'syncpay', currency = 'USDT\u001b[2J'): Balance =>
  makeBalance({
    account: name,
    provider: 'syncpay',
    mode: 'test',
    currency,
    network: 'tron',
    providerCurrency: 'USDT_TRC20',
    available: new Decimal(available),
    pending: new Decimal('0.00'),
    scale: 2,
    raw: {},
  });

function fixture() {
  const tracker = new BalanceTracker();
  tracker.update('syncpay', [usdt('200.00')], at);
  tracker.update('syncpay', [usdt('500.00')], at);
  tracker.update('flow', [usdt('7.00', 'flow', 'ETH')], at);
  const states = initialStates([account('syncpay', 'syncpay'), account('flow', 'flow-payments')], 1_000, new ProviderRegistry());
  const [sync, flow] = states;
  if (!sync || !flow) throw new Error('fixture');
  Object.assign(sync, { polls: 2, lastSuccessAt: at, raw: [usdt('500.00')] });
  Object.assign(flow, {
    polls: 2,
    lastSuccessAt: new Date('2026-11-21T09:59:00'),
    raw: [],
    errors: [new UnavailableError('timed out waiting for Flow', { code: 'TIMEOUT' })],
    failures: 1,
  });
  return { tracker, states };
}

describe('renderFrame', () => {
  it('shows values, change since start and last change, stale accounts and their errors', () => {
    const { tracker, states } = fixture();
    const frame = renderFrame({ tracked: tracker.all(), states, hideZero: false, header: 'HEADER', notices: ['a notice'], color: new Chalk({ level: 0 }) });
    const lines = frame.split('\n');
    expect(lines[0]).toBe('HEADER');
    expect(lines[2]).toMatch(/^ACCOUNT\s+CURRENCY\s+NETWORK\s+AVAILABLE\s+PENDING\s+TOTAL\s+USD\s+Δ START\s+Δ LAST$/);
    const sync = lines.find((l) => l.startsWith('syncpay '));
    expect(sync).toMatch(/USDT\\e\[2J\s+tron\s+500\.00 ▲\s+0\.00\s+500\.00 ▲\s+unpriced\s+▲ \+300\.00\s+▲ \+300\.00 10:00:05/);
    expect(lines.find((l) => l.startsWith('flow *'))).toBeDefined();
    expect(frame).toMatch(/flow\s+failing values from 09:59:00 \(stale \*\)\s+every 1s\s+timed out waiting for Flow/);
    expect(frame).toMatch(/syncpay\s+ok\s+last poll 10:00:05/);
    expect(frame).toContain('! a notice');
    expect(frame).not.toContain('\u001b[2J');
  });

  it('marks an inconsistent balance with ! and says what the mark means, like balances', () => {
    const tracker = new BalanceTracker();
    const broken = { ...usdt('50.00', 'syncpay', 'USD'), inconsistent: [{ field: 'pending_balance', value: '-20.00', problem: 'negative' }] };
    tracker.update('syncpay', [broken, usdt('7.00', 'syncpay', 'EUR')], at);
    const states = initialStates([account('syncpay', 'syncpay')], 1_000, new ProviderRegistry());
    Object.assign(states[0] ?? {}, { polls: 1, lastSuccessAt: at, raw: [] });
    const frame = renderFrame({ tracked: tracker.all(), states, hideZero: false, header: 'H', notices: [], color: new Chalk({ level: 0 }) });
    const lines = frame.split('\n');
    expect(lines.find((l) => l.startsWith('syncpay ') && l.includes('50.00'))).toMatch(/USD !\s+tron/);
    expect(lines.find((l) => l.startsWith('syncpay ') && l.includes('7.00'))).not.toContain('!');
    expect(frame).toContain("! inconsistent: the provider's figures break an invariant");
    const clean = renderFrame({ tracked: fixture().tracker.all(), states, hideZero: false, header: 'H', notices: [], color: new Chalk({ level: 0 }) });
    expect(clean).not.toContain('inconsistent');
  });

  it('counts wrapped lines so the redraw moves up far enough', () => {
    expect(physicalLines('abc\n\x1b[31mdef\x1b[39m\n', 80)).toBe(2);
    expect(physicalLines(`${'x'.repeat(100)}\n\n`, 40)).toBe(4);
  });
});

describe('LiveTable', () => {
  it('hides the cursor, redraws in place and restores the cursor', () => {
    let written = '';
    const stdout = Object.assign(new Writable({ write: (chunk, _enc, cb) => ((written += String(chunk)), cb()) }), { isTTY: true });
    const output = createOutput({
      redact: new Redactor().redact,
      format: 'table',
      stderr: new CapturedStream(),
      stdout: stdout as unknown as NodeJS.WriteStream,
      env: {},
    });
    const { tracker, states } = fixture();
    const session = { tracked: () => tracker.all(), states, settings: { hideZero: false } } as unknown as WatchSession;
    const table = new LiveTable(
      output,
      () => ({ columns: 120, rows: 40 }),
      () => 'HEADER',
    );
    table.start();
    table.update(session);
    const first = written;
    table.update(session);
    table.stop();
    expect(first.startsWith('\x1b[?25l')).toBe(true);
    const lines = physicalLines(first.slice('\x1b[?25l'.length), 120);
    expect(written.slice(first.length)).toMatch(new RegExp(`^\\x1b\\[${lines}F\\x1b\\[J`));
    expect(written.endsWith('\x1b[?25h')).toBe(true);
    expect(process.listeners('exit').length).toBe(0);
  });

  it('writes to stderr what the last frame never showed, and everything after stop', () => {
    let errors = '';
    const sink = (collect: (text: string) => void, tty: boolean) =>
      Object.assign(new Writable({ write: (chunk, _enc, cb) => (collect(String(chunk)), cb()) }), { isTTY: tty }) as unknown as NodeJS.WriteStream;
    const output = createOutput({
      redact: new Redactor().redact,
      format: 'table',
      stdout: sink(() => undefined, true),
      stderr: sink((t) => (errors += t), false),
      env: {},
    });
    const { tracker, states } = fixture();
    const session = { tracked: () => tracker.all(), states, settings: { hideZero: false } } as unknown as WatchSession;
    const table = new LiveTable(
      output,
      () => ({ columns: 120, rows: 40 }),
      () => 'HEADER',
    );
    table.start();
    table.update(session);
    table.notice('shown in the next frame', 'info');
    table.update(session);
    table.notice('USDT >= 500 did not hold within --timeout 1s', 'warn');
    table.stop();
    table.notice('an --exec hook failed', 'warn');
    expect(errors).toBe('warning: USDT >= 500 did not hold within --timeout 1s\nwarning: an --exec hook failed\n');
  });
});

describe('the live table fits the terminal', () => {
  const many = () => {
    const tracker = new BalanceTracker();
    const balances = Array.from({ length: 30 }, (_, i) => usdt(`${i}.00`, 'syncpay', `C${String(i).padStart(2, '0')}`));
    tracker.update('syncpay', balances, at);
    const states = initialStates([account('syncpay', 'syncpay')], 1_000, new ProviderRegistry());
    Object.assign(states[0] as object, { polls: 1, lastSuccessAt: at, raw: balances });
    return { tracker, states };
  };

  it('clips rows to the height with "… N more", and no line is wider than the terminal', () => {
    const { tracker, states } = many();
    const frame = renderFrame({
      tracked: tracker.all(),
      states,
      hideZero: false,
      header: 'HEADER '.repeat(20),
      notices: [],
      color: new Chalk({ level: 0 }),
      size: { columns: 60, rows: 24 },
    });
    const lines = frame.trimEnd().split('\n');
    expect(lines).toHaveLength(23);
    // Balances first: no blank lines and the account's line shrinks to a summary, so 18 of the 30 fit.
    expect(lines.filter((l) => /^syncpay\s+C\d\d/.test(l))).toHaveLength(18);
    expect(lines).toContain('… 12 more balances (make the terminal taller, or --json)');
    expect(lines.some((l) => l.startsWith('hidden to fit: PENDING, TOTAL, Δ START'))).toBe(true);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(60);
    expect(physicalLines(frame, 60)).toBe(23);
    // The head and the account status stay.
    expect(lines[1]).toMatch(/^ACCOUNT\s+CURRENCY/);
    expect(lines.at(-1)).toBe('ok, last poll 10:00:05: syncpay');
  });

  it('a frame that fits is not clipped', () => {
    const { tracker, states } = fixture();
    const whole = renderFrame({ tracked: tracker.all(), states, hideZero: false, header: 'H', notices: [], color: new Chalk({ level: 0 }) });
    expect(
      renderFrame({
        tracked: tracker.all(),
        states,
        hideZero: false,
        header: 'H',
        notices: [],
        color: new Chalk({ level: 0 }),
        size: { columns: 200, rows: 50 },
      }),
    ).toBe(whole);
  });

  it('redraws from the top of a cleared screen on resize, at the new size', () => {
    let written = '';
    const stdout = Object.assign(new Writable({ write: (chunk, _enc, cb) => ((written += String(chunk)), cb()) }), { isTTY: true });
    const output = createOutput({
      redact: new Redactor().redact,
      format: 'table',
      stderr: new CapturedStream(),
      stdout: stdout as unknown as NodeJS.WriteStream,
      env: {},
    });
    const { tracker, states } = many();
    const session = { tracked: () => tracker.all(), states, settings: { hideZero: false } } as unknown as WatchSession;
    let size = { columns: 120, rows: 40 };
    let resize: () => void = () => undefined;
    const table = new LiveTable(
      output,
      () => size,
      () => 'HEADER',
      (redraw) => ((resize = redraw), () => (resize = () => undefined)),
    );
    table.start();
    table.update(session);
    const before = written.length;
    size = { columns: 50, rows: 12 };
    resize();
    const redraw = written.slice(before);
    expect(redraw.startsWith('\x1b[H\x1b[J')).toBe(true);
    const frame = redraw.slice('\x1b[H\x1b[J'.length);
    expect(frame.trimEnd().split('\n')).toHaveLength(11);
    for (const line of frame.trimEnd().split('\n')) expect(cellWidth(line), JSON.stringify(line)).toBeLessThanOrEqual(50);
    table.stop();
    const after = written.length;
    resize();
    expect(written.length).toBe(after);
  });
});

describe('the watch screen at 80×24', () => {
  const NAMES = ['flow-main', 'syncpay', 'bachs', 'swipelux', 'casino-v1', 'casino-v2', 'casino-v3'];
  function sevenAccounts() {
    const tracker = new BalanceTracker();
    // 25 balances over 7 accounts, as the demo has.
    NAMES.forEach((name, a) =>
      tracker.update(
        name,
        Array.from({ length: a < 4 ? 4 : 3 }, (_, i) => usdt(`${1000 * a + i}.50`, name, `C${a}${i}`)),
        at,
      ),
    );
    const states = initialStates(
      NAMES.map((name) => account(name, 'syncpay')),
      2_000,
      new ProviderRegistry(),
    );
    for (const s of states) Object.assign(s, { polls: 1, lastSuccessAt: at, raw: [] });
    Object.assign(states[5] as object, {
      errors: [new UnavailableError('Cryptofuse did not answer in time for account casino-v2', { code: 'TIMEOUT' })],
      failures: 1,
    });
    return { tracker, states };
  }
  const notice =
    "Cryptofuse allows 100 requests per minute per key (4 requests per poll) (accounts sharing its key counted together): polling accounts 'casino-v1', 'casino-v3' every 2.4s instead of 2s";

  it('shows its balances before the per-account lines: those that are fine share one line, a failing one keeps its own', () => {
    const { tracker, states } = sevenAccounts();
    const frame = renderFrame({
      tracked: tracker.all(),
      states,
      hideZero: false,
      header: 'watch · 7 accounts',
      notices: [notice],
      color: new Chalk({ level: 0 }),
      size: { columns: 80, rows: 24 },
    });
    const lines = frame.trimEnd().split('\n');
    expect(lines).toHaveLength(23);
    for (const line of lines) expect(cellWidth(line), line).toBeLessThanOrEqual(80);
    // With a failing account and a long notice, 13 of the 25 balances (8 before).
    const shown = lines.filter((l) => /^\S+ \*?\s+C\d\d\s/.test(l)).length;
    expect(shown).toBe(13);
    expect(lines).toContain(`… ${25 - shown} more balances (make the terminal taller, or --json)`);
    expect(lines.find((l) => l.startsWith('6 of 7 accounts ok'))).toMatch(
      /^6 of 7 accounts ok, last poll 10:00:05: flow-main, syncpay, bachs, swipelux, c\S*…$/,
    );
    // The failing account's line wraps rather than losing its error.
    const failing = lines.findIndex((l) => l.startsWith('casino-v2 '));
    expect(`${lines[failing]} ${lines[failing + 1]?.trim()}`).toMatch(
      /^casino-v2\s+failing values from 10:00:05 \(stale \*\)\s+every 2s\s+Cryptofuse did not answer in time for account casino-v2$/,
    );
    // The notice wraps: every account it names is on screen.
    const notices = lines
      .slice(lines.findIndex((l) => l.startsWith('! ')))
      .map((l) => l.trim())
      .join(' ');
    expect(notices).toContain("polling accounts 'casino-v1', 'casino-v3' every 2.4s instead of 2s");
  });

  it('with every account fine and no notice, 18 of the 25 balances and one line for the accounts', () => {
    const { tracker, states } = sevenAccounts();
    Object.assign(states[5] as object, { errors: [], failures: 0 });
    const frame = renderFrame({
      tracked: tracker.all(),
      states,
      hideZero: false,
      header: 'watch · 7 accounts',
      notices: [],
      color: new Chalk({ level: 0 }),
      size: { columns: 80, rows: 24 },
    });
    const lines = frame.trimEnd().split('\n');
    expect(lines).toHaveLength(23);
    expect(lines.filter((l) => /^\S+\s+C\d\d\s/.test(l))).toHaveLength(18);
    expect(lines.at(-1)).toMatch(/^all 7 accounts ok, last poll 10:00:05: flow-main, /);
  });

  it('a terminal tall enough shows every balance and one line per account', () => {
    const { tracker, states } = sevenAccounts();
    const frame = renderFrame({
      tracked: tracker.all(),
      states,
      hideZero: false,
      header: 'watch',
      notices: [notice],
      color: new Chalk({ level: 0 }),
      size: { columns: 120, rows: 60 },
    });
    const lines = frame.trimEnd().split('\n');
    expect(lines.filter((l) => /^\S+ \*?\s+C\d\d\s/.test(l))).toHaveLength(25);
    for (const name of NAMES)
      expect(
        lines.some((l) => new RegExp(`^${name}\\s+(ok|failing)`).test(l)),
        name,
      ).toBe(true);
  });

  it('columns do not jump between frames: widths only grow until the terminal is resized', () => {
    let written = '';
    const stdout = Object.assign(new Writable({ write: (chunk, _enc, cb) => ((written += String(chunk)), cb()) }), { isTTY: true });
    const output = createOutput({
      redact: new Redactor().redact,
      format: 'table',
      stderr: new CapturedStream(),
      stdout: stdout as unknown as NodeJS.WriteStream,
      env: {},
    });
    const tracker = new BalanceTracker();
    const states = initialStates([account('syncpay', 'syncpay')], 1_000, new ProviderRegistry());
    Object.assign(states[0] as object, { polls: 1, lastSuccessAt: at, raw: [] });
    const session = { tracked: () => tracker.all(), states, settings: { hideZero: false } } as unknown as WatchSession;
    const table = new LiveTable(
      output,
      () => ({ columns: 100, rows: 30 }),
      () => 'HEADER',
    );
    const heads: string[] = [];
    table.start();
    for (const amount of ['5.00', '1250000.00', '7.00', '8.00']) {
      tracker.update('syncpay', [usdt(amount)], at);
      const before = written.length;
      table.update(session);
      heads.push(
        written
          .slice(before)
          .split('\n')
          .find((l) => l.includes('ACCOUNT')) ?? '',
      );
    }
    table.stop();
    // The first frame is narrower; from the frame that grew, every frame keeps the same columns.
    expect(heads[0]).not.toBe(heads[1]);
    expect(new Set(heads.slice(1)).size).toBe(1);
  });
});
