// `config check` for machines: the schemaVersion 1 JSON document (docs/commands/config-check.md). The
// report for people is in doctor-table.ts.
import type { DoctorReport } from '../api/doctor.js';
import { stringifyOutputJson } from '../core/json.js';

export function doctorJson(report: DoctorReport, generatedAt: Date): string {
  return `${stringifyOutputJson({
    schemaVersion: 1,
    generatedAt: generatedAt.toISOString(),
    ok: report.exitCode === 0,
    exitCode: report.exitCode,
    config: report.config,
    // `proxy` only when a proxy variable is set, as the people's report shows a Network section.
    accounts: report.accounts.map((a) => {
      const proxy = report.routes?.find((r) => r.account === a.account)?.proxy;
      return proxy ? { ...a, proxy } : a;
    }),
  })}\n`;
}
