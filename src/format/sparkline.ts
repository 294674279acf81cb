// A sparkline for a table cell: at most `width` characters, each the last known value of an equal
// slice of the points (a slice with no known value is a space: a gap, not a zero). Heights are
// computed with decimals; only the 8 block levels are chosen from them.
import { Decimal } from '../core/money.js';

const BLOCKS = '▁▂▃▄▅▆▇█';

export function sparkline(values: Array<string | null>, width = 24): string {
  if (values.length === 0) return '';
  const slices = Math.min(width, values.length);
  const picked: Array<Decimal | null> = [];
  for (let i = 0; i < slices; i++) {
    const slice = values.slice(Math.floor((i * values.length) / slices), Math.floor(((i + 1) * values.length) / slices));
    const last = [...slice].reverse().find((v) => v !== null);
    picked.push(last === undefined || last === null ? null : new Decimal(last));
  }
  const known = picked.filter((v): v is Decimal => v !== null);
  if (known.length === 0) return ' '.repeat(picked.length);
  const min = Decimal.min(...known);
  const range = Decimal.max(...known).minus(min);
  return picked
    .map((v) => {
      if (v === null) return ' ';
      if (range.isZero()) return BLOCKS[3];
      const level = v
        .minus(min)
        .div(range)
        .times(BLOCKS.length - 1)
        .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
        .toNumber();
      return BLOCKS[level];
    })
    .join('');
}
