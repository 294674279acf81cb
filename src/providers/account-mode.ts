// An account's mode (live or test money) from its setup alone: its config `mode`, else a host that
// is one mode (a sandbox host), else its key's prefix — each provider's hints in its info.ts. Known
// without a call, so an account whose read failed keeps its mode (can-withdraw never calls its
// test siblings "other mode" because one test account is down), and `config check` says the same.
import type { Mode } from '../core/balance.js';
import type { ProviderInfo } from './kit/info.js';

export interface AccountSetup {
  mode: Mode | null;
  baseUrl: string | null;
  /** Absent when the credentials could not be resolved (an unset ${VAR}). */
  credentials?: { apiKey?: string | undefined } | undefined;
}

export function setupMode(account: AccountSetup, info: Pick<ProviderInfo, 'defaultBaseUrl' | 'modeHints'>): Mode | null {
  if (account.mode) return account.mode;
  const hints = info.modeHints;
  if (!hints) return null;
  const host = hostOf(account.baseUrl ?? info.defaultBaseUrl);
  const byHost = host === null ? undefined : hints.hosts?.[host];
  if (byHost) return byHost;
  const key = account.credentials?.apiKey ?? '';
  return hints.keyPrefixes.find(([prefix]) => key.startsWith(prefix))?.[1] ?? null;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}
