// Fault scenarios: watch, money and withdrawal decisions (the table: test/reliability/faults.test.ts).
import { faultSuite } from './fault-suite.js';
import { scenarioGroups } from './scenarios.js';

faultSuite('fault scenarios: watch, money and withdrawal decisions', scenarioGroups.decisions);
