// `config init`'s provider-specific part comes from each provider's info (init.flags, init.askMissing,
// init.apiVersions, init.defaultApiVersion): which flags a provider takes, the API versions it
// offers, and the questions it asks. Ids are checked with the config's own rules as they are typed.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { apiVersionsOf } from '../../src/commands/config/init-choices.js';
import { askMissing, checkGiven, splitIds, withDefaults, type GivenAnswers } from '../../src/commands/config/init-answers.js';
import { PROVIDERS, PROVIDER_IDS } from '../../src/providers/catalog.js';
import { createLinePrompter } from '../../src/ui/prompt.js';

/** askMissing fed these lines; the answers and everything it printed. */
async function ask(given: GivenAnswers, lines: string[]) {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d: Buffer) => (printed += d.toString()));
  input.end(lines.map((l) => `${l}\n`).join(''));
  const prompter = createLinePrompter({ input, output });
  try {
    return { answers: await askMissing(given, prompter), printed };
  } finally {
    prompter.close();
  }
}

describe('config init flags follow the provider', () => {
  it.each([
    [{ provider: 'syncpay', wallets: ['w1'] }, '--wallet is only for swipelux and cryptofuse accounts, not syncpay'],
    [{ provider: 'cryptofuse', customers: ['cus_1'] }, '--customer is only for swipelux accounts, not cryptofuse'],
    [{ provider: 'flow-payments', apiVersion: 'v1' }, '--api-version is only for swipelux and cryptofuse accounts, not flow-payments'],
    [{ provider: 'bachs', apiVersion: 'v3' }, '--api-version is only for swipelux and cryptofuse accounts, not bachs'],
    // Each provider's own versions (its accountFields.apiVersion), not the union of all.
    [{ provider: 'swipelux', apiVersion: 'v2' }, "--api-version: 'v2' is not one of v1, v3"],
    [{ provider: 'cryptofuse', apiVersion: 'v4' }, "--api-version: 'v4' is not one of v1, v2, v3"],
    // The config's own rules (validateConfig) on what the flags give together.
    [
      { provider: 'swipelux', apiVersion: 'v3', wallets: ['wal_1'] },
      'these flags do not make a valid Swipelux account: wallets: "wal_1" is not customerId/accountId (v3 reads an account through its customer), e.g. cus_abc123/acc_1',
    ],
    [
      { provider: 'swipelux', customers: ['cus_1/wal_1'] },
      'these flags do not make a valid Swipelux account: customers: "cus_1/wal_1" is not a customer id (cus_… or biz_…)',
    ],
    [{ provider: 'swipelux', wallets: ['wal_1', 'bad id'] }, "--wallet: 'bad id' is not a valid id: an id has no spaces; separate ids with commas"],
    [{ provider: 'cryptofuse', wallets: ['..'] }, "--wallet: '..' is not a valid id"],
  ] as Array<[GivenAnswers, string]>)('%o', (given, message) => {
    expect(() => checkGiven(given)).toThrow(message);
  });

  it("accepts each provider's own flags", () => {
    expect(() => checkGiven({ provider: 'swipelux', wallets: ['wal_1', 'cus_1/wal_2'], customers: ['cus_1'] })).not.toThrow();
    expect(() => checkGiven({ provider: 'swipelux', apiVersion: 'v3', wallets: ['cus_1/acc_1'] })).not.toThrow();
    expect(() => checkGiven({ provider: 'swipelux', apiVersion: 'v3', customers: ['cus_1'] })).not.toThrow();
    expect(() => checkGiven({ provider: 'cryptofuse', wallets: ['550e8400-e29b-41d4-a716-446655440000'], apiVersion: 'v2' })).not.toThrow();
  });

  it('an apiVersion is written by default only where the provider has a default (Cryptofuse v3); a flag writes its own', () => {
    expect(withDefaults({ provider: 'cryptofuse' }).apiVersion).toBe('v3');
    expect(withDefaults({ provider: 'cryptofuse', apiVersion: 'v1' }).apiVersion).toBe('v1');
    expect(withDefaults({ provider: 'swipelux', apiVersion: 'v3' }).apiVersion).toBe('v3');
    for (const provider of ['flow-payments', 'syncpay', 'bachs', 'swipelux']) expect(withDefaults({ provider }).apiVersion, provider).toBeNull();
  });

  it('every provider with several API versions offers each, with what it reads', () => {
    const offering = PROVIDER_IDS.filter((id) => apiVersionsOf(id).length > 0);
    expect(offering).toEqual(['swipelux', 'cryptofuse']);
    for (const id of offering) {
      expect(PROVIDERS[id].init.flags, id).toContain('apiVersion');
      expect(Object.keys(PROVIDERS[id].init.apiVersions ?? {}).sort(), id).toEqual(apiVersionsOf(id));
    }
  });

  it('an id list is split at commas only: spaces around an id go, spaces inside one stay (and are refused)', () => {
    expect(splitIds(' wal_1 ,wal_2,, ')).toEqual(['wal_1', 'wal_2']);
    expect(splitIds('wal_abc123, bad id')).toEqual(['wal_abc123', 'bad id']);
  });
});

describe('config init questions of each provider', () => {
  const base = { account: 'a', keyEnv: 'K' };

  it('Swipelux offers v1 and v3 (v1 by default, not written), then asks for wallets and customers, saying that none reads every customer', async () => {
    const { answers, printed } = await ask({ provider: 'swipelux', ...base }, ['', '', '']);
    expect([answers.apiVersion, answers.wallets, answers.customers]).toEqual([null, [], []]);
    expect(printed).toContain('  1) v1  wallets and customers (wal_…, cus_…)\n  2) v3  accounts (cus_…/acc_…)\n');
    expect(printed).toContain('Swipelux API (1-2 or name) [v1]: ');
    expect(printed).toContain('Swipelux wallet ids to read (wal_… or cus_…/wal_…, comma-separated; empty for none)');
    expect(printed).toContain('Swipelux customer ids to read (cus_…/biz_…, comma-separated; empty reads every customer)');
    const withWallet = await ask({ provider: 'swipelux', ...base }, ['v1', 'wal_1, wal_2', '']);
    expect([withWallet.answers.wallets, withWallet.answers.apiVersion]).toEqual([['wal_1', 'wal_2'], null]);
    expect(withWallet.printed).toContain('comma-separated; empty for none)');
  });

  it("refuses 'wal_abc123, bad id' and asks again, instead of writing three ids", async () => {
    const { answers, printed } = await ask({ provider: 'swipelux', ...base }, ['v1', 'wal_abc123, bad id', 'wal_abc123, wal_def456', '']);
    expect(printed).toContain("  'bad id' is not a valid id: an id has no spaces; separate ids with commas\n");
    expect(answers.wallets).toEqual(['wal_abc123', 'wal_def456']);
  });

  it("Swipelux v3 (a version not Swipelux's is asked again) asks for accounts and checks them with the config rule (customerId/accountId)", async () => {
    const { answers, printed } = await ask({ provider: 'swipelux', ...base }, ['v2', '2', 'acc_1', 'cus_1/acc_1', 'cus_1']);
    expect(printed).toContain("  'v2' is not one of v1, v3\n");
    expect(printed).toContain('Swipelux accounts to read (cus_…/acc_…, comma-separated; empty for none)');
    expect(printed).toContain('  wallets: "acc_1" is not customerId/accountId (v3 reads an account through its customer), e.g. cus_abc123/acc_1\n');
    expect(answers).toMatchObject({ apiVersion: 'v3', wallets: ['cus_1/acc_1'], customers: ['cus_1'] });
  });

  it('a customer answer in wallet form is refused by the same rule', async () => {
    const { answers, printed } = await ask({ provider: 'swipelux', ...base }, ['v1', '', 'cus_1/wal_1', 'biz_2']);
    expect(printed).toContain('  customers: "cus_1/wal_1" is not a customer id (cus_… or biz_…)\n');
    expect(answers.customers).toEqual(['biz_2']);
  });

  it('Swipelux asks nothing more once --wallet or --customer is given; --api-version skips its question', async () => {
    const { answers, printed } = await ask({ provider: 'swipelux', ...base, customers: ['cus_1'] }, []);
    expect([answers.apiVersion, answers.wallets, answers.customers]).toEqual([null, [], ['cus_1']]);
    expect(printed).toBe('');
    const versioned = await ask({ provider: 'swipelux', ...base, apiVersion: 'v3' }, ['', '']);
    expect([versioned.answers.apiVersion, versioned.answers.customers]).toEqual(['v3', []]);
    expect(versioned.printed).not.toContain('Swipelux API');
    const flagged = await ask({ provider: 'swipelux', ...base, apiVersion: 'v3', wallets: ['cus_1/acc_1'] }, []);
    expect(flagged.printed).toBe('');
    expect(flagged.answers.apiVersion).toBe('v3');
  });

  it('Cryptofuse offers v1, v2 and v3 (default v3), then wallet ids; flags skip their question', async () => {
    const { answers, printed } = await ask({ provider: 'cryptofuse', ...base }, ['', 'w1,w2']);
    expect([answers.apiVersion, answers.wallets]).toEqual(['v3', ['w1', 'w2']]);
    expect(printed).toContain('  3) v3  POST /wallets/balances/, by wallet or external id (current)\n');
    expect(printed).toContain('Cryptofuse balance API (1-3 or name) [v3]: ');
    const flagged = await ask({ provider: 'cryptofuse', ...base, apiVersion: 'v2', wallets: ['w9'] }, []);
    expect([flagged.answers.apiVersion, flagged.answers.wallets]).toEqual(['v2', ['w9']]);
    expect(flagged.printed).not.toContain('Cryptofuse');
  });

  it('Flow, SyncPay and Bachs ask no provider questions', async () => {
    for (const provider of ['flow-payments', 'syncpay', 'bachs']) {
      const { answers, printed } = await ask({ provider, ...base }, []);
      expect([answers.wallets, answers.customers, answers.apiVersion], provider).toEqual([[], [], null]);
      expect(printed, provider).toBe('');
    }
  });
});
