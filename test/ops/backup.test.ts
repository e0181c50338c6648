import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runHub } from '../harness/cli';
import { createTestDatabase, startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
let dir: string;
beforeAll(async () => {
  hub = await startTestHub();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-backup-'));
});
afterAll(async () => {
  await hub?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function counts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows;
    const result: Record<string, number> = {};
    for (const { tablename } of tables) {
      result[tablename] = (await client.query(`SELECT count(*)::int AS n FROM "${tablename}"`)).rows[0].n;
    }
    return result;
  } finally {
    await client.end();
  }
}

it('backs up and restores the whole database: every table, derived figures rebuilt, sequences continued', async () => {
  await hub.gqlOk(
    `mutation { submitSelfDiagnostic(input: { schoolCode: "sch700001", year: 2025, round: 2, level: HIGH }) { level } }`,
  );
  const file = path.join(dir, 'hub.backup.gz');
  const made = await runHub(['backup', file], hub.databaseUrl);
  expect(made.code, made.stderr).toBe(0);
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);

  const target = await createTestDatabase('empty');
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  await client.end();
  const restored = await runHub(['restore', file], target);
  expect(restored.code, restored.stdout + restored.stderr).toBe(0);

  expect(await counts(target)).toEqual(await counts(hub.databaseUrl));
  const check = new pg.Client({ connectionString: target });
  await check.connect();
  try {
    const [row] = (
      await check.query(
        `SELECT level, recorded_by FROM self_diagnostic_result WHERE school_code = 'sch700001' AND year = 2025 AND round = 2`,
      )
    ).rows;
    expect(row).toEqual({ level: 'high', recorded_by: 'test-admin' });
    // Serial columns continue after the restored rows: a new row does not collide.
    const inserted = await check.query(
      `INSERT INTO activity_progress (activity_id, target_level, target_key, status, recorded_by, recorded_at)
       SELECT id, 'region', 'region', 'planned', 'тест', now() FROM plan_activity
        WHERE id NOT IN (SELECT activity_id FROM activity_progress WHERE target_key = 'region') LIMIT 1 RETURNING id`,
    );
    expect(inserted.rowCount).toBe(1);
  } finally {
    await check.end();
  }
});

it('refuses to overwrite a database with data unless told --yes', async () => {
  const file = path.join(dir, 'again.backup.gz');
  expect((await runHub(['backup', file], hub.databaseUrl)).code).toBe(0);
  const refused = await runHub(['restore', file], hub.databaseUrl);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/--yes/);
  const broken = path.join(dir, 'broken.gz');
  fs.writeFileSync(broken, 'not a backup');
  const unreadable = await runHub(['restore', broken], hub.databaseUrl);
  expect(unreadable.code).toBe(1);
  expect(unreadable.stderr).toMatch(/Не удалось прочитать резервную копию/);
});
