// Credentials the sandbox (src/sandbox) accepts out of the box. They unlock nothing real; `demo` and
// the tests use them. They live beside the providers, not in the emulator, because watch recognises
// a sandbox account by them (watch/poll.ts) and product code never imports the emulator.
// Tests add their own (e.g. canary keys) through SandboxState.keys.
export const SANDBOX_KEYS = {
  'flow-payments': 'sk_test_flowsandbox00000000000001',
  syncpay: 'sk_test_syncpaysandbox000000000001',
  bachs: 'sk_sandbox_bachssandbox0000000000001',
  swipelux: 'sk.sbx.swipeluxsandbox0000000001',
  cryptofuse: 'cf_sandbox_key_00000000000000001',
  cryptofuseClientId: 'cf_sandbox_client',
  cryptofuseClientSecret: 'cf_sandbox_client_secret_000001',
} as const;
