import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql 16 ships both CommonJS and ESM builds. The server's dependencies
// (type-graphql, Apollo) load the CommonJS one; tests must use that very
// instance, or graphql-js refuses types "from another module or realm".
const serverRequire = createRequire(new URL('./server/package.json', import.meta.url));
const graphqlCjs = serverRequire.resolve('graphql');
// Packages that work on the server's schema must use the same (CommonJS) graphql.
const complexityCjs = serverRequire.resolve('graphql-query-complexity');

export default defineConfig({
  resolve: {
    alias: [
      { find: /^graphql$/, replacement: graphqlCjs },
      { find: /^graphql-query-complexity$/, replacement: complexityCjs },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['server/src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          globalSetup: ['test/harness/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
