import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { tablesInLoadOrder } from './tables';

export const BACKUP_FORMAT = 'tomsk-edu-hub-backup';
const END_OF_DATA = '\\.';
/** Written by migrating the target to the backup's migrations, so not loaded again. */
const SKIPPED_ON_RESTORE = new Set(['migrations']);

interface Header {
  format: string;
  version: 1;
  createdAt: string;
  /** Migrations applied in the source: the target is brought to exactly these before loading. */
  migrations: string[];
  changeVersion: number;
}

export interface BackupReport {
  tables: number;
  rows: number;
  bytes: number;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A logical backup: gzip of a header line, then per table a JSON line and its
 * rows as PostgreSQL's COPY text, ended by `\.`. Taken in one REPEATABLE READ
 * transaction, so it is a consistent snapshot; independent of the server's
 * major version (the embedded PostgreSQL 18 and a production 17 alike).
 */
export async function backup(databaseUrl: string, file: string): Promise<BackupReport> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'hub-backup' });
  await client.connect();
  const gzip = createGzip();
  const out = fs.createWriteStream(file, { mode: 0o600 });
  const writing = pipeline(gzip, out);
  const write = (text: string) =>
    gzip.write(text) ? Promise.resolve() : new Promise<void>((resolve) => gzip.once('drain', () => resolve()));
  let rows = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = (await client.query('SELECT name FROM migrations ORDER BY id')).rows.map((r) => r.name);
    const [{ v }] = (await client.query('SELECT last_value::float8 AS v FROM hub_change_seq')).rows;
    const header: Header = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      migrations,
      changeVersion: v,
    };
    await write(`${JSON.stringify(header)}\n`);
    const tables = await tablesInLoadOrder(client);
    for (const table of tables) {
      await write(`${JSON.stringify({ table: table.name, columns: table.columns })}\n`);
      const source = client.query(
        copyTo(`COPY ${quote(table.name)} (${table.columns.map(quote).join(', ')}) TO STDOUT`),
      );
      for await (const chunk of source) {
        rows += (chunk as Buffer).toString('utf8').split('\n').length - 1;
        if (!gzip.write(chunk)) await new Promise<void>((resolve) => gzip.once('drain', () => resolve()));
      }
      await write(`${END_OF_DATA}\n`);
    }
    await client.query('COMMIT');
    gzip.end();
    await writing;
    return { tables: tables.length, rows, bytes: fs.statSync(file).size };
  } catch (error) {
    gzip.destroy();
    await writing.catch(() => undefined);
    fs.rmSync(file, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * The lines of a gzip file. Iterating the stream itself keeps backpressure
 * (readline's iterator drops lines when its consumer awaits between them).
 */
async function* linesOf(file: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of fs.createReadStream(file).pipe(createGunzip())) {
    const lines = (rest + decoder.write(chunk as Buffer)).split('\n');
    rest = lines.pop()!;
    yield* lines;
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

/** Reads a backup's header without loading it. */
export async function readHeader(file: string): Promise<Header> {
  const lines = linesOf(file);
  const first = await lines.next();
  await lines.return(undefined);
  if (first.done) throw new Error('Файл резервной копии пуст');
  const header = JSON.parse(first.value) as Header;
  if (header.format !== BACKUP_FORMAT) throw new Error('Это не резервная копия хаба');
  return header;
}

/**
 * Loads a backup into an empty database migrated to the backup's migrations
 * (no seeds): tables in foreign-key order, in one transaction.
 * Triggers run, so derived figures (rollups, clusters) are rebuilt as they
 * would be on any write.
 */
export async function restore(databaseUrl: string, file: string): Promise<BackupReport> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'hub-restore' });
  await client.connect();
  const lines = linesOf(file);
  let tables = 0;
  let rows = 0;
  let header: Header | undefined;
  let copy: ReturnType<typeof copyFrom> | undefined;
  let finished: Promise<void> | undefined;
  let failed: Error | undefined;
  /** Rows of a table the target already has (the migration ledger, written by migrating): read past. */
  let skipping = false;
  try {
    await client.query('BEGIN');
    for await (const line of lines) {
      if (!header) {
        header = JSON.parse(line) as Header;
        continue;
      }
      if (failed) throw failed;
      if (skipping) {
        if (line === END_OF_DATA) skipping = false;
        continue;
      }
      if (!copy) {
        const { table, columns } = JSON.parse(line) as { table: string; columns: string[] };
        if (SKIPPED_ON_RESTORE.has(table)) {
          skipping = true;
          continue;
        }
        copy = client.query(copyFrom(`COPY ${quote(table)} (${columns.map(quote).join(', ')}) FROM STDIN`));
        finished = new Promise((resolve, reject) => {
          copy!.on('finish', () => resolve());
          copy!.on('error', (error: Error) => {
            failed = error;
            reject(error);
          });
        });
        finished.catch(() => undefined);
        tables++;
        continue;
      }
      if (line === END_OF_DATA) {
        copy.end();
        await finished;
        copy = undefined;
        continue;
      }
      rows++;
      if (!copy.write(`${line}\n`)) await new Promise<void>((resolve) => copy!.once('drain', () => resolve()));
    }
    // Serial columns continue after the restored rows.
    const serials: { table: string; column: string; sequence: string }[] = (
      await client.query(
        `SELECT table_name AS table, column_name AS column, pg_get_serial_sequence(format('%I', table_name), column_name) AS sequence
           FROM information_schema.columns
          WHERE table_schema = 'public' AND pg_get_serial_sequence(format('%I', table_name), column_name) IS NOT NULL`,
      )
    ).rows;
    for (const { table, column, sequence } of serials) {
      await client.query(
        `SELECT setval($1, coalesce((SELECT max(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`,
        [sequence],
      );
    }
    if (header) await client.query(`SELECT setval('hub_change_seq', greatest($1::bigint, 1))`, [header.changeVersion]);
    await client.query('COMMIT');
    return { tables, rows, bytes: fs.statSync(file).size };
  } catch (error) {
    copy?.destroy();
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await lines.return(undefined);
    await client.end();
  }
}
