// The shapes of one request and its settings, shared by the client (client.ts, which decides
// when to retry and stop) and the phrasing of failures (failures.ts).
import type { BackoffSettings } from './retry.js';
import type { RateLimiter } from './rate-limiter.js';
import type { Runtime } from './runtime.js';
import type { RetryNotice } from './retry-notice.js';

export interface HttpSettings {
  /** Whose sockets, pacing and redactor the requests use (src/http/runtime.ts). */
  runtime: Runtime;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /** Absolute time (ms since epoch) by which the whole command must be done. */
  deadline: number;
  /** What the user asked for, for messages ("within 30s"). */
  timeoutLabel: string;
  maxAttempts: number;
  maxResponseBytes: number;
  backoff: BackoffSettings;
  /** Stops the requests (default: the runtime's signal). */
  signal?: AbortSignal | undefined;
  debug?: ((line: string) => void) | undefined;
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read (default process.env). */
  env?: NodeJS.ProcessEnv | undefined;
  /**
   * Called before waiting to retry, and before pacing holds a request back (a documented limit,
   * X-RateLimit-Remaining 0), so people hear about the pause (docs/network.md).
   */
  onRetry?: ((notice: RetryNotice) => void) | undefined;
  /** Called as each attempt is sent (watch counts requests per poll to respect rate limits). */
  onRequest?: ((attempt: number) => void) | undefined;
}

export interface HttpRequestSpec {
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body?: string;
  /** Who is asking, for messages: "Flow Payments for account 'flow-main'". */
  who: string;
  /** The account's name, for short notices ("syncpay: rate-limited, retrying in 3s"). */
  account?: string | undefined;
  limiter?: RateLimiter | undefined;
  /** The provider's own say on retrying a failed answer (from its body); undefined: by status. */
  retryable?: ((response: HttpResponse) => boolean | undefined) | undefined;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  attempts: number;
  /** Set when a 429/503 asked for a wait longer than the time left. */
  retryAfterMs: number | null;
}
