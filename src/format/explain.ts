// `config check --explain ACCOUNT` for people: the first page of a declared provider's balance
// list, path by path (api/explain.ts gathers it). Provider text was escaped where it was read.
import type { AccountExplanation } from '../api/explain.js';
import type { ExplainedField } from '../providers/kit/adapter.js';

/** Columns are joined by one space, so a text as wide as its column (or wider) gets no padding. */
function pad(text: string, width: number): string {
  return text.padEnd(width);
}

function fieldLine(f: ExplainedField, pathWidth: number): string {
  const found = f.found === null ? '(nothing)' : f.found;
  const outcome = f.problem !== null ? `✗ ${f.problem}` : f.reads !== null ? `→ ${f.reads}` : f.found === null ? '→ not reported (unknown, never 0)' : '';
  return `    ${pad(f.name, 11)} ${pad(f.path, pathWidth)} ${pad(found, 28)} ${outcome}`.trimEnd();
}

export function explainText(e: AccountExplanation): string {
  const lines = [
    `Account '${e.account}' (declared provider ${e.provider}): ${e.request}`,
    `Records (${e.records.path}): ${e.records.found} on the first page`,
    `Paging: ${e.paging}`,
  ];
  const pathWidth = Math.max(8, ...e.shown.flatMap((r) => r.shown.flatMap((row) => row.fields.map((f) => f.path.length))));
  for (const record of e.shown) {
    const wallet = record.wallet === null ? '' : ` wallet ${record.wallet}${record.walletName === null ? '' : ` "${record.walletName}"`},`;
    lines.push('', `${record.at}${wallet} ${record.rows} row${record.rows === 1 ? '' : 's'}${record.problem ? `: ✗ ${record.problem}` : ''}`);
    for (const row of record.shown) {
      if (row.at !== record.at) lines.push(`  ${row.at}`);
      lines.push(...row.fields.map((f) => fieldLine(f, pathWidth)));
    }
    const hidden = record.rows - record.shown.length;
    if (hidden > 0 && !record.problem) lines.push(`  (${hidden} more row${hidden === 1 ? '' : 's'} not shown)`);
  }
  const hiddenRecords = e.records.found - e.shown.length;
  if (hiddenRecords > 0) lines.push('', `(${hiddenRecords} more record${hiddenRecords === 1 ? '' : 's'} not shown)`);
  lines.push('', `The first page maps to ${e.balances} balance${e.balances === 1 ? '' : 's'}${e.problems.length === 0 ? '; no problems.' : '.'}`);
  if (e.problems.length > 0) lines.push('Problems:', ...e.problems.map((p) => `  ${p}`));
  return `${lines.join('\n')}\n`;
}
