import { defineConfig } from 'vitest/config';

// One command, every suite: unit tests, the integration suite once per database engine, and the
// browser end-to-end tests against the built web app.
export default defineConfig({
  test: {
    pool: 'forks',
    // Integration tests mostly wait on PostgreSQL, disk and password hashing: more workers than
    // the 2 cores keep both busy.
    maxWorkers: 4,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'] } },
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'], env: { DB: 'sqlite' } } },
      {
        extends: true,
        test: { name: 'postgres', include: ['test/**/*.test.ts'], env: { DB: 'postgres' }, globalSetup: ['test/support/postgres-required.ts'] },
      },
      { extends: true, test: { name: 'e2e', include: ['e2e/**/*.test.ts'], testTimeout: 90_000, fileParallelism: false } },
    ],
  },
});
