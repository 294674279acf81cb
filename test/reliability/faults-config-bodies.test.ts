// Fault scenarios: configuration, usage, output channels and response bodies (the table: test/reliability/faults.test.ts).
import { faultSuite } from './fault-suite.js';
import { scenarioGroups } from './scenarios.js';

faultSuite('fault scenarios: configuration, usage, output channels and response bodies', scenarioGroups.configAndBodies);
