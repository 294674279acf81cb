// The Flow Payments account `demo` and `sandbox --write-config` point at this emulator.
import { FLOW_PAYMENTS_INFO } from '../info.js';

export function flowPaymentsDemoAccounts(base: string): Record<string, Record<string, unknown>> {
  return { 'flow-main': { provider: 'flow-payments', baseUrl: `${base}/api`, apiKey: FLOW_PAYMENTS_INFO.sandboxCredentials.apiKey, mode: 'test' } };
}
