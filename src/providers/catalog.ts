// The provider registry: every provider this tool knows, one line each. A provider's knowledge
// lives in its own folder src/providers/<id>/ (docs/dev/architecture.md); this file only lists the
// folders. Config validation, --help and completion read the facts (PROVIDERS) without loading any
// adapter; index.ts loads an adapter on demand.
import type { ProviderId } from '../core/provider-ids.js';
import type { ProviderHome } from './home.js';
import type { ProviderInfo } from './info.js';
import { bachsHome } from './bachs/home.js';
import { cryptofuseHome } from './cryptofuse/home.js';
import { flowPaymentsHome } from './flow-payments/home.js';
import { swipeluxHome } from './swipelux/home.js';
import { syncpayHome } from './syncpay/home.js';

export { PROVIDER_IDS, isProviderId, type ProviderId } from '../core/provider-ids.js';
export type { RateLimit } from '../http/rate-limiter.js';
export type { FieldSpec, ProviderInfo } from './info.js';

// Keyed by ProviderId, so a new id in core/provider-ids.ts does not compile until it is listed here.
export const PROVIDER_HOMES: Record<ProviderId, ProviderHome> = {
  'flow-payments': flowPaymentsHome,
  syncpay: syncpayHome,
  bachs: bachsHome,
  swipelux: swipeluxHome,
  cryptofuse: cryptofuseHome,
};

export const PROVIDERS = Object.fromEntries(
  Object.entries(PROVIDER_HOMES).map(([id, home]) => [id, home.info]),
) as Record<ProviderId, ProviderInfo>;
