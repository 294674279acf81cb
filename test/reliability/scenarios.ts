// Every row of the fault table, grouped as the faults-*.test.ts files run them.
import type { Scenario } from './harness.js';
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

export const scenarioGroups = {
  network: [...networkScenarios, ...waitScenarios],
  configAndBodies: [...configScenarios, ...bodyScenarios],
  decisions: [...watchScenarios, ...moneyScenarios, ...withdrawScenarios],
  secretsAndTrust: [...secretScenarios, ...trustScenarios, ...failClosedScenarios],
} satisfies Record<string, Scenario[]>;

export const allScenarios: Scenario[] = Object.values(scenarioGroups).flat();
