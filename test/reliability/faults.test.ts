// The fault-injection suite (issue 6): every scenario row runs the CLI against its own sandbox
// with canary keys, asserts exit code, stderr, stdout, attempts and elapsed time, then reruns
// with --debug; every captured output is scanned for the canaries. The rows run in the
// faults-*.test.ts files (test/reliability/fault-suite.ts); this file checks the table whole.
import { describe, expect, it } from 'vitest';
import { outputsOf } from './fault-suite.js';
import { allScenarios } from './scenarios.js';

describe('the fault table', () => {
  it('has unique ids and at least 60 rows', () => {
    expect(new Set(allScenarios.map((s) => s.id)).size).toBe(allScenarios.length);
    expect(allScenarios.length).toBeGreaterThanOrEqual(60);
  });

  it('scans at least 200 captured outputs for the canaries when every row runs (0 leaks allowed)', () => {
    // Each faults-*.test.ts file checks that its completed rows scanned all of theirs.
    expect(allScenarios.reduce((n, s) => n + outputsOf(s), 0)).toBeGreaterThanOrEqual(200);
  });
});
