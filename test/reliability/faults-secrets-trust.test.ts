// Fault scenarios: secrets and file trust (the table: test/reliability/faults.test.ts).
import { faultSuite } from './fault-suite.js';
import { scenarioGroups } from './scenarios.js';

faultSuite('fault scenarios: secrets and file trust', scenarioGroups.secretsAndTrust);
