// The same commands over a shared PostgreSQL store, as users run them (--store postgres://…):
// recorded figures, the password never shown (as userinfo or as any ?password=-like parameter, in
// JSON, messages, --debug and notices), an unreachable server is a one-line exit 3.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/server.js';
import { runCli } from '../helpers/cli.js';
import { sandboxWithConfig } from '../helpers/fixtures.js';
import { startPostgres, warnSkipped, type TestPostgres } from '../helpers/postgres.js';
import { schemaProblems } from '../helpers/schemas.js';

let server: TestPostgres | null = null;
let sandbox: Sandbox;
let configPath: string;
beforeAll(async () => {
  ({ sandbox, configPath } = await sandboxWithConfig());
  const started = await startPostgres();
  if ('skipped' in started) warnSkipped(started.skipped);
  else server = started;
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await sandbox.close();
});
beforeEach((ctx) => {
  if (!server) ctx.skip();
});

const PASSWORD = 'hunter2-s3cret-pw';
const cli = (args: string[]) => runCli([...args, '--config', configPath]);

async function storeUrl(): Promise<string> {
  const url = new URL(await server!.freshDatabase());
  url.password = PASSWORD; // the test server trusts 127.0.0.1; the password only has to stay hidden
  return url.toString();
}

describe('--store postgres://', () => {
  it('snapshot, history and changes work over PostgreSQL and never show the password', async () => {
    const url = await storeUrl();
    const first = await cli(['snapshot', '--account', 'syncpay', '--json', '--store', url]);
    expect(first.code, first.stderr).toBe(0);
    const doc = JSON.parse(first.stdout);
    expect(schemaProblems('snapshot', doc)).toEqual([]);
    expect(doc.store).toBe(url.replace(`bi:${PASSWORD}`, '«redacted»'));
    await cli(['snapshot', '--account', 'syncpay', '--store', url]);
    const history = await cli(['history', '--json', '--by', 'hour', '--store', url]);
    const parsed = JSON.parse(history.stdout);
    expect(schemaProblems('history', parsed)).toEqual([]);
    const usdt = parsed.series.find((s: { currency: string }) => s.currency === 'USDT');
    expect(usdt.points.map((p: { total: string }) => p.total)).toEqual(['550.00']);
    const changes = await cli(['changes', '--since', '1h', '--json', '--store', url]);
    expect(schemaProblems('changes', JSON.parse(changes.stdout))).toEqual([]);
    for (const out of [first, history, changes]) expect(out.stdout + out.stderr).not.toContain(PASSWORD);
  }, 30_000);

  it('an unreachable server is exit 3 with one line naming the store without its password', async () => {
    const { code, stdout, stderr } = await cli(['history', '--store', `postgres://bi:${PASSWORD}@127.0.0.1:1/nowhere`]);
    expect([code, stdout]).toEqual([3, '']);
    expect(stderr).toMatch(/^error: cannot connect to history store postgres:\/\/«redacted»@127\.0\.0\.1:1\/nowhere: /);
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stderr).not.toContain(PASSWORD);
  });

  // The driver honours these parameters, so each is a password in another spelling.
  const spellings = ['password', 'PASSWORD', 'sslpassword'];
  for (const name of spellings) {
    it(`?${name}= never reaches snapshot --json, prune --json, watch --record or --debug`, async () => {
      const fresh = new URL(await server!.freshDatabase());
      const url = `${fresh.toString()}?${name}=${PASSWORD}&application_name=bi-test`;
      const outs = [
        await cli(['snapshot', '--account', 'syncpay', '--json', '--debug', '--store', url]),
        await cli(['history', 'prune', '--older-than', '400d', '--json', '--store', url]),
        await cli(['watch', '--account', 'syncpay', '--count', '1', '--record', '--interval', '1s', '--store', url]),
      ];
      for (const out of outs) {
        expect(out.code, out.stderr).toBe(0);
        expect(out.stdout + out.stderr).not.toContain(PASSWORD);
      }
      expect(JSON.parse(outs[0]!.stdout).store).toBe(`${fresh.toString().replace('bi@', '«redacted»@')}?${name}=«redacted»&application_name=bi-test`);
      expect(JSON.parse(outs[1]!.stdout).store).toMatch(new RegExp(`\\?${name}=«redacted»&application_name=bi-test$`));
      expect(outs[2]!.stderr).toMatch(new RegExp(`recording every poll in postgres://«redacted»@127\\.0\\.0\\.1:\\d+/\\w+\\?${name}=«redacted»&`));
      // A warning that names the store: an account with no history in it.
      const none = await cli(['history', '--account', 'flow-main', '--store', url]);
      expect(none.stderr).toMatch(new RegExp(`no history for account 'flow-main' in postgres://«redacted»@.*\\?${name}=«redacted»&`));
      expect(none.stdout + none.stderr).not.toContain(PASSWORD);
    }, 30_000);
  }

  it('an unreachable server named with ?password= is exit 3 without the password', async () => {
    const { code, stderr } = await cli(['history', '--debug', '--store', `postgresql://127.0.0.1:1/nowhere?sslmode=disable&password=${PASSWORD}`]);
    expect(code).toBe(3);
    expect(stderr).toMatch(/^error: cannot connect to history store postgresql:\/\/127\.0\.0\.1:1\/nowhere\?sslmode=disable&password=«redacted»: /);
    expect(stderr).not.toContain(PASSWORD);
  });
});
