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
import { BalanceTracker } from '../../src/watch/diff.js';
import { LiveTable, physicalLines, renderFrame } from '../../src/watch/live-table.js';
import type { WatchSession } from '../../src/watch/session.js';

const at = new Date('2026-11-21T10:00:05');
const account = (name: string, provider: 'syncpay' | 'flow-payments'): ResolvedAccount => ({ name, provider, baseUrl: null, mode: null, secrets: {}, settings: {}, credentials: { apiKey: 'k' } });
const usdt = (available: string, name = 'syncpay', currency = 'USDT\u001b[2J'): Balance =>
  makeBalance({ account: name, provider: 'syncpay', mode: 'test', currency, network: 'tron', providerCurrency: 'USDT_TRC20', available: new Decimal(available), pending: new Decimal('0.00'), scale: 2, raw: {} });

function fixture() {
  const tracker = new BalanceTracker();
  tracker.update('syncpay', [usdt('200.00')], at);
  tracker.update('syncpay', [usdt('500.00')], at);
  tracker.update('flow', [usdt('7.00', 'flow', 'ETH')], at);
  const states = initialStates([account('syncpay', 'syncpay'), account('flow', 'flow-payments')], 1_000);
  const [sync, flow] = states;
  if (!sync || !flow) throw new Error('fixture');
  Object.assign(sync, { polls: 2, lastSuccessAt: at, raw: [usdt('500.00')] });
  Object.assign(flow, { polls: 2, lastSuccessAt: new Date('2026-11-21T09:59:00'), raw: [], errors: [new UnavailableError('timed out waiting for Flow', { code: 'TIMEOUT' })], failures: 1 });
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

  it('counts wrapped lines so the redraw moves up far enough', () => {
    expect(physicalLines('abc\n\x1b[31mdef\x1b[39m\n', 80)).toBe(2);
    expect(physicalLines(`${'x'.repeat(100)}\n\n`, 40)).toBe(4);
  });
});

describe('LiveTable', () => {
  it('hides the cursor, redraws in place and restores the cursor', () => {
    let written = '';
    const stdout = Object.assign(new Writable({ write: (chunk, _enc, cb) => ((written += String(chunk)), cb()) }), { isTTY: true });
    const output = createOutput({ format: 'table', stdout: stdout as unknown as NodeJS.WriteStream, env: {} });
    const { tracker, states } = fixture();
    const session = { tracked: () => tracker.all(), states, settings: { hideZero: false } } as unknown as WatchSession;
    const table = new LiveTable(output, () => 120, () => 'HEADER');
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
    const output = createOutput({ format: 'table', stdout: sink(() => undefined, true), stderr: sink((t) => (errors += t), false), env: {} });
    const { tracker, states } = fixture();
    const session = { tracked: () => tracker.all(), states, settings: { hideZero: false } } as unknown as WatchSession;
    const table = new LiveTable(output, () => 120, () => 'HEADER');
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
