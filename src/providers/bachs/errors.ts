// Error bodies of SyncPay and Bachs. Both adapters read both envelopes, because which one a server
// sends depends on its generation, not on the provider id the user configured:
//   SyncPay docs:  {"error": {"code": "UNAUTHORIZED", "message": "Invalid API key"}}
//   Bachs OpenAPI: {"detail": "Invalid request parameters", "error_code": "VALIDATION_ERROR",
//                   "errors": [{"field": "amount", "message": "Amount must be …", "type": "value_error"}]}
// The first field error is added to the message: "amount: Amount must be …" is what a user fixes.
import { isObject, optText } from '../kit/shape.js';
import type { ErrorDetail } from '../kit/adapter.js';

function firstFieldError(errors: unknown): string | undefined {
  if (!Array.isArray(errors)) return undefined;
  const first = errors.find(isObject);
  if (!first) return undefined;
  const message = optText(first.message);
  const field = optText(first.field);
  return message && field ? `${field}: ${message}` : message;
}

export function syncpayFamilyErrorDetail(body: unknown): ErrorDetail {
  if (!isObject(body)) return {};
  if (isObject(body.error)) {
    return { code: optText(body.error.code), message: optText(body.error.message) ?? optText(body.error.detail) };
  }
  const detail = optText(body.detail) ?? optText(body.message);
  const field = firstFieldError(body.errors);
  const message = detail && field ? `${detail} (${field})` : (detail ?? field);
  return { code: optText(body.error_code) ?? optText(body.code) ?? optText(body.error), message };
}
