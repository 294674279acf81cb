// The screen a person sees, command by command, at terminals 60, 80 and 120 columns wide, with
// wallet names in CJK, emoji and combining marks: no line is wider than the terminal (no row
// wraps), amounts are whole, and the USD column values a figure on screen. Piped, nothing is fitted.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellWidth } from '../../src/format/cells.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { tempDir } from '../helpers/fixtures.js';

const e2e = useSandbox();
const WIDTHS = [60, 80, 120] as const;
const NAMES = ['交易钱包 Trading', '💰 Savings 🏦', 'Cafe\u0301 Société'];

/** Give the Cryptofuse sandbox's wallets wide names, in every API version it serves. */
function wideWalletNames(): void {
  const state = e2e.sandbox.state.cryptofuse;
  state.wallets.forEach((w, i) => (w.name = NAMES[i % NAMES.length] ?? w.name));
  for (const version of [state.v1, state.v2] as Array<Record<string, { name: string }>>) {
    Object.values(version).forEach((w, i) => (w.name = NAMES[i % NAMES.length] ?? w.name));
  }
  Object.values(state.v3 as Record<string, { account: { name: string } }>).forEach(
    (w, i) => (w.account.name = NAMES[(i + 1) % NAMES.length] ?? w.account.name),
  );
}

const screen = (text: string) =>
  text
    .replace(/\x1b\[\?25[hl]|\x1b\[\d+F|\x1b\[J/g, '')
    .replace(/\n+$/, '')
    .split('\n');

function expectFits(text: string, width: number): void {
  for (const line of screen(text)) expect(cellWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(width);
}

function expectHonestUsd(head: string | undefined): void {
  const columns = (head ?? '').trim().split(/\s{2,}/);
  // USD beside the TOTAL it values, or a header that says it values the total.
  if (columns.includes('USD')) expect(columns).toContain('TOTAL');
  else expect(columns).toContain('TOTAL USD');
}

describe.each(WIDTHS)('a terminal %i columns wide', (columns) => {
  const tty = { stdoutTTY: { columns, rows: 40 }, env: { NO_COLOR: '1' } };

  it("balances: fits, amounts whole (18 decimals and the provider's scale), USD honest", async () => {
    wideWalletNames();
    const { code, stdout } = await e2e.cliWith(['balances', '--quiet'], tty);
    expect(code).toBe(0);
    expectFits(stdout, columns);
    expect(stdout).toContain('1.234567890123456789');
    expect(stdout).toContain('750.000000');
    expect(stdout).toContain('450,000.00');
    expectHonestUsd(screen(stdout)[0]);
    if (columns >= 120) expect(stdout).toContain('交易钱包 Trading');
  });

  it('total: fits, with its reconciliation', async () => {
    const { code, stdout } = await e2e.cliWith(['total', '--quiet'], tty);
    expect(code).toBe(0);
    expectFits(stdout, columns);
    expect(stdout).toMatch(/TOTAL +\d{1,3}(,\d{3})*\.\d\d/);
    expect(stdout).toContain('Reconciliation with provider-reported totals');
  });

  it('watch: every frame fits, balances before the account lines', async () => {
    wideWalletNames();
    const { code, stdout } = await e2e.cliWith(['watch', '--count', '1', '--interval', '1s', '--quiet'], tty);
    expect(code).toBe(0);
    const frames = stdout.split('\x1b[J').filter((f) => f.includes('ACCOUNT'));
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) {
      expectFits(frame, columns);
      expectHonestUsd(screen(frame).find((l) => l.startsWith('ACCOUNT')));
    }
  });

  it('history and changes: fit', async () => {
    const store = join(tempDir('bi-screen-'), 'history.db');
    for (let i = 0; i < 2; i++) expect((await e2e.cli('snapshot', '--quiet', '--store', store)).code).toBe(0);
    const history = await e2e.cliWith(['history', '--store', store], tty);
    expect(history.code).toBe(0);
    expectFits(history.stdout, columns);
    expect(history.stdout).toContain('1.234567890123456789');
    const changes = await e2e.cliWith(['changes', '--since', '1h', '--store', store], tty);
    expect(changes.code).toBe(0);
    expectFits(changes.stdout, columns);
  });

  it('config check: fits', async () => {
    const { code, stdout } = await e2e.cliWith(['config', 'check'], tty);
    expect(code).toBe(0);
    expectFits(stdout, columns);
    expect(stdout).toContain('All good');
  });
});

describe('piped', () => {
  it('nothing is fitted or wrapped, whatever COLUMNS says', async () => {
    const { stdout } = await e2e.cliWith(['total'], { env: { COLUMNS: '60', NO_COLOR: '1' } });
    expect(stdout).not.toContain('hidden to fit');
    expect(stdout).toContain('Add a rate under `rates:` in the config (or list stablecoins under `pegged:`) to price them.');
  });
});
