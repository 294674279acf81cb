// The shape of a provider emulator and the registry of all of them.
import { bachsMount, type BachsState } from './bachs.js';
import { cryptofuseMount, type CryptofuseState } from './cryptofuse.js';
import { flowPaymentsMount, type FlowState } from './flow-payments.js';
import { swipeluxMount, type SwipeluxState } from './swipelux.js';
import { syncpayMount, type SyncpayState } from './syncpay.js';

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

export interface SandboxState {
  /** Accepted credentials per provider; tests add their own. */
  keys: Record<string, Set<string>>;
  flow: FlowState;
  syncpay: SyncpayState;
  bachs: BachsState;
  swipelux: SwipeluxState;
  cryptofuse: CryptofuseState;
}

export function bearer(headers: Record<string, string>): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  return match?.[1] ?? null;
}

export function defaultMounts(): { mounts: Mount[]; state: SandboxState } {
  const keys: Record<string, Set<string>> = {};
  const flow = flowPaymentsMount(keys);
  const sync = syncpayMount(keys);
  const bachs = bachsMount(keys);
  const swipe = swipeluxMount(keys);
  const cf = cryptofuseMount(keys);
  return {
    mounts: [flow.mount, sync.mount, bachs.mount, swipe.mount, cf.mount],
    state: { keys, flow: flow.state, syncpay: sync.state, bachs: bachs.state, swipelux: swipe.state, cryptofuse: cf.state },
  };
}
