// Fault scenarios: network failures, retries and HTTP answers (the table: test/reliability/faults.test.ts).
import { faultSuite } from './fault-suite.js';
import { scenarioGroups } from './scenarios.js';

faultSuite('fault scenarios: network failures, retries and HTTP answers', scenarioGroups.network);
