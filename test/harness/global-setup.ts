import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDataSource } from '../../server/src/db/data-source';
import { startEmbeddedDatabase } from '../../server/src/db/embedded';
import { migrate } from '../../server/src/db/migrate';
import { Role } from '../../server/src/modules/users/role';
import { UsersService } from '../../server/src/modules/users/users.service';
import { runSeeds } from '../../server/src/seed/run-seeds';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The maintenance database of the test run's PostgreSQL. */
    pgAdminUrl: string;
  }
}

/** The region admin every template has; test hubs sign in as it by default. */
export const TEST_ADMIN = { username: 'test-admin', password: 'test-admin-password' } as const;

/** Template databases each test file copies: migrated only, or migrated and seeded. */
export const TEMPLATES = { empty: 'hub_template_empty', seeded: 'hub_template_seeded' } as const;

function urlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function buildTemplate(adminUrl: string, name: string, seed: boolean): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const dataSource = createDataSource({ url: urlFor(adminUrl, name), poolSize: 2 });
  await dataSource.initialize();
  await migrate(dataSource);
  if (seed) await runSeeds(dataSource, { demo: true });
  await new UsersService(dataSource.manager).create({ ...TEST_ADMIN, role: Role.REGION_ADMIN });
  await dataSource.destroy();
}

/**
 * One PostgreSQL for the whole run (an external one when TEST_DATABASE_URL
 * names its maintenance database, else the embedded one in a temp folder),
 * with template databases that each test file clones in milliseconds.
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => undefined as void;
  let dataDir: string | undefined;
  if (!adminUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-test-pg-'));
    fs.chmodSync(dataDir, 0o755);
    const port = 20000 + Math.floor(Math.random() * 20000);
    const db = await startEmbeddedDatabase({ dataDir, port, ifRunning: 'attach' });
    adminUrl = db.adminUrl;
    stop = db.stop;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of Object.values(TEMPLATES)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  await buildTemplate(adminUrl, TEMPLATES.empty, false);
  await buildTemplate(adminUrl, TEMPLATES.seeded, true);
  project.provide('pgAdminUrl', adminUrl);

  return async () => {
    await stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
