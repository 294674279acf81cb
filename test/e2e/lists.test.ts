// An incomplete list, as users meet it: can-withdraw answers unknown (exit 6), never no, and
// history records the account's read as a gap instead of calling the unread entries gone. The
// emulator spells hasMore as the string "true" (pagingStyle), which used to end the read after
// page 1 as if the list were complete.
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { swipeluxExtraFixtures } from '../../src/providers/swipelux/emulator/data.js';
import { SANDBOX_KEYS } from '../../src/providers/sandbox-keys.js';
import { runCli } from '../helpers/cli.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';
import { tempDir, writeConfig } from '../helpers/fixtures.js';

const e2e = useSandbox();
type Doc = Record<string, any>;

/** One Swipelux v3 account reading every customer's accounts, one account per page. */
function config(): string {
  const account = { provider: 'swipelux', apiVersion: 'v3', baseUrl: e2e.sandbox.baseUrl('swipelux'), apiKey: SANDBOX_KEYS.swipelux.apiKey };
  return writeConfig(tempDir(), { accounts: { sw3: account } }, 'lists.json');
}
const cli = (path: string, ...args: string[]) => runCli([...args, '--config', path]);

beforeEach(() => {
  Object.assign(e2e.sandbox.state.swipelux, swipeluxExtraFixtures(), { maxPageSize: 1 });
});

describe('an incomplete list', () => {
  it('can-withdraw: unknown (exit 6) where the page it could not read might hold the funds, never no', async () => {
    const path = config();
    // Read in full, acc_2 (page 2) holds 1000.000001 USDC: yes.
    const full = await cli(path, 'can-withdraw', 'USDC', '500');
    expect([full.code, full.stdout]).toEqual([0, expect.stringContaining("yes: 'sw3' can withdraw 500 USDC")]);
    e2e.sandbox.state.swipelux.pagingStyle = 'hasMore-as-string';
    const cut = await cli(path, 'can-withdraw', 'USDC', '500', '--json');
    expect(cut.code).toBe(6);
    const doc = JSON.parse(cut.stdout) as Doc;
    expect(doc.decision).toBe('unknown');
    expect(doc.errors.map((e: Doc) => e.code)).toContain('LIST_INCOMPLETE');
    expect(cut.stderr).toContain('says $.hasMore: "true" (a string), not true or false');
  });

  it('snapshot: the account is a gap for that read; entries on unread pages are not recorded as gone', async () => {
    const path = config();
    const store = join(tempDir('bi-store-'), 'history.db');
    expect((await cli(path, 'snapshot', '--store', store)).code).toBe(0);
    e2e.sandbox.state.swipelux.pagingStyle = 'hasMore-as-string';
    const cut = await cli(path, 'snapshot', '--store', store, '--json');
    expect(cut.code).toBe(6);
    expect((JSON.parse(cut.stdout) as Doc).accounts).toEqual([{ account: 'sw3', provider: 'swipelux', balances: 1, error: 'LIST_INCOMPLETE' }]);
    const history = JSON.parse((await cli(path, 'history', '--json', '--store', store)).stdout) as Doc;
    const acc2 = history.series.find((s: Doc) => s.wallet === 'acc_2');
    // Two reads, the second a gap with the list's error: not a balance that disappeared.
    expect(acc2.points.map((p: Doc) => [p.available, p.error])).toEqual([
      ['1000.000001', null],
      [null, 'LIST_INCOMPLETE'],
    ]);
    // Every series of the account has a point for each read: none was recorded as gone.
    for (const series of history.series) expect(series.points, series.wallet).toHaveLength(2);
  });
});
