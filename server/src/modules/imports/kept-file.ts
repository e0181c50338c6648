import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/** The file is kept in pieces of this many bytes (before compression): a few statements, little memory. */
export const KEPT_PIECE_BYTES = 4 * 1024 * 1024;

/**
 * Level 1: tables of text shrink several times over at a fraction of the CPU of the higher
 * levels (or of PostgreSQL's pglz, which the column no longer uses), and the import runs beside it.
 */
const GZIP_LEVEL = 1;

export interface KeptFile {
  size: number;
  sha256: string;
}

// The asynchronous forms run on the thread pool, off the thread that reads the rows.
const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

/**
 * Keeps the original file with its job, for audit, and records its size and SHA-256.
 * Each piece is gzip-compressed here, so the pieces joined in order are one gzip stream of the
 * file. It runs on a connection of its own, in a transaction of its own — beside the import,
 * not before it — and keeps the whole file or, on failure, none of it.
 */
export async function keepFile(dataSource: DataSource, jobId: string, filePath: string): Promise<KeptFile> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  const hash = createHash('sha256');
  let size = 0;
  try {
    await client.query('BEGIN');
    let seq = 0;
    const pieces = fs.createReadStream(filePath, { highWaterMark: KEPT_PIECE_BYTES }) as AsyncIterable<Buffer>;
    for await (const piece of pieces) {
      hash.update(piece);
      size += piece.length;
      await client.query('INSERT INTO import_file_chunk (job_id, seq, data, gzipped) VALUES ($1, $2, $3, true)', [
        jobId,
        seq++,
        await gzip(piece, { level: GZIP_LEVEL }),
      ]);
    }
    const sha256 = hash.digest('hex');
    // Last, so that the job's row is locked only for the moment before the commit.
    await client.query('UPDATE import_job SET file_size = $2, sha256 = $3 WHERE id = $1', [jobId, size, sha256]);
    await client.query('COMMIT');
    return { size, sha256 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

/** The kept file's bytes in order, one piece at a time (files kept before compression are stored as they were). */
export async function* keptFileBytes(manager: EntityManager, jobId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const [piece] = (await manager.query('SELECT data, gzipped FROM import_file_chunk WHERE job_id = $1 AND seq = $2', [
      jobId,
      seq,
    ])) as { data: Buffer; gzipped: boolean }[];
    if (!piece) return;
    yield piece.gzipped ? await gunzip(piece.data) : piece.data;
  }
}

/** Keeping the file failed: the import is not applied, whatever its rows held. */
export class FileNotKept extends Error {
  constructor(cause: unknown) {
    super('Не удалось сохранить исходный файл импорта; ничего не изменено. Сообщите администратору.', { cause });
  }
}

/**
 * Starts keeping the file beside the import. The outcome never rejects: the import awaits it
 * only before it commits (or at its end), and a failure meanwhile must not go unhandled.
 */
export function startKeeping(dataSource: DataSource, jobId: string, filePath: string): Promise<KeptFile | FileNotKept> {
  return keepFile(dataSource, jobId, filePath).catch((error: unknown) => new FileNotKept(error));
}
