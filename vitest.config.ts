import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Spawned tests run dist/: rebuilt first when src/ is newer (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    // Child processes and loopback servers: forks keep process.chdir and signals realistic.
    pool: 'forks',
    // vitest's default is one worker per core but one (a single worker on two cores). Most test
    // time is spent waiting (loopback servers, watch intervals, retry waits, spawned CLIs), so
    // files run four at a time: measured on 2 cores (README "Tests"), 4 beat 1, 2 and 3, and 6
    // gained nothing more while making elapsed-time bounds tighter under load.
    maxWorkers: 4,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    env: { NO_COLOR: '1', FORCE_COLOR: '0' },
  },
});
