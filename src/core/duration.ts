// Durations as users write them: `500ms`, `10s`, `2m`, `1h`. A bare number is refused so that
// `--timeout 5` is never silently read as 5 ms or 5 minutes.
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds, or null when the text is not a duration like `500ms`, `10s`, `2m`. */
export function parseDuration(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)\s*$/i.exec(text);
  if (!match) return null;
  const [, amount = '', unit = ''] = match;
  const ms = Number(amount) * (UNITS[unit.toLowerCase()] ?? Number.NaN);
  return Number.isFinite(ms) ? Math.round(ms) : null;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))}s`;
  if (ms < 3_600_000) return `${Number((ms / 60_000).toFixed(1))}m`;
  return `${Number((ms / 3_600_000).toFixed(1))}h`;
}
