import { expect, inject, it } from 'vitest';
import { benchConfig } from './config';
import { runBenchmarks } from './runner';

/**
 * `pnpm bench` at toy size inside the test command, so that it cannot rot: every benchmark runs
 * end to end (generation, the command line, two server processes, PostGraphile, Chromium) on a
 * database of this run's PostgreSQL, and every figure comes out a finite number. Targets are
 * not judged at this size.
 */
it('runs every benchmark at smoke size and produces every figure', async () => {
  const report = await runBenchmarks(benchConfig({}, 'smoke'), {
    adminUrl: inject('pgAdminUrl'),
    log: () => undefined,
  });
  const failed = report.figures.filter((f) => !Number.isFinite(f.value));
  expect(failed.map((f) => `${f.id}: ${f.note}`)).toEqual([]);
  const benchmarks = new Set(report.figures.map((f) => f.benchmark));
  expect([...benchmarks].sort()).toEqual(['aggregate', 'dashboard', 'ingest', 'live', 'memory', 'throughput']);
  expect(report.figures.length).toBeGreaterThanOrEqual(21);
  // The target's ratio is by municipality; the other groupings and the sum of all 12 are for the record.
  const speedups = report.figures.filter((f) => f.id.startsWith('aggregate.speedup'));
  expect(speedups.map((f) => [f.id, f.target ?? null])).toEqual([
    ['aggregate.speedup_municipality', { op: '>=', value: 50 }],
    ['aggregate.speedup_region', null],
    ['aggregate.speedup_cluster', null],
    ['aggregate.speedup_school', null],
    ['aggregate.speedup_all', null],
    ['aggregate.speedup_cold', null],
  ]);
}, 240_000);
