import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// As in the root config: the server's code (loaded for accounts) must see the CommonJS graphql.
const serverRequire = createRequire(new URL('../../server/package.json', import.meta.url));

/** `pnpm bench` and `pnpm bench:import` only: benchmarks are measured on demand, never part of `pnpm test`. */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^graphql$/, replacement: serverRequire.resolve('graphql') },
      { find: /^graphql-query-complexity$/, replacement: serverRequire.resolve('graphql-query-complexity') },
    ],
  },
  test: {
    include: ['test/bench/**/*.bench.ts'],
    testTimeout: 60 * 60_000,
    hookTimeout: 5 * 60_000,
  },
});
