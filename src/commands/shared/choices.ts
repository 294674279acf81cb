// The words some flags and arguments accept, shared by a command's registration (commander's
// choices: --help and completion show them) and its parse function (which refuses any other word
// with a usage error naming the flag). Declared here, not imported from the modules that use the
// words: those reach decimal.js or the history store, which `--help` must not load.
import type { Mode } from '../../core/balance.js';
import type { GroupBy } from '../../core/totals.js';
import type { Bucket } from '../../history/points.js';

/** `total --by`. */
export const GROUP_BY = ['currency', 'account', 'provider'] as const satisfies readonly GroupBy[];

/** `history --by`: one point per UTC hour, day or week. */
export const BUCKETS = ['hour', 'day', 'week'] as const satisfies readonly Bucket[];

/** `completion <shell>`. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** `can-withdraw --mode`. */
export const MODES = ['live', 'test'] as const satisfies readonly Mode[];
