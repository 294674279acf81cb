// Which Bachs host an account talks to, and in which mode. The host selects the environment (a
// sandbox key sent to production gets 401), and the SDKs pick the host from the key prefix; we do
// the same. A `baseUrl` replaces the host (tests, a proxy), but the key prefix still sets the mode,
// and a key sent to the other environment's real host is refused before any request: it could
// only fail, and the failure would look like a revoked key.
import type { Mode } from '../../core/balance.js';
import { ConfigError } from '../../core/errors.js';
import type { AdapterContext } from '../kit/adapter.js';
import { BACHS_HOSTS, BACHS_KEY_MODES } from './info.js';

export interface BachsTarget {
  baseUrl: string;
  mode: Mode | null;
}

function keyMode(key: string): { prefix: string; mode: Mode } | null {
  const match = BACHS_KEY_MODES.find(([prefix]) => key.startsWith(prefix));
  return match ? { prefix: match[0], mode: match[1] } : null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

export function bachsTarget(ctx: AdapterContext): BachsTarget {
  const name = ctx.account.name;
  const fromKey = keyMode(ctx.account.credentials.apiKey ?? '');
  const configured = ctx.account.mode;
  if (fromKey && configured && configured !== fromKey.mode) {
    throw new ConfigError(`accounts.${name}.mode is ${configured}, but its key (${fromKey.prefix}…) is a ${fromKey.mode} key`, {
      hint: `remove accounts.${name}.mode (the key prefix sets it) or use a ${configured} key`,
    });
  }
  const mode = fromKey?.mode ?? configured;
  if (mode === null && ctx.account.baseUrl === null) {
    throw new ConfigError(`accounts.${name}.apiKey does not start with sk_sandbox_ or sk_live_, so the Bachs host (sandbox or production) is unknown`, {
      hint: `check the key, or set accounts.${name}.mode: test | live`,
    });
  }
  const baseUrl = ctx.account.baseUrl ?? (mode === 'test' ? BACHS_HOSTS.test : BACHS_HOSTS.live);
  const host = hostOf(baseUrl);
  const other = mode === 'test' ? BACHS_HOSTS.live : mode === 'live' ? BACHS_HOSTS.test : null;
  if (other !== null && host === hostOf(other)) {
    const what = fromKey ? `a ${mode === 'test' ? 'sandbox' : 'live'} key (${fromKey.prefix}…)` : `mode ${mode}`;
    throw new ConfigError(`accounts.${name} sends ${what} to the ${mode === 'test' ? 'production' : 'sandbox'} host ${host}; Bachs would reject it`, {
      hint: `remove accounts.${name}.baseUrl (the key picks ${mode === 'test' ? BACHS_HOSTS.test : BACHS_HOSTS.live}) or use a ${mode === 'test' ? 'live' : 'sandbox'} key`,
    });
  }
  return { baseUrl, mode };
}
