// `config check` for people. Kept apart from doctorJson, which prints for machines.
import type { AccountCheck, DoctorReport, ProblemJson } from '../api/doctor.js';
import { forTerminal } from '../core/sanitize.js';
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
    const width = Math.max(...report.routes.map((r) => forTerminal(r.account).length));
    out.push('', 'Network:', ...report.routes.map((r) => `  ${forTerminal(r.account).padEnd(width)}  ${forTerminal(r.route, 300)}`));
  }

  const credentials = accounts.flatMap((a) =>
    a.credentials.map((k) => [
      a.account,
      k.field,
      k.source === 'env' ? `$${k.variable}` : k.source === 'file' ? forTerminal(k.path ?? '', 200) : 'the config file',
      k.ok ? c.green(k.status) : c.red(forTerminal(k.status, 300)),
    ]),
  );
  if (credentials.length > 0) out.push('', 'Credentials:', renderTable(['ACCOUNT', 'KEY', 'FROM', 'STATUS'], credentials, [], style).trimEnd());

  if (accounts.length > 0) {
    const yesNo = (value: boolean | null, yes: string, no: string) => (value === null ? c.dim('—') : value ? c.green(yes) : c.red(no));
    const rows = accounts.map((a) => [
      a.account,
      a.provider,
      a.mode ?? c.dim('—'),
      yesNo(a.reachable, 'yes', 'no'),
      yesNo(a.authOk, 'ok', 'refused'),
      a.latencyMs === null ? c.dim('—') : `${a.latencyMs} ms`,
      a.balances === null ? c.dim('—') : String(a.balances),
      result(a, style),
    ]);
    out.push('', 'Accounts:', renderTable(['ACCOUNT', 'PROVIDER', 'MODE', 'REACHABLE', 'AUTH', 'LATENCY', 'BALANCES', 'RESULT'], rows, [5, 6], style).trimEnd());
  }

  const problems = [
    ...(config.error ? [problemLines(null, config.error)] : []),
    ...accounts.flatMap((a) => a.errors.map((e) => problemLines(a.account, e))),
  ];
  if (problems.length > 0) out.push('', 'Problems:', ...problems.flat());
  out.push('', summary(report, style));
  return `${out.join('\n')}\n`;
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
