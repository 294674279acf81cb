// `config check` for people. Kept apart from doctorJson so `config check --json` never loads the
// table code. On a terminal the tables are fitted and the prose lines wrapped to its width.
import type { AccountCheck, DoctorReport, ProblemJson } from '../api/doctor.js';
import { forTerminal } from '../core/sanitize.js';
import { cellWidth, wrapToWidth } from './cells.js';
import { renderTable, type TableStyle } from './table.js';

export function doctorText(report: DoctorReport, style: TableStyle): string {
  const c = style.color;
  const { config, accounts } = report;
  const out: string[] = [];
  if (config.path === null) out.push(`Config: ${c.red('none found')}`);
  else {
    out.push(`Config: ${forTerminal(config.path, 500)}${config.mode ? ` (mode ${config.mode})` : ''}`);
    if (config.reason) out.push(`  ${forTerminal(config.reason, 500)}`);
    if (config.accounts !== null) out.push(`  valid: ${config.accounts} account${config.accounts === 1 ? '' : 's'}`);
  }

  if (report.routes && report.routes.length > 0) {
    const names = report.routes.map((r) => forTerminal(r.account));
    const width = names.reduce((most, name) => Math.max(most, cellWidth(name)), 0);
    out.push('', 'Network:', ...report.routes.map((r, i) => `  ${names[i]}${' '.repeat(width - cellWidth(names[i] ?? ''))}  ${forTerminal(r.route, 300)}`));
  }

  const keys = accounts.flatMap((a) => a.credentials.map((k) => ({ account: a.account, ...k })));
  if (keys.length > 0) {
    const table = renderTable(
      {
        columns: [
          { head: 'ACCOUNT', cells: keys.map((k) => forTerminal(k.account)) },
          { head: 'KEY', cells: keys.map((k) => k.field) },
          {
            head: 'FROM',
            cutTo: 12,
            cells: keys.map((k) => (k.source === 'env' ? `$${k.variable}` : k.source === 'file' ? forTerminal(k.path ?? '', 200) : 'the config file')),
          },
          { head: 'STATUS', cutTo: 12, cells: keys.map((k) => (k.ok ? c.green(k.status) : c.red(forTerminal(k.status, 300)))) },
        ],
      },
      style,
    );
    out.push('', 'Credentials:', table.trimEnd());
  }

  if (accounts.length > 0) {
    const yesNo = (value: boolean | null, yes: string, no: string) => (value === null ? c.dim('—') : value ? c.green(yes) : c.red(no));
    // Too narrow: LATENCY, BALANCES and MODE go, and RESULT is cut; who answered stays.
    const table = renderTable(
      {
        columns: [
          { head: 'ACCOUNT', cells: accounts.map((a) => forTerminal(a.account)) },
          { head: 'PROVIDER', cells: accounts.map((a) => a.provider) },
          { head: 'MODE', cells: accounts.map((a) => a.mode ?? c.dim('—')) },
          { head: 'REACHABLE', cells: accounts.map((a) => yesNo(a.reachable, 'yes', 'no')) },
          { head: 'AUTH', cells: accounts.map((a) => yesNo(a.authOk, 'ok', 'refused')) },
          { head: 'LATENCY', align: 'right', cells: accounts.map((a) => (a.latencyMs === null ? c.dim('—') : `${a.latencyMs} ms`)) },
          { head: 'BALANCES', align: 'right', cells: accounts.map((a) => (a.balances === null ? c.dim('—') : String(a.balances))) },
          { head: 'RESULT', cutTo: 12, cells: accounts.map((a) => result(a, style)) },
        ],
        hide: ['LATENCY', 'BALANCES', 'MODE'],
      },
      style,
    );
    out.push('', 'Accounts:', table.trimEnd());
  }

  const problems = [...(config.error ? [problemLines(null, config.error)] : []), ...accounts.flatMap((a) => a.errors.map((e) => problemLines(a.account, e)))];
  if (problems.length > 0) out.push('', 'Problems:', ...problems.flat());
  out.push('', summary(report, style));
  return `${wrapToWidth(out.join('\n'), style.width)}\n`;
}

function result(account: AccountCheck, style: TableStyle): string {
  if (account.errors.length === 0) return style.color.green('ok');
  const codes = [...new Set(account.errors.map((e) => e.code))].join(', ');
  return style.color.red(account.called ? codes : `not called (${codes})`);
}

function problemLines(account: string | null, problem: ProblemJson): string[] {
  return [
    `  ${account ? `${account}: ` : ''}${forTerminal(problem.message, 1000)}`,
    ...problem.problems.map((p) => `    ${forTerminal(p, 1000)}`),
    ...(problem.hint ? [`    hint: ${forTerminal(problem.hint, 1000)}`] : []),
  ];
}

function summary(report: DoctorReport, style: TableStyle): string {
  const c = style.color;
  if (report.config.error) return c.red(`The config has a problem (exit ${report.exitCode}).`);
  const failing = report.accounts.filter((a) => a.exitCode !== 0).length;
  const total = report.accounts.length;
  if (failing === 0) return c.green(`All good: ${total} account${total === 1 ? '' : 's'} checked.`);
  return c.red(`${failing} of ${total} account${total === 1 ? '' : 's'} ${failing === 1 ? 'has a problem' : 'have problems'} (exit ${report.exitCode}).`);
}
