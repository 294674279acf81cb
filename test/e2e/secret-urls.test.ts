// Secrets in every spelling stay out of output (issue 21 class 3), as users meet them: a short OAuth
// token a provider echoes, a proxy URL with a password and a secret parameter, a provider message
// quoting a URL with credentials. Each with and without --debug, in tables and JSON.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { writeConfig } from '../helpers/fixtures.js';
import { useSandbox } from '../helpers/e2e-sandbox.js';

const e2e = useSandbox();

describe('a short OAuth token is a secret of the run', () => {
  /** The token endpoint issues `token`; the wallet call refuses, quoting it. Fresh for each run. */
  const issueAndEcho = (token: string) => {
    e2e.sandbox.faults.clear();
    e2e.sandbox.state.cryptofuse.tokens.clear();
    e2e.sandbox.faults.add({
      provider: 'cryptofuse',
      path: '/o/token/',
      kind: 'body',
      body: JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }),
    });
    e2e.sandbox.faults.add({
      provider: 'cryptofuse',
      path: '/wallets/balance',
      kind: 'status',
      status: 403,
      times: 2,
      body: JSON.stringify({ detail: `token ${token} lacks scope read`, code: 'forbidden' }),
    });
  };
  for (const token of ['ab12Z', 'x9', 'tok-42.v']) {
    it(`Cryptofuse issues "${token}" and echoes it in a refusal: it is never printed`, async () => {
      const standalone = new RegExp(`(^|[^A-Za-z0-9_~+/=.-])${token.replace(/\./g, '\\.')}([^A-Za-z0-9_~+/=-]|$)`, 'm');
      for (const extra of [[], ['--debug'], ['--json']]) {
        issueAndEcho(token);
        const { code, stdout, stderr } = await e2e.cli('balances', '--account', 'casino-v2', ...extra);
        expect(code).toBe(4);
        expect(stdout + stderr).toMatch(/token «redacted» lacks scope read/);
        expect(`${stdout}\n${stderr}`).not.toMatch(standalone);
      }
    });
  }
});

describe('URLs with credentials in messages', () => {
  it('a provider detail quoting a URL with a password and a token loses both', async () => {
    e2e.sandbox.faults.add({
      provider: 'syncpay',
      kind: 'status',
      status: 400,
      body: JSON.stringify({ error: { code: 'BAD', message: 'see https://ops:Pa55word-9@hooks.example/x?token=tok-0123456789 for details' } }),
    });
    const { stdout, stderr } = await e2e.cli('balances', '--account', 'syncpay', '--json');
    const out = stdout + stderr;
    expect(out).toContain('https://«redacted»@hooks.example/x?token=«redacted»');
    expect(out).not.toMatch(/Pa55word|tok-0123456789|ops:/);
  });

  it('a proxy URL with a password and a ?token= shows neither, in errors or --debug', async () => {
    const configPath = writeConfig(
      e2e.dir,
      { accounts: { remote: { provider: 'flow-payments', baseUrl: 'https://api.flow.test/api', apiKey: 'sk_test_remote_0123456789', mode: 'test' } } },
      'proxy-secret.json',
    );
    const env = { HTTPS_PROXY: 'http://bob:hunter22-pw@127.0.0.1:9/?token=proxy-tok-0042' };
    const { code, stdout, stderr } = await runCli(['balances', '--debug', '--timeout', '5s', '--config', configPath], { env });
    expect(code).toBe(5);
    expect(stderr).toContain('via proxy http://127.0.0.1:9');
    expect(stdout + stderr).not.toMatch(/hunter22|proxy-tok-0042|bob/);
  });
});
