// One file of the fault suite (issue 6): its scenario rows run concurrently, each against its own
// sandbox with canary keys (test/reliability/harness.ts), and every output they captured must
// have been scanned for the canaries. The rows are spread over several files so that vitest can
// run them on every core; faults.test.ts checks the table as a whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario, warmUp, type Scenario, type Tally } from './harness.js';

/** Outputs a scenario's runs are scanned in: stdout and stderr, again with --debug unless it runs once. */
export const outputsOf = (s: Scenario): number => (s.once ? 2 : 4);

export function faultSuite(title: string, scenarios: Scenario[]): void {
  const tally: Tally = { outputs: 0, runs: 0 };
  /** Scenarios that ran to the end (a filtered run, `-t`, runs only some). */
  const completed: Scenario[] = [];

  beforeAll(warmUp, 60_000);
  describe.concurrent(title, () => {
    for (const scenario of scenarios) {
      it(
        `${scenario.id}: ${scenario.what}`,
        async () => {
          await runScenario(scenario, tally);
          completed.push(scenario);
        },
        scenario.maxMs * 2 + 15_000,
      );
    }
  });

  afterAll(() => {
    expect(tally.outputs).toBeGreaterThanOrEqual(completed.reduce((n, s) => n + outputsOf(s), 0));
    if (process.env.BI_REPORT) process.stderr.write(`${title}: ${scenarios.length} scenarios, ${tally.runs} runs, ${tally.outputs} outputs scanned\n`);
  });
}
