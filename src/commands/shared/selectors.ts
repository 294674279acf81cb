// A selector naming an account ([account:]CURRENCY[@network] in --currency, --below, --above,
// --until) must name one that is configured and selected (core/selected-account.ts).
import type { Config } from '../../config/types.js';
import { checkSelectedAccount } from '../../core/selected-account.js';

/** `verb` says what selected means here: 'being watched' (watch), 'selected' (balances, total). */
export function checkSelectorAccount(flag: string, account: string | null, config: Config, selected: string[], verb = 'selected'): void {
  checkSelectedAccount(
    flag,
    account,
    config.accounts.map((a) => a.name),
    selected,
    verb,
  );
}
