// Cryptofuse: wallet balances over three documented API shapes (v1 GET /wallets/balances, v2 POST
// /wallets/balance, v3 POST /wallets/balances/), with an API key or OAuth client credentials.
// @see https://docs.cryptofuse.io/api-reference/wallets/wallet-balance
//
// `apiVersion` (default v3, the current docs) picks the request; the parser (shapes.ts) reads any
// of the three answers. Accounts that list no wallets read every wallet the key can see
// (wallets.ts). Each wallet is one call, so a 404 for one wallet is that wallet's error only.
import { emptyResult, type ProviderAdapter } from '../kit/adapter.js';
import { CRYPTOFUSE_INFO } from './info.js';
import { readWallets } from './balances.js';
import { cryptofuseErrorDetail } from './errors.js';
import { apiVersionOf, configuredTargets, listWallets } from './wallets.js';
import { withdrawalRules } from './withdrawals.js';

export const cryptofuse: ProviderAdapter = {
  info: CRYPTOFUSE_INFO,

  errorDetail: cryptofuseErrorDetail,

  async fetchBalances(ctx) {
    const version = apiVersionOf(ctx);
    const configured = configuredTargets(ctx, version);
    if (configured) return readWallets(this, ctx, version, configured);
    const listing = await listWallets(this, ctx);
    if (listing.targets.length === 0 && !listing.error) {
      return { ...emptyResult(), notices: [`Cryptofuse account '${ctx.account.name}' has no wallets`] };
    }
    const result = await readWallets(this, ctx, version, listing.targets);
    if (listing.error) result.errors.push(listing.error);
    return result;
  },

  withdrawalRules(ctx) {
    return withdrawalRules(this, ctx);
  },
};
