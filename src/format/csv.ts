// RFC 4180 CSV: a header row, one row per balance, CRLF line ends, amounts as plain decimal
// strings, empty cells for unknown values. Text cells are defused against formula injection.
import { BALANCE_JSON_FIELDS, toBalanceJson, type Balance, type Inconsistency } from '../core/balance.js';
import { csvCell } from '../core/sanitize.js';

export type CsvCellValue = { value: string | null; kind?: 'text' | 'amount' };

export function toCsv(header: string[], rows: CsvCellValue[][]): string {
  const lines = [header.join(','), ...rows.map((row) => row.map((c) => csvCell(c.value, c.kind)).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** One record with its CRLF, for output written a piece at a time. */
export function csvLine(cells: CsvCellValue[]): string {
  return `${cells.map((c) => csvCell(c.value, c.kind)).join(',')}\r\n`;
}

const COLUMNS = BALANCE_JSON_FIELDS;
// Last, so scripts that read the columns above by position keep working.
const INCONSISTENT_COLUMN = 'inconsistent';
const AMOUNT_COLUMNS = new Set(['available', 'pending', 'total', 'usdValue', 'usdRate']);

export function balancesCsv(balances: Balance[]): string {
  return toCsv(
    [...COLUMNS, INCONSISTENT_COLUMN],
    balances.map((b) => {
      const record = toBalanceJson(b);
      return [
        ...COLUMNS.map((column) => ({
          value: record[column],
          kind: AMOUNT_COLUMNS.has(column) ? ('amount' as const) : ('text' as const),
        })),
        { value: b.inconsistent ? describeProblems(b.inconsistent) : null },
      ];
    }),
  );
}

/**
 * "pendingAmount -900: negative; …" in the provider's own field names, raw: csvCell escapes it
 * (the terminal's escaping would show twice). Empty on a consistent row.
 */
function describeProblems(problems: Inconsistency[]): string {
  return problems.map((p) => `${p.field} ${p.value}: ${p.problem}`).join('; ');
}
