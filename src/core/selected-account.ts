// A selector or a payout naming an account ([account:]CURRENCY[@network] in --currency, --below,
// --until; the account column of a payout list) must name one that is configured and selected;
// otherwise it could only match nothing.
import { UsageError } from './errors.js';
import { didYouMean } from './suggest.js';

/** `verb` says what selected means here: 'being watched' (watch), 'selected' (balances, total). */
export function checkSelectedAccount(label: string, account: string | null, configured: string[], selected: string[], verb = 'selected'): void {
  if (account === null || selected.includes(account)) return;
  if (!configured.includes(account)) {
    throw new UsageError(`${label}: unknown account '${account}'${didYouMean(account, configured)}`, `configured accounts: ${configured.join(', ')}`);
  }
  throw new UsageError(
    `${label}: account '${account}' is not ${verb}`,
    `${verb === 'selected' ? 'selected' : 'watched'} accounts: ${selected.join(', ')} (see --account / --provider)`,
  );
}
