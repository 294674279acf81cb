// The shape of one provider emulator. Each sandbox/<provider>.ts implements it; mounts.ts lists
// them all (kept apart so the emulators and their registry do not import each other).
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

export interface Mount {
  id: string;
  rateLimit?: { requests: number; windowMs: number };
  /** The credential a request carries (to count rate limits per key), or null. */
  credentialOf(headers: Record<string, string>): string | null;
  rateLimited(retryAfterSeconds: number, limit: number): MountResponse;
  notFound(): MountResponse;
  handle(req: MountRequest): MountResponse | null;
}

export function bearer(headers: Record<string, string>): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  return match?.[1] ?? null;
}
