import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Spawned tests run dist/: rebuilt first when src/ is newer (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    // Child processes and loopback servers: forks keep process.chdir and signals realistic.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    env: { NO_COLOR: '1', FORCE_COLOR: '0' },
  },
});
