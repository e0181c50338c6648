import { createDataSource } from '../db/data-source';
import { migrate } from '../db/migrate';
import { loadConfig } from '../config';
import { generateNational } from '../seed/generate/national';
import { runSeeds } from '../seed/run-seeds';
import { openDatabase } from './database';

function count(value: unknown, name: string, max: number): number | string {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 0 || n > max) return `--${name}: целое число от 0 до ${max}`;
  return n;
}

/** `hub generate --schools <n> --participants <n> [--seed <n>]`: benchmark data, all labelled demo. */
export async function generateCommand(values: Record<string, unknown>): Promise<number> {
  const schools = count(values.schools, 'schools', 1_000_000);
  const participants = count(values.participants, 'participants', 500_000_000);
  const seed = values.seed === undefined ? 1 : count(values.seed, 'seed', 2 ** 31);
  for (const problem of [schools, participants, seed]) {
    if (typeof problem === 'string') {
      console.error(`${problem}\nИспользование: pnpm hub generate --schools <n> --participants <n> [--seed <n>]`);
      return 2;
    }
  }
  const db = await openDatabase();
  const dataSource = createDataSource({ url: db.url, poolSize: 4, applicationName: 'hub-generate' });
  try {
    await dataSource.initialize();
    await migrate(dataSource);
    await runSeeds(dataSource, { demo: loadConfig().seedDemo });
    const report = await generateNational(dataSource, {
      schools: schools as number,
      participants: participants as number,
      seed: seed as number,
      log: (line) => console.log(line),
    });
    console.log(
      `Готово за ${report.seconds.toFixed(1)} с: школ ${report.schools}, участников ${report.participants}, ` +
        `результатов школ ${report.schoolResults}`,
    );
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.close();
  }
}
