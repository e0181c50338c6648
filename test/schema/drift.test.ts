import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createDataSource } from '../../server/src/db/data-source';
import { buildHubSchema, printHubSchema } from '../../server/src/graphql/schema';
import { createTestDatabase } from '../harness/hub';

it('schema/schema.graphql is what the server emits', async () => {
  const committed = fs.readFileSync(path.resolve(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
  expect(printHubSchema(await buildHubSchema()), 'run `pnpm schema:emit` and commit the result').toBe(committed);
});

it('the migrations build exactly what the entities describe', async () => {
  const dataSource = createDataSource({ url: await createTestDatabase('empty'), poolSize: 2 });
  await dataSource.initialize();
  try {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  } finally {
    await dataSource.destroy();
  }
});

it('every migration can be reverted', async () => {
  const dataSource = createDataSource({ url: await createTestDatabase('empty'), poolSize: 2 });
  await dataSource.initialize();
  try {
    for (let i = 0; i < dataSource.migrations.length; i++) await dataSource.undoLastMigration();
    const tables = await dataSource.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
    );
    expect(tables).toEqual([]);
  } finally {
    await dataSource.destroy();
  }
});
