// At a terminal of a given size: tables fit the width, watch's live table fits the screen and
// redraws on resize, TERM=dumb never moves the cursor; piped output stays whole. The table is
// checked once on a real pseudo-terminal (the process's own tty streams); watch's views run
// in-process on a terminal-like stdout and stderr that share one screen, as on a pty.
import { describe, expect, it } from 'vitest';
import { cellWidth } from '../../src/format/cells.js';
import { runCli, startCli, type CliOptions } from '../helpers/cli.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { HAVE_SCRIPT, onTerminal } from '../helpers/pty.js';

const e2e = useSandbox();

/** Terminal text without colour codes, in lines (the pty turns \n into \r\n). */
const screenLines = (text: string) =>
  text
    .replace(/\x1b\[[0-9;]*m/g, '')
    .replace(/\r/g, '')
    .split('\n');

/** Starts the CLI in-process with stdout and stderr on one terminal of this size; `screen()` is what it shows. */
function onScreen(args: string[], size: { columns: number; rows: number }, options: CliOptions = {}) {
  let screen = '';
  const show = (chunk: string) => void (screen += chunk);
  const run = startCli(args, {
    env: { TERM: 'xterm-256color', NO_COLOR: '1' },
    ...options,
    stdoutTTY: size,
    stderrTTY: size,
    onStdout: show,
    onStderr: show,
    timeoutMs: 30_000,
  });
  return { run, screen: () => screen };
}

describe.skipIf(!HAVE_SCRIPT)('tables on a terminal', () => {
  it('balances at 80 columns: no line wraps, amounts whole, the hidden columns named', async () => {
    const { code, terminal } = await onTerminal(['balances', '--quiet', '--config', e2e.configPath], { columns: 80, rows: 24, env: { NO_COLOR: '1' } });
    expect(code).toBe(0);
    const lines = screenLines(terminal).filter((l) => l !== '');
    for (const line of lines) expect(cellWidth(line), line).toBeLessThanOrEqual(80);
    expect(terminal).toContain('1.234567890123456789');
    expect(terminal).toContain('450,000.00');
    expect(lines.at(-1)).toMatch(/^hidden to fit: PENDING, TOTAL/);
  });

  it('piped, the same command prints every column whatever the terminal', async () => {
    const { code, stdout } = await runCli(['balances', '--config', e2e.configPath], { env: { COLUMNS: '80' } });
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^ACCOUNT\s+WALLET\s+CURRENCY\s+NETWORK\s+AVAILABLE\s+PENDING\s+TOTAL\s+USD$/);
    expect(stdout).not.toContain('hidden to fit');
    expect(Math.max(...stdout.split('\n').map((l) => l.length))).toBeGreaterThan(120);
  });
});

describe('watch on a terminal', () => {
  it('at 80×24 every frame fits the screen: rows clipped with "… N more", never wider than 80', async () => {
    const { run, screen } = onScreen(['watch', '--interval', '1s', '--count', '2', '--config', e2e.configPath], { columns: 80, rows: 24 });
    expect((await run.done).code).toBe(0);
    const terminal = screen();
    expect(terminal).toMatch(/… \d+ more balances \(make the terminal taller, or --json\)/);
    const ups = [...terminal.matchAll(/\x1b\[(\d+)F/g)].map((m) => Number(m[1]));
    expect(ups.length).toBeGreaterThan(2);
    for (const up of ups) expect(up).toBeLessThanOrEqual(23);
    // Each frame is drawn after "\x1b[J": count its lines.
    for (const frame of terminal.split('\x1b[J').slice(1)) {
      const lines = screenLines(frame.replace(/\x1b\[\?25[hl]|\x1b\[\d+F/g, '')).filter((l, i, all) => i < all.length - 1 || l !== '');
      expect(lines.length, lines.join('\n')).toBeLessThanOrEqual(23);
      for (const line of lines) expect(cellWidth(line), line).toBeLessThanOrEqual(80);
    }
  });

  it('redraws from the top on resize, at the new width', async () => {
    const { run, screen } = onScreen(['watch', '--interval', '1s', '--config', e2e.configPath, '--account', 'syncpay'], { columns: 120, rows: 30 });
    await run.waitFor(() => screen().includes('\x1b[J') && /syncpay/.test(screen()));
    run.terminal.resize({ columns: 50, rows: 20 });
    await run.waitFor(() => screen().split('\x1b[H\x1b[J')[1]?.includes('\x1b[J') ?? false);
    run.interrupt('SIGINT');
    expect((await run.done).code).toBe(130);
    const terminal = screen();
    const at = terminal.indexOf('\x1b[H\x1b[J');
    expect(at).toBeGreaterThan(0);
    const after = terminal.slice(at + '\x1b[H\x1b[J'.length).split('\x1b[J')[0] ?? '';
    const lines = screenLines(after.replace(/\x1b\[\?25[hl]/g, '').replace(/\x1b\[\d+F/g, '')).filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(cellWidth(line), line).toBeLessThanOrEqual(50);
  });

  it('TERM=dumb: no cursor movement at all; the table once, then lines', async () => {
    const { run, screen } = onScreen(
      ['watch', '--interval', '1s', '--count', '2', '--config', e2e.configPath, '--account', 'syncpay'],
      { columns: 100, rows: 24 },
      { env: { TERM: 'dumb' } },
    );
    expect((await run.done).code).toBe(0);
    const terminal = screen();
    expect(terminal).not.toContain('\x1b[');
    expect(terminal.match(/ACCOUNT\s+CURRENCY/g)).toHaveLength(1);
    expect(terminal).toMatch(/syncpay\s+ok\s+last poll/);
  });
});
