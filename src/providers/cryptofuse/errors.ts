// Cryptofuse error bodies come in several documented forms, depending on the endpoint and the era
// of the docs (providers/README.md §4.6):
//   {"error": {"code": "wallet_not_found", "message": "Wallet with the specified ID was not found"}}
//   {"detail": "Not authenticated"}                           (Django REST Framework)
//   {"error": "invalid_client", "error_description": "…"}     (OAuth token endpoint, v0.9 bodies)
//   {"wallet_id": ["This field is required."]}                (DRF field validation)
// The code (wallet_not_found, rate_limit_exceeded, insufficient_permissions, …) is what a user can
// look up in the docs, so it is always kept in the one-line message.
import { isObject, optText } from '../kit/shape.js';
import type { ErrorDetail } from '../kit/adapter.js';

const CODE = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

export function cryptofuseErrorDetail(body: unknown): ErrorDetail {
  if (!isObject(body)) return {};
  const error = body.error;
  if (isObject(error)) {
    return { code: optText(error.code), message: optText(error.message) ?? optText(error.detail) };
  }
  if (typeof error === 'string') {
    // OAuth style: the string is a code when it looks like one, otherwise it is the message.
    const description = optText(body.error_description) ?? optText(body.message);
    return CODE.test(error) ? { code: error, message: description } : { message: optText(error) };
  }
  const detail = body.detail;
  if (optText(detail)) return { code: optText(body.code), message: optText(detail) };
  if (isObject(detail)) return cryptofuseErrorDetail({ error: detail });
  if (optText(body.message)) return { code: optText(body.code), message: optText(body.message) };
  // DRF field errors: name the first field and its first message.
  for (const [field, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value.find((v) => typeof v === 'string') : undefined;
    if (typeof first === 'string') return { message: `${field}: ${first}` };
  }
  return {};
}
