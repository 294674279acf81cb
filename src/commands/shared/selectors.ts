// A selector naming an account ([account:]CURRENCY[@network] in --currency, --below, --above,
// --until) must name one that is configured and selected; otherwise it could only match nothing.
import type { Config } from '../../config/types.js';
import { UsageError } from '../../core/errors.js';
import { didYouMean } from '../../core/suggest.js';

/** `verb` says what selected means here: 'being watched' (watch), 'selected' (balances, total). */
export function checkSelectorAccount(flag: string, account: string | null, config: Config, selected: string[], verb = 'selected'): void {
  if (account === null || selected.includes(account)) return;
  const configured = config.accounts.map((a) => a.name);
  if (!configured.includes(account)) {
    throw new UsageError(`${flag}: unknown account '${account}'${didYouMean(account, configured)}`, `configured accounts: ${configured.join(', ')}`);
  }
  throw new UsageError(`${flag}: account '${account}' is not ${verb}`, `${verb === 'selected' ? 'selected' : 'watched'} accounts: ${selected.join(', ')} (see --account / --provider)`);
}
