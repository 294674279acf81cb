// The Swipelux config rule that spans several keys (a field spec checks one key): a v3 account
// (and a customer-scoped v1 wallet) is read through its customer, so it is written
// customerId/accountId; without any ids every customer of the key is read.

/** The problem with a Swipelux account's ids, or null. */
export function swipeluxAccountRule(value: Record<string, unknown>): string | null {
  const ids = (key: string) => (Array.isArray(value[key]) ? value[key].filter((v): v is string => typeof v === 'string') : []);
  const bad = ids('wallets').find((id) => !/^[^/]+(\/[^/]+)?$/.test(id.trim()) || (value.apiVersion === 'v3' && !id.includes('/')));
  if (bad !== undefined) {
    return `wallets: "${bad.slice(0, 60)}" is not ${value.apiVersion === 'v3' ? 'customerId/accountId (v3 reads an account through its customer), e.g. cus_abc123/acc_1' : 'a wallet id (wal_…) or customerId/walletId'}`;
  }
  const badCustomer = ids('customers').find((id) => id.includes('/'));
  return badCustomer === undefined ? null : `customers: "${badCustomer.slice(0, 60)}" is not a customer id (cus_… or biz_…)`;
}

/** swipeluxAccountRule as a JSON Schema fragment (schema/config.v1.json); the config tests hold them to the same answers. */
export const swipeluxAccountRuleSchema = {
  properties: {
    wallets: { items: { pattern: '^[^/]+(/[^/]+)?$' } },
    customers: { items: { not: { pattern: '/' } } },
  },
  if: { properties: { apiVersion: { const: 'v3' } }, required: ['apiVersion'] },
  then: { properties: { wallets: { items: { pattern: '/' } } } },
};
