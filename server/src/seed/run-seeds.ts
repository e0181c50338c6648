import type { DataSource } from 'typeorm';
import { SeedRun } from './seed-run.entity';
import type { Seed } from './seed';
import { SEEDS } from './seeds';

/** Serialises seeding between processes that start together. */
const SEED_LOCK = 727_001;

export interface SeedReport {
  applied: { name: string; rows: number }[];
  skipped: string[];
}

/**
 * Runs each seed that has not run yet, all in one transaction: a failure
 * leaves nothing half-seeded, and a second start finds everything recorded
 * and writes nothing.
 */
export async function runSeeds(
  dataSource: DataSource,
  options: { demo: boolean; seeds?: Seed[] },
): Promise<SeedReport> {
  const report: SeedReport = { applied: [], skipped: [] };
  await dataSource.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const done = new Set((await em.find(SeedRun)).map((r) => r.name));
    for (const seed of options.seeds ?? SEEDS) {
      if (done.has(seed.name) || (seed.demo && !options.demo)) {
        report.skipped.push(seed.name);
        continue;
      }
      const rows = await seed.run(em);
      await em.insert(SeedRun, { name: seed.name, rowCount: rows });
      report.applied.push({ name: seed.name, rows });
    }
  });
  return report;
}
