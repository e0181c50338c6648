import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../config';
import { backup, readHeader, restore } from '../db/backup/backup';
import { createDataSource } from '../db/data-source';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { EMBEDDED_DATABASE, openDatabase } from './database';

const resolve = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

/** `hub backup <file>`: a consistent logical backup of the whole database. */
export async function backupCommand(_values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    console.error('Использование: pnpm hub backup <файл>');
    return 2;
  }
  const db = await openDatabase();
  try {
    const report = await backup(db.url, resolve(file));
    console.log(
      `Резервная копия: ${resolve(file)} — таблиц ${report.tables}, строк ${report.rows}, ${report.bytes} байт`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

async function tableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n;
  } finally {
    await client.end();
  }
}

/** An empty database to restore into: the embedded one recreated, an external one's schema emptied. */
async function emptyDatabase(db: { url: string; adminUrl?: string }): Promise<void> {
  const client = new pg.Client({ connectionString: db.adminUrl ?? db.url });
  await client.connect();
  try {
    if (db.adminUrl) {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(EMBEDDED_DATABASE)} WITH (FORCE)`);
      await client.query(
        `CREATE DATABASE ${client.escapeIdentifier(EMBEDDED_DATABASE)} ENCODING 'UTF8' TEMPLATE template0`,
      );
    } else {
      await client.query('DROP SCHEMA public CASCADE');
      await client.query('CREATE SCHEMA public');
    }
  } finally {
    await client.end();
  }
}

/**
 * `hub restore <file> [--yes]`: into an empty database — the backup's
 * migrations, its rows, then any newer migrations. A database with data is
 * replaced only with --yes (stop the server first).
 */
export async function restoreCommand(values: Record<string, unknown>, positionals: string[]): Promise<number> {
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    console.error('Использование: pnpm hub restore <файл> [--yes]');
    return 2;
  }
  const header = await readHeader(resolve(file)).catch((error: Error) => {
    console.error(`Не удалось прочитать резервную копию: ${error.message}`);
    return null;
  });
  if (!header) return 1;
  const known = migrations.map((m) => m.name);
  const unknown = header.migrations.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    console.error(`Копия сделана более новой версией хаба (миграции ${unknown.join(', ')}): обновите хаб.`);
    return 1;
  }
  const db = await openDatabase();
  try {
    if ((await tableCount(db.url)) > 0) {
      if (values.yes !== true) {
        console.error('В базе уже есть данные. Восстановление заменит их все: повторите с --yes (сервер остановите).');
        return 1;
      }
      await emptyDatabase(db);
    }
    const partial = createDataSource({ url: db.url, poolSize: 2, applicationName: 'hub-restore' });
    partial.setOptions({ migrations: migrations.filter((m) => header.migrations.includes(m.name)) });
    await partial.initialize();
    await migrate(partial);
    await partial.destroy();
    const report = await restore(db.url, resolve(file));
    const full = createDataSource({ url: db.url, poolSize: 2, applicationName: 'hub-restore' });
    await full.initialize();
    const later = await migrate(full);
    await full.destroy();
    console.log(
      `Восстановлено из копии от ${header.createdAt}: таблиц ${report.tables}, строк ${report.rows}` +
        (later.length ? `; применены новые миграции: ${later.map((m) => m.name).join(', ')}` : ''),
    );
    if (loadConfig().databaseUrl === undefined) console.log('Запустите сервер: pnpm start');
    return 0;
  } finally {
    await db.close();
  }
}
