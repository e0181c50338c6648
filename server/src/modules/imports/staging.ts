import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import type { AnyImportKind, MergeCounts } from './import-kind';
import type { KeyHashes } from './key-hashes';

export const STAGING = 'import_staging';

/**
 * A temporary table for this transaction's rows: `line` plus the kind's columns. Partitioned by
 * line when the file is written in chunks as it is read: each chunk is a partition of its own.
 */
export async function createStaging(em: EntityManager, kind: AnyImportKind, partitioned = false): Promise<string> {
  const columns = kind.staging.map((c) => `"${c.name}" ${c.type}`).join(', ');
  // No index on `line`: a million COPYed rows would maintain it for the few lookups of rejected lines.
  await em.query(
    `CREATE TEMP TABLE ${STAGING} (line integer NOT NULL, ${columns})
     ${partitioned ? 'PARTITION BY RANGE (line)' : ''} ON COMMIT DROP`,
  );
  // Grouping and joining a million staged rows in memory rather than in spill files.
  await em.query(`SET LOCAL work_mem = '128MB'`);
  return STAGING;
}

type CopyValue = string | number | boolean | null | undefined;

/**
 * A value in COPY's text format: `\N` is null; backslash, tab and line breaks are escaped; NUL,
 * which PostgreSQL text cannot hold, is dropped.
 */
export function copyText(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r\0]/.test(value) ? value.replace(/[\\\t\n\r\0]/g, escapeChar) : value;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '' };
const escapeChar = (c: string) => ESCAPES[c]!;

/**
 * Encodes a parsed row as a COPY line of the kind's staging columns (without `line`: staging
 * puts it in front, a kind writing a chunk straight into its table sends the line as it is), and
 * hands each row's natural key to `keys`, value by value (in COPY text: two keys are equal there
 * exactly when PostgreSQL finds them equal, for text and whole numbers; a key of other types
 * leaves repeats to the database's check). Without `keys`, rows read a second time.
 */
export function rowEncoder(kind: AnyImportKind, keys: KeyHashes | null): (value: unknown) => string {
  const columns = kind.staging;
  const keyed = columns.map((c) => keys !== null && kind.key.includes(c.name));
  const types = columns.map((c) => (c.type === 'text' ? 'string' : c.type === 'integer' ? 'number' : null));
  if (columns.some((_, i) => keyed[i] && types[i] === null)) keys!.doubt();
  return (value) => {
    let row = '';
    for (let i = 0; i < columns.length; i++) {
      const raw = columns[i]!.get(value);
      const text = copyText(raw);
      row += i === 0 ? text : '\t' + text;
      if (keyed[i]) {
        if (raw !== null && raw !== undefined && typeof raw !== types[i]) keys!.doubt();
        keys!.part(text);
      }
    }
    keys?.end();
    return row + '\n';
  };
}

/** COPY data is sent in pieces of about this many characters. */
const COPY_CHUNK = 64 * 1024;

/** Streams parsed rows into the staging table while the file is still being read. */
export interface Stager {
  /** Queues one row; the returned promise (if any) must be awaited before the next (back-pressure). */
  add(line: number, value: unknown): Promise<void> | undefined;
  /** Sends what is left and waits until PostgreSQL has every row. */
  finish(): Promise<void>;
  /** Cancels the COPY (the connection is usable again, for the rollback), unless it has ended. */
  abort(): Promise<void>;
}

/**
 * One COPY … FROM STDIN for the whole file on the transaction's connection:
 * PostgreSQL takes rows in while this process parses the next ones, with no
 * statement per batch and no parameters to serialise.
 */
export async function openStager(em: EntityManager, kind: AnyImportKind, keys: KeyHashes): Promise<Stager> {
  const runner = em.queryRunner;
  if (!runner) throw new Error('Staging needs the transaction’s query runner');
  const client = (await runner.connect()) as PoolClient;
  const names = ['line', ...kind.staging.map((c) => `"${c.name}"`)].join(', ');
  const stream = client.query(copyFrom(`COPY ${STAGING} (${names}) FROM STDIN`));
  let failure: Error | null = null;
  stream.on('error', (error: Error) => (failure ??= error));
  const encode = rowEncoder(kind, keys);
  let text = '';

  const send = (): Promise<void> | undefined => {
    if (failure) return Promise.reject(failure);
    const written = stream.write(text);
    text = '';
    if (written) return undefined;
    return new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        stream.off('drain', done);
        stream.off('error', done);
        if (error) reject(error);
        else resolve();
      };
      stream.on('drain', done);
      stream.on('error', done);
    });
  };

  return {
    add(line, value) {
      text += line + '\t' + encode(value);
      return text.length >= COPY_CHUNK ? send() : undefined;
    },
    async finish() {
      if (text !== '') await send();
      await new Promise<void>((resolve, reject) => {
        if (failure) return reject(failure);
        stream.once('error', reject);
        stream.end(() => resolve());
      });
      if (failure) throw failure;
    },
    async abort() {
      if (failure || stream.writableFinished || stream.destroyed) return;
      await new Promise<void>((resolve) => {
        stream.once('close', () => resolve());
        stream.destroy(new Error('import cancelled'));
      });
    },
  };
}

export async function stagedCount(em: EntityManager): Promise<number> {
  const [row] = await em.query(`SELECT count(*)::int AS count FROM ${STAGING}`);
  return row.count;
}

export interface UpsertSpec {
  target: string;
  /** Target columns of the natural key (with a unique constraint or index on them). */
  key: string[];
  /** Target columns written from the staging columns of the same name. */
  values: string[];
  /** Extra assignments on write, e.g. `updated_at = now()`. */
  touch?: string[];
  /** Column expressions to select from staging instead of the same-named column. */
  select?: Record<string, string>;
}

/**
 * INSERT … ON CONFLICT DO UPDATE that writes only rows that differ, so a
 * second import of the same file changes nothing; counts what it did.
 */
export async function upsertFromStaging(em: EntityManager, table: string, spec: UpsertSpec): Promise<MergeCounts> {
  const all = [...spec.key, ...spec.values];
  const quoted = (c: string) => `"${c}"`;
  const selectList = all.map((c) => spec.select?.[c] ?? `s.${quoted(c)}`).join(', ');
  const assignments = [...spec.values.map((c) => `${quoted(c)} = EXCLUDED.${quoted(c)}`), ...(spec.touch ?? [])];
  const current = spec.values.map((c) => `t.${quoted(c)}`).join(', ');
  const incoming = spec.values.map((c) => `EXCLUDED.${quoted(c)}`).join(', ');
  const [counts] = await em.query(
    `WITH written AS (
       INSERT INTO ${spec.target} AS t (${all.map(quoted).join(', ')})
       SELECT ${selectList} FROM ${table} s
       ON CONFLICT (${spec.key.map(quoted).join(', ')}) DO UPDATE SET ${assignments.join(', ')}
       WHERE (${current}) IS DISTINCT FROM (${incoming})
       RETURNING (xmax = 0) AS inserted
     )
     SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`,
  );
  return { inserted: counts.inserted, updated: counts.updated };
}

/** Statistics for the planner: temporary tables are never analysed on their own. */
export async function analyzeStaging(em: EntityManager): Promise<void> {
  await em.query(`ANALYZE ${STAGING}`);
}
