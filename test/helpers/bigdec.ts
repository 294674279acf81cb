// An independent reference for decimal arithmetic: BigInt scaled integers. Property tests compare
// the tool's decimal.js results against it, so a bug in one is not hidden by the same bug in both.
export interface Fixed {
  units: bigint;
  scale: number;
}

export function parseFixed(text: string): Fixed {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [int = '0', frac = ''] = body.split('.');
  const units = BigInt(int + frac);
  return { units: negative ? -units : units, scale: frac.length };
}

export function rescale(a: Fixed, scale: number): bigint {
  return a.units * 10n ** BigInt(scale - a.scale);
}

export function formatFixed(units: bigint, scale: number): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const digits = abs.toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative && abs !== 0n ? `-${text}` : text;
}

export function addFixed(values: Fixed[]): { units: bigint; scale: number } {
  const scale = Math.max(0, ...values.map((v) => v.scale));
  return { units: values.reduce((sum, v) => sum + rescale(v, scale), 0n), scale };
}

export function compareFixed(a: Fixed, b: Fixed): number {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Round half away from zero (what people expect from "to cents"), at `scale` decimals. */
export function roundHalfUp(a: Fixed, scale: number): string {
  if (a.scale <= scale) return formatFixed(rescale(a, scale), scale);
  const divisor = 10n ** BigInt(a.scale - scale);
  const abs = a.units < 0n ? -a.units : a.units;
  let q = abs / divisor;
  if ((abs % divisor) * 2n >= divisor) q += 1n;
  return formatFixed(a.units < 0n ? -q : q, scale);
}
