// The shape of one provider emulator. Each src/providers/<id>/emulator/ implements it (its index.ts
// exports a ProviderEmulator); the provider's home loads it lazily, and the emulator host
// (src/sandbox) mounts every registered provider's under /<id>. In the kit, so neither the provider
// folders nor the host import each other for it.
export interface MountRequest {
  method: string;
  /** Path under the provider prefix, e.g. `/api/balances`. */
  path: string;
  /** The provider prefix itself, e.g. `/cryptofuse`, for Location headers. */
  prefix: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
}

export interface MountResponse {
  status: number;
  /** An object (sent as JSON) or pre-serialized text (for exact JSON numbers, non-JSON bodies). */
  body: unknown;
  headers?: Record<string, string>;
  contentType?: string;
}

/**
 * What an emulator offers the sandbox's scenarios (sandbox/scenario.ts) so they can change its
 * balances between requests; an emulator without one takes part in none.
 */
export interface ScenarioTarget {
  /** Requests to this path read balances: a scenario counts them and acts before each is answered. */
  balancesPath: string;
  /** The emulator's code for the USDT (Tron) balance a `settle` deposit arrives in. */
  depositCurrency: string;
  /** The emulator's code for the US dollar balance `ticker` raises. */
  dollarCurrency: string;
  /** Amounts (decimal strings) of one currency, or null when the emulator has no such balance. */
  amounts(currency: string): { available: string; pending: string } | null;
  /** Set them; the emulator keeps whatever total it reports consistent with its rows. */
  setAmounts(currency: string, available: string, pending: string): void;
}

export interface Mount {
  /** Offered to the sandbox's scenarios (see ScenarioTarget). */
  scenario?: ScenarioTarget;
  rateLimit?: { requests: number; windowMs: number };
  /** The credential a request carries (to count rate limits per key), or null. */
  credentialOf(headers: Record<string, string>): string | null;
  rateLimited(retryAfterSeconds: number, limit: number): MountResponse;
  notFound(): MountResponse;
  handle(req: MountRequest): MountResponse | null;
}

/**
 * One provider's emulator, as its emulator/index.ts exports it. The host mounts it under the
 * provider's id, and fills `keys` with the provider's sandbox credentials (info.sandboxCredentials);
 * tests add their own keys to the same set (SandboxState.keys[id]).
 */
export interface ProviderEmulator<State extends object> {
  /** Creates the emulator: its Mount and the state it serves (tests read and change it). */
  route(keys: Set<string>): { mount: Mount; state: State };
  /** The accounts `demo` and `sandbox --write-config` point at it, given its base URL. */
  demoAccounts(base: string): Record<string, Record<string, unknown>>;
}

export function bearer(headers: Record<string, string>): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  return match?.[1] ?? null;
}
