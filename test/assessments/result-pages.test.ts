import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

/**
 * Deriving an import's keys rewrites every school-level row of them at once, in one transaction.
 * Pages packed full sent each new version to another page and into every index; with room kept
 * on the page (migration `SchoolResultRoom`) most of them stay where they are (HOT updates).
 */
it('keeps room on the pages of school-level results for their rows to be rewritten in place', async () => {
  const db = hub.hub.dataSource;
  // A new, empty table file: the rows below fill its pages from the first.
  await db.query(`TRUNCATE assessment_result`);
  // Written as the derivation writes them: a few hundred rows, one after another, packing the pages.
  const written = await db.query(
    `INSERT INTO assessment_result (school_code, procedure_code, year, subject_code, grade, participants,
                                    count2, count3, count4, count5, source)
     SELECT s.code, 'VPR', y, j.code, g, 10, 1, 3, 4, 2, 'derived'
       FROM (SELECT code FROM school ORDER BY code LIMIT 4) s,
            generate_series(2016, 2025) y,
            (SELECT code FROM assessment_subject ORDER BY code LIMIT 3) j,
            generate_series(4, 8) g
     RETURNING 1`,
  );
  expect(written.length).toBeGreaterThan(300);

  const hot = await db.transaction(async (em) => {
    await em.query(`UPDATE assessment_result SET participants = 11, count3 = 4, updated_at = now()`);
    const [row] = await em.query(
      `SELECT pg_stat_get_xact_tuples_updated('assessment_result'::regclass)::int AS updated,
              pg_stat_get_xact_tuples_hot_updated('assessment_result'::regclass)::int AS hot`,
    );
    return row as { updated: number; hot: number };
  });
  expect(hot.updated).toBe(written.length);
  // Pages packed full leave none; a page with 30 % free takes new versions of over 40 % of its rows.
  expect(hot.hot).toBeGreaterThan(written.length * 0.3);
});
