// The bench's table: one row per figure with its budget, and the raw start-up medians.
function format(value, unit) {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  if (unit === '×') return `${value.toFixed(2)}×`;
  if (unit === '%') return `${value.toFixed(1)} %`;
  if (unit === 'MB') return `${value.toFixed(1)} MB`;
  if (unit === 'ms' || unit === 'B') return `${Math.round(value)} ${unit}`;
  return String(Math.round(value * 100) / 100);
}

function verdict(f) {
  if (f.target === undefined) return '';
  if (f.value === null || f.value === undefined || Number.isNaN(f.value)) return 'n/a';
  const ok = f.better === 'higher' ? f.value >= f.target : f.value <= f.target;
  return ok ? 'ok' : 'OVER BUDGET';
}

export function printReport(results) {
  const rows = [['figure', 'measured', 'budget', '']];
  const notes = [];
  for (const [name, step] of Object.entries(results.steps)) {
    if (step.error) notes.push(`${name}: failed: ${step.error}`);
    if (step.skipped) notes.push(`${name}: skipped: ${step.skipped}`);
    for (const note of step.notes ?? []) notes.push(`${name}: ${note}`);
    for (const f of step.figures ?? []) {
      const budget = f.target === undefined ? '' : `${f.better === 'higher' ? '≥' : '≤'} ${format(f.target, f.unit)}`;
      rows.push([f.figure, format(f.value, f.unit), budget, verdict(f)]);
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(`\nbalance-inspector bench: Node ${results.machine.node}, ${results.machine.cpus} × ${results.machine.model}`);
  console.log(
    `load average at start ${results.machine.loadavgAtStart.map((l) => l.toFixed(2)).join(' ')}, at end ${results.machine.loadavgAtEnd.map((l) => l.toFixed(2)).join(' ')}\n`,
  );
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
  for (const [label, timings] of Object.entries(results.steps.startup?.timings ?? {})) {
    console.log(`\nstart-up medians, ${label} (ms):`);
    for (const [name, t] of Object.entries(timings))
      console.log(`  ${name.padEnd(14)} ${t.median.toFixed(1).padStart(7)}   (min ${t.min.toFixed(1)}, n = ${t.samples})`);
  }
  const fan = results.steps.fanout;
  if (fan?.medianMs) console.log(`\nfan-out: median ${fan.medianMs.toFixed(0)} ms, ideal ${fan.idealMs} ms at ${fan.latencyMs} ms latency`);
  const rate = results.steps['rate-limit'];
  if (rate?.attempts) console.log(`rate limit: ${rate.wallets} wallets, ${rate.attempts} attempts, ${rate.elapsedMs} ms`);
  const parse = results.steps.parse;
  if (parse?.jsonMs)
    console.log(`parse: ${(parse.bytes / 1048576).toFixed(1)} MB, JSON.parse ${parse.jsonMs.toFixed(0)} ms, lossless ${parse.losslessMs.toFixed(0)} ms`);
  if (notes.length > 0) console.log(`\n${notes.join('\n')}`);
}
