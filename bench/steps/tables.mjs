// Step "tables" (issue 22, "Tables are linear"): the balances table at 10,000 rows against the
// JSON document for the same balances (budget ≤ 1.5×), and 10,000 rows against 1,000 (linear: ≈ 10×).
// Measured in a child process (tables-child.mjs) on the target's build.
import { fileURLToPath } from 'node:url';
import { timeProcess } from '../lib/measure.mjs';

export async function tables(target, { rounds = 5 } = {}) {
  const child = fileURLToPath(new URL('./tables-child.mjs', import.meta.url));
  const result = await timeProcess([process.execPath, '--expose-gc', child, target.root, String(rounds)], { timeoutMs: 600_000 });
  if (result.code !== 0) throw new Error(`tables step failed: ${result.stderr.slice(0, 400)}`);
  const data = JSON.parse(result.stdout);
  const small = data[1000];
  const large = data[10000];
  const figures = [];
  const notes = [`1,000 rows: table ${small.tableMs.toFixed(0)} ms, fitted to 80 columns ${small.fittedMs.toFixed(0)} ms, JSON ${small.jsonMs.toFixed(0)} ms`];
  if (large.skipped) notes.push(`10,000 rows: ${large.skipped}`);
  else {
    notes.push(`10,000 rows: table ${large.tableMs.toFixed(0)} ms, fitted to 80 columns ${large.fittedMs.toFixed(0)} ms, JSON ${large.jsonMs.toFixed(0)} ms`);
    figures.push(
      { figure: 'balances table, 10,000 rows vs JSON', value: large.tableMs / large.jsonMs, unit: '×', target: 1.5, better: 'lower' },
      { figure: 'balances table fitted to 80 columns, 10,000 rows vs JSON', value: large.fittedMs / large.jsonMs, unit: '×', target: 1.5, better: 'lower' },
      { figure: 'balances table, 10,000 rows vs 1,000 (linear: 10)', value: large.tableMs / small.tableMs, unit: '×', target: 13, better: 'lower' },
    );
  }
  return { ...data, notes, figures };
}
