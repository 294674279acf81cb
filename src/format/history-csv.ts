// Tidy CSV for `history --csv` (one row per point, written as the points stream out of the store)
// and `changes --csv` (one row per change), with the same RFC 4180 rules and formula defusing as
// `balances --csv`. `mode` is the last column, so scripts reading the others by position still work.
import { csvCell } from '../core/sanitize.js';
import type { Change } from '../history/changes.js';
import type { SeriesInfo } from '../history/select.js';
import type { DataSink as DataWriter } from '../core/data-sink.js';
import type { SeriesPoints } from './history-json.js';

const IDENTITY = ['account', 'provider', 'wallet', 'currency', 'network', 'providerCurrency'] as const;
const line = (cells: string[]) => `${cells.join(',')}\r\n`;

function identityCells(s: SeriesInfo): string[] {
  return IDENTITY.map((k) => csvCell(s[k]));
}

export async function writeHistoryCsv(out: DataWriter, series: SeriesPoints): Promise<void> {
  await out.write(line([...IDENTITY, 'at', 'available', 'pending', 'total', 'usdValue', 'error', 'mode']));
  for await (const { info, points } of series) {
    const identity = identityCells(info).join(',');
    const mode = csvCell(info.mode);
    for await (const batch of points) {
      let rows = '';
      for (const p of batch) {
        const amounts = [p.available, p.pending, p.total, p.usdValue].map((v) => csvCell(v, 'amount'));
        rows += line([identity, p.at.toISOString(), ...amounts, csvCell(p.error), mode]);
      }
      await out.write(rows);
    }
  }
  await out.end();
}

export function changesCsv(changes: Change[]): string {
  const amount = (value: string | null) => csvCell(value, 'amount');
  return [
    line([...IDENTITY, 'field', 'from', 'to', 'delta', 'mode']),
    ...changes.map((c) => line([...identityCells(c.series), csvCell(c.field), amount(c.from), amount(c.to), amount(c.delta), csvCell(c.series.mode)])),
  ].join('');
}
