// The SyncPay account `demo` and `sandbox --write-config` point at this emulator.
import { SYNCPAY_INFO } from '../info.js';

export function syncpayDemoAccounts(base: string): Record<string, Record<string, unknown>> {
  return { syncpay: { provider: 'syncpay', baseUrl: base, apiKey: SYNCPAY_INFO.sandboxCredentials.apiKey } };
}
