// The ids of the providers this tool knows. They live in the domain layer because balances and
// accounts carry them (Balance.provider, AccountConfig.provider); what a provider is and does lives
// in src/providers/ (catalog.ts re-exports these, so callers may import them from either place).
export const PROVIDER_IDS = ['flow-payments', 'syncpay', 'bachs', 'swipelux', 'cryptofuse'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export function isProviderId(value: string): value is ProviderId {
  return (PROVIDER_IDS as readonly string[]).includes(value);
}

/** The provider a user means, typed in any case (`--provider Syncpay`), as currency codes are; undefined for none. */
export function providerIdIgnoringCase(text: string): ProviderId | undefined {
  const lower = text.toLowerCase();
  return PROVIDER_IDS.find((id) => id === lower);
}
