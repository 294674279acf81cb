// `config init`'s provider-specific part comes from each provider's info (init.flags, init.askMissing,
// init.defaultApiVersion): which id flags a provider takes, and the questions it asks.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { askMissing, checkGiven, withDefaults, type GivenAnswers } from '../../src/commands/config/init-answers.js';
import { createPrompter } from '../../src/ui/prompt.js';

/** askMissing fed these lines; the answers and the question labels it printed. */
async function ask(given: GivenAnswers, lines: string[]) {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d: Buffer) => (printed += d.toString()));
  input.end(lines.map((l) => `${l}\n`).join(''));
  const prompter = createPrompter({ input, output });
  try {
    return { answers: await askMissing(given, prompter), printed };
  } finally {
    prompter.close();
  }
}

describe('config init id flags follow the provider', () => {
  it.each([
    [{ provider: 'syncpay', wallets: ['w1'] }, '--wallet is only for swipelux and cryptofuse accounts, not syncpay'],
    [{ provider: 'cryptofuse', customers: ['cus_1'] }, '--customer is only for swipelux accounts, not cryptofuse'],
    [{ provider: 'flow-payments', apiVersion: 'v1' }, '--api-version is only for swipelux and cryptofuse accounts, not flow-payments'],
    [{ provider: 'bachs', apiVersion: 'v3' }, '--api-version is only for swipelux and cryptofuse accounts, not bachs'],
    // Each provider's own versions (its accountFields.apiVersion), not the union of all.
    [{ provider: 'swipelux', apiVersion: 'v2' }, "--api-version: 'v2' is not one of v1, v3"],
    [{ provider: 'cryptofuse', apiVersion: 'v4' }, "--api-version: 'v4' is not one of v1, v2, v3"],
    // The provider's own rule over several keys, as the config would apply it.
    [{ provider: 'swipelux', apiVersion: 'v3', wallets: ['wal_1'] }, 'these flags do not make a valid Swipelux account: wallets: "wal_1" is not customerId/accountId'],
  ] as Array<[GivenAnswers, string]>)('%o', (given, message) => {
    expect(() => checkGiven(given)).toThrow(message);
  });

  it('accepts each provider\'s own id flags and versions', () => {
    expect(() => checkGiven({ provider: 'swipelux', wallets: ['wal_1'], customers: ['cus_1'] })).not.toThrow();
    expect(() => checkGiven({ provider: 'swipelux', apiVersion: 'v3', customers: ['cus_1'] })).not.toThrow();
    expect(() => checkGiven({ provider: 'cryptofuse', wallets: ['w1'], apiVersion: 'v2' })).not.toThrow();
  });

  it('only Cryptofuse gets an apiVersion by default (v3); a given one is kept for any provider that has versions', () => {
    expect(withDefaults({ provider: 'cryptofuse' }).apiVersion).toBe('v3');
    expect(withDefaults({ provider: 'cryptofuse', apiVersion: 'v1' }).apiVersion).toBe('v1');
    expect(withDefaults({ provider: 'swipelux', apiVersion: 'v3' }).apiVersion).toBe('v3');
    for (const provider of ['flow-payments', 'syncpay', 'bachs', 'swipelux']) expect(withDefaults({ provider }).apiVersion, provider).toBeNull();
  });
});

describe('config init questions of each provider', () => {
  const base = { account: 'a', keyEnv: 'K' };

  it('Swipelux asks for its API (default v1, not written), then wallets and customers, saying that none reads every customer', async () => {
    const { answers, printed } = await ask({ provider: 'swipelux', ...base }, ['', '', '']);
    expect([answers.wallets, answers.customers, answers.apiVersion]).toEqual([[], [], null]);
    expect(printed).toContain('Swipelux API (v1: wallets and customers, v3: accounts)');
    expect(printed).toContain('Swipelux wallet ids to read (wal_…, comma-separated; empty for none)');
    expect(printed).toContain('Swipelux customer ids to read (cus_…/biz_…, comma-separated; empty reads every customer)');
    const withWallet = await ask({ provider: 'swipelux', ...base }, ['v1', 'wal_1, wal_2', '']);
    expect([withWallet.answers.wallets, withWallet.answers.apiVersion]).toEqual([['wal_1', 'wal_2'], null]);
    expect(withWallet.printed).toContain('comma-separated; empty for none)');
  });

  it('Swipelux v3 asks for customers only and writes apiVersion v3; a version that is not Swipelux\'s is asked again', async () => {
    const { answers, printed } = await ask({ provider: 'swipelux', ...base }, ['v2', 'v3', 'cus_1']);
    expect([answers.apiVersion, answers.wallets, answers.customers]).toEqual(['v3', [], ['cus_1']]);
    expect(printed).toContain("'v2' is not one of v1, v3");
    expect(printed).not.toContain('wallet ids');
    const flagged = await ask({ provider: 'swipelux', ...base, apiVersion: 'v3' }, ['']);
    expect([flagged.answers.apiVersion, flagged.answers.customers]).toEqual(['v3', []]);
    expect(flagged.printed).not.toContain('Swipelux API');
  });

  it('Swipelux asks nothing more once --wallet or --customer is given', async () => {
    const { answers, printed } = await ask({ provider: 'swipelux', ...base, customers: ['cus_1'] }, []);
    expect([answers.wallets, answers.customers]).toEqual([[], ['cus_1']]);
    expect(printed).not.toContain('Swipelux');
  });

  it('Cryptofuse asks for the API (default v3), then wallet ids; flags skip their question', async () => {
    const { answers, printed } = await ask({ provider: 'cryptofuse', ...base }, ['', 'w1,w2']);
    expect([answers.apiVersion, answers.wallets]).toEqual(['v3', ['w1', 'w2']]);
    expect(printed).toContain('Cryptofuse balance API (v1, v2, v3)');
    const flagged = await ask({ provider: 'cryptofuse', ...base, apiVersion: 'v2', wallets: ['w9'] }, []);
    expect([flagged.answers.apiVersion, flagged.answers.wallets]).toEqual(['v2', ['w9']]);
    expect(flagged.printed).not.toContain('Cryptofuse');
  });

  it('Flow, SyncPay and Bachs ask no id questions', async () => {
    for (const provider of ['flow-payments', 'syncpay', 'bachs']) {
      const { answers, printed } = await ask({ provider, ...base }, []);
      expect([answers.wallets, answers.customers, answers.apiVersion], provider).toEqual([[], [], null]);
      expect(printed, provider).toBe('');
    }
  });
});
