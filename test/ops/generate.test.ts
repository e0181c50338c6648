import pg from 'pg';
import { expect, it } from 'vitest';
import { runHub } from '../harness/cli';
import { createTestDatabase } from '../harness/hub';

async function summary(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT
      (SELECT count(*)::int FROM school WHERE code LIKE 'gen%') AS schools,
      (SELECT count(*)::int FROM participant_result WHERE school_code LIKE 'gen%') AS participants,
      (SELECT count(*)::int FROM assessment_result WHERE school_code LIKE 'gen%' AND source = 'derived') AS results,
      (SELECT sum(participants)::int FROM assessment_result WHERE school_code LIKE 'gen%') AS participants_in_results,
      (SELECT md5(string_agg(participant_code || test_score::text || coalesce(mark::text, ''), ',' ORDER BY participant_code, subject_code))
         FROM participant_result WHERE school_code LIKE 'gen%') AS fingerprint,
      (SELECT bool_and(is_demo) FROM school WHERE code LIKE 'gen%') AS all_demo`);
    return rows[0];
  } finally {
    await client.end();
  }
}

it('generates a deterministic dataset through COPY, school results derived, all labelled demo', async () => {
  const [first, second] = [await createTestDatabase(), await createTestDatabase()];
  for (const url of [first, second]) {
    const run = await runHub(['generate', '--schools', '60', '--participants', '6000', '--seed', '7'], url);
    expect(run.code, run.stdout + run.stderr).toBe(0);
  }
  const a = await summary(first);
  expect(a).toMatchObject({ schools: 60, participants: 6000, participants_in_results: 6000, all_demo: true });
  expect(a.results).toBeGreaterThan(60);
  expect(await summary(second)).toEqual(a);

  const again = await runHub(['generate', '--schools', '10', '--participants', '10'], first);
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(/уже сгенерированы/);
  expect((await runHub(['generate', '--schools', 'many', '--participants', '10'], first)).code).toBe(2);
});

it('the demo seed after a generation without demo data leaves the generated schools to their own data', async () => {
  const url = await createTestDatabase('empty');
  const generated = await runHub(['generate', '--schools', '40', '--participants', '400', '--seed', '3'], url, {
    HUB_DEMO_DATA: 'false',
  });
  expect(generated.code, generated.stdout + generated.stderr).toBe(0);
  const seeded = await runHub(['seed'], url, { HUB_DEMO_DATA: 'true' });
  expect(seeded.code, seeded.stdout + seeded.stderr).toBe(0);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT
      (SELECT count(*)::int FROM participant_result WHERE school_code LIKE 'gen%') AS generated_participants,
      (SELECT count(*)::int FROM participant_result WHERE school_code NOT LIKE 'gen%') AS demo_participants,
      (SELECT count(*)::int FROM vsoko_evaluation WHERE school_code LIKE 'gen%') AS generated_vsoko,
      (SELECT count(*)::int FROM vsoko_evaluation) AS vsoko`);
    // The region's schools got their demo data; the generated ones kept exactly what was generated.
    expect(rows[0]).toMatchObject({ generated_participants: 400, generated_vsoko: 0 });
    expect(rows[0].demo_participants).toBeGreaterThan(0);
    expect(rows[0].vsoko).toBeGreaterThan(0);
  } finally {
    await client.end();
  }
});
