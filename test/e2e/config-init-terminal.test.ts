// `config init` on a real terminal (a pty): select lists moved with the arrow keys, and an id
// answer checked when Enter is pressed — 'wal_abc123, bad id' is refused and asked again, not
// written as three ids. Without a terminal the flags are the input (test/e2e/config.test.ts).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_SCRIPT, onTerminal } from '../helpers/pty.js';
import { tempDir } from '../helpers/fixtures.js';

const DOWN = '\x1b[B';
const ENTER = '\r';
const CLEAR_LINE = '\x15'; // Ctrl+U

describe.skipIf(!HAVE_SCRIPT)('config init on a terminal', () => {
  it('picks the provider and the API version from lists, checks ids as typed, and asks where to write', async () => {
    const dir = tempDir();
    const home = tempDir('bi-home-');
    const { code, terminal } = await onTerminal(['config', 'init'], {
      cwd: dir,
      env: { HOME: home },
      columns: 100,
      killAfterSeconds: 20,
      keys: [
        { after: /Provider/, send: `${DOWN}${DOWN}${DOWN}${ENTER}` }, // flow-payments → syncpay → bachs → swipelux
        { after: /Account name/, send: `treasury${ENTER}` },
        { after: /Environment variable/, send: ENTER },
        { after: /Swipelux API/, send: `${DOWN}${ENTER}` }, // v1 → v3
        { after: /accounts to read/, send: `wal_abc123, bad id${ENTER}` },
        { after: /an id has no spaces/, send: `${CLEAR_LINE}cus_abc123/acc_1${ENTER}` },
        { after: /customer ids/, send: ENTER },
        { after: /Where should the config go/, send: ENTER },
      ],
    });
    expect(code, terminal).toBe(0);
    expect(terminal).toContain('flow-payments');
    expect(terminal).toContain('accounts (cus_…/acc_…)');
    const path = join(dir, '.balancerc.yaml');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(
      '  treasury:\n    provider: swipelux\n    apiVersion: v3\n    apiKey: ${SWIPELUX_API_KEY}\n    wallets:\n      - "cus_abc123/acc_1"\n',
    );
    expect(text).not.toContain('bad');
    expect(terminal).toContain(`Wrote ${path} (mode 0600) with account 'treasury' (swipelux).`);
  });

  it('Ctrl+C in a list ends the run as an interrupt (130) and writes nothing', async () => {
    const dir = tempDir();
    const { code } = await onTerminal(['config', 'init'], { cwd: dir, env: { HOME: tempDir('bi-home-') }, keys: [{ after: /Provider/, send: '\x03' }] });
    expect(code).toBe(130);
    expect(() => statSync(join(dir, '.balancerc.yaml'))).toThrow();
  });
});
