// The fault-injection suite (issue 6): every scenario row runs the built CLI against its own
// sandbox with canary keys, asserts exit code, stderr, stdout, attempts and elapsed time, then
// reruns with --debug; every captured output is scanned for the canaries.
import { afterAll, describe, expect, it } from 'vitest';
import { captured, runScenario, type Scenario } from './harness.js';
import { networkScenarios } from './scenarios-network.js';
import { bodyScenarios } from './scenarios-bodies.js';
import { configScenarios } from './scenarios-config.js';
import { watchScenarios } from './scenarios-watch.js';
import { moneyScenarios } from './scenarios-money.js';
import { withdrawScenarios } from './scenarios-withdraw.js';
import { secretScenarios } from './scenarios-secrets.js';
import { trustScenarios } from './scenarios-trust.js';
import { waitScenarios } from './scenarios-waits.js';
import { failClosedScenarios } from './scenarios-failclosed.js';

const all: Scenario[] = [...networkScenarios, ...bodyScenarios, ...configScenarios, ...watchScenarios, ...moneyScenarios, ...withdrawScenarios, ...secretScenarios, ...trustScenarios, ...waitScenarios, ...failClosedScenarios];

describe.concurrent('fault scenarios', () => {
  it('has unique ids and at least 60 rows', () => {
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(60);
  });
  for (const scenario of all) {
    it(`${scenario.id}: ${scenario.what}`, async () => {
      await runScenario(scenario);
      completed.push(scenario);
    }, scenario.maxMs * 2 + 15_000);
  }
});

/** Scenarios that ran to the end (a filtered run, `-t`, runs only some). */
const completed: Scenario[] = [];

afterAll(() => {
  // Each completed scenario scanned its stdout and stderr, and again with --debug unless it runs once.
  expect(captured.outputs).toBeGreaterThanOrEqual(completed.reduce((n, s) => n + (s.once ? 2 : 4), 0));
  // The secret canary's goal: 0 leaks across at least 200 captured outputs, once every scenario ran.
  if (completed.length === all.length) expect(captured.outputs).toBeGreaterThanOrEqual(200);
  if (process.env.BI_REPORT) process.stderr.write(`fault suite: ${all.length} scenarios, ${captured.runs} runs, ${captured.outputs} outputs scanned\n`);
});
