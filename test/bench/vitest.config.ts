import { defineConfig } from 'vitest/config';

/** `pnpm bench:import` only: benchmarks are measured on demand, never part of `pnpm test`. */
export default defineConfig({
  test: {
    include: ['test/bench/**/*.bench.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 5 * 60_000,
  },
});
