import type { EntityManager } from 'typeorm';
import type { AnyImportKind, RowProblem } from './import-kind';
import { STAGING } from './staging';

/**
 * Problems found on the staged rows (repeated keys, the kind's own checks), kept in a table
 * of the transaction rather than in memory: a file of a million rows may repeat every key.
 * Each problem line leaves the staging table; the runner then pages through them in line
 * order, next to a second read of the file for the rejected rows' cells.
 */
const PROBLEMS = 'import_problems';

/** Lines of other rows a repeat message lists before «и ещё N». */
const LISTED_REPEATS = 10;

export async function createProblems(em: EntityManager): Promise<void> {
  await em.query(`CREATE TEMP TABLE ${PROBLEMS} (line integer PRIMARY KEY, problems jsonb NOT NULL) ON COMMIT DROP`);
}

/** Lines whose natural key repeats within the file: each names the others; all of them are problems. */
export async function takeDuplicates(em: EntityManager, kind: AnyImportKind): Promise<void> {
  const key = kind.key.map((k) => `"${k}"`).join(', ');
  // Most files have no repeats: a hashed count answers that for a million rows in
  // a fraction of the sorted grouping that collects the lines.
  const [any] = await em.query(`SELECT 1 FROM ${STAGING} GROUP BY ${key} HAVING count(*) > 1 LIMIT 1`);
  if (!any) return;
  await em.query(
    `INSERT INTO ${PROBLEMS} (line, problems)
     SELECT l, jsonb_build_array(jsonb_build_object(
              'column', NULL,
              'message', 'Повтор в файле: строка ' || l || ' — также в строке '
                         || array_to_string(others[1:${LISTED_REPEATS}], ', ')
                         || CASE WHEN cardinality(others) > ${LISTED_REPEATS}
                                 THEN ' и ещё ' || (cardinality(others) - ${LISTED_REPEATS}) ELSE '' END))
       FROM (SELECT array_agg(line ORDER BY line) AS lines FROM ${STAGING} GROUP BY ${key} HAVING count(*) > 1) g
      CROSS JOIN LATERAL unnest(g.lines) AS l
      CROSS JOIN LATERAL (SELECT array_remove(g.lines, l) AS others) o`,
  );
  await dropProblemLines(em);
}

/** The problems of a kind's `checkStaged`. */
export async function addProblems(em: EntityManager, found: Map<number, RowProblem[]>): Promise<void> {
  if (found.size === 0) return;
  await em.query(`INSERT INTO ${PROBLEMS} (line, problems) SELECT * FROM unnest($1::integer[], $2::jsonb[])`, [
    [...found.keys()],
    [...found.values()].map((problems) => JSON.stringify(problems)),
  ]);
  await dropProblemLines(em);
}

async function dropProblemLines(em: EntityManager): Promise<void> {
  await em.query(`DELETE FROM ${STAGING} s USING ${PROBLEMS} p WHERE s.line = p.line`);
}

export async function problemCount(em: EntityManager): Promise<number> {
  const [row] = await em.query(`SELECT count(*)::int AS count FROM ${PROBLEMS}`);
  return row.count;
}

/** The problem lines in line order, a page at a time. */
export async function* problemPages(
  em: EntityManager,
  size = 1000,
): AsyncGenerator<{ line: number; problems: RowProblem[] }[]> {
  let after = 0;
  for (;;) {
    const page: { line: number; problems: RowProblem[] }[] = await em.query(
      `SELECT line, problems FROM ${PROBLEMS} WHERE line > $1 ORDER BY line LIMIT $2`,
      [after, size],
    );
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.line;
  }
}
