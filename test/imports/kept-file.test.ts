import { createHash, randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { expect, it } from 'vitest';
import { KEPT_PIECE_BYTES, keptFileBytes } from '../../server/src/modules/imports/kept-file';
import type { TestHub } from '../harness/hub';
import { type Scratch, withHubAndScratch } from './file-variants';
import { importInProcess } from './in-process';

let hub: TestHub;
let scratch: Scratch;
withHubAndScratch((started) => ({ hub, scratch } = started));

const importFile = (name: string, content: Buffer | string) =>
  importInProcess(hub, 'schools', scratch.file(name, content));

async function kept(jobId: string): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of keptFileBytes(hub.hub.dataSource.manager, jobId)) pieces.push(piece);
  return Buffer.concat(pieces);
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

it('keeps the original file for audit, byte for byte, and records its size and SHA-256', async () => {
  const content = Buffer.from('Код ОО;Муниципалитет;Полное наименование\nsch700407;г. Томск;Школа 407\n');
  const job = await importFile('audit.csv', content);
  expect(job.status).toBe('applied');
  expect((await kept(job.id)).equals(content)).toBe(true);
  expect(job).toMatchObject({ fileSize: content.length, sha256: sha256(content) });
  const [row] = await hub.sql('SELECT file_size, sha256 FROM import_job WHERE id = $1', [job.id]);
  expect(row).toEqual({ file_size: String(content.length), sha256: sha256(content) });
  const [entry] = await hub.sql(`SELECT after FROM audit_log WHERE entity = 'import' AND entity_key = $1`, [job.id]);
  expect(entry!.after.sha256).toBe(sha256(content));
});

it('keeps a file of several pieces, of a rejected import too; the pieces in order are one gzip stream', async () => {
  // Random text: no header to find (the import is rejected at once), and it does not compress.
  const content = Buffer.from(
    randomBytes(Math.ceil(KEPT_PIECE_BYTES * 1.6))
      .toString('base64')
      .replace(/(.{76})/g, '$1\n'),
  );
  const job = await importFile('noise.csv', content);
  expect(job.status).toBe('rejected');
  expect(job).toMatchObject({ fileSize: content.length, sha256: sha256(content) });
  const pieces = await hub.sql<{ data: Buffer; gzipped: boolean }>(
    'SELECT data, gzipped FROM import_file_chunk WHERE job_id = $1 ORDER BY seq',
    [job.id],
  );
  expect(pieces.length).toBe(Math.ceil(content.length / KEPT_PIECE_BYTES));
  expect(pieces.every((p) => p.gzipped)).toBe(true);
  expect((await kept(job.id)).equals(content)).toBe(true);
  expect(zlib.gunzipSync(Buffer.concat(pieces.map((p) => p.data))).equals(content)).toBe(true);
});

it('does not apply an import whose file could not be kept, and says so', async () => {
  // A real failure of PostgreSQL, for this file only (other test files import meanwhile).
  await hub.sql(`
    CREATE FUNCTION test_refuse_kept_file() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM import_job WHERE id = NEW.job_id AND file_name = 'not-kept.csv') THEN
        RAISE EXCEPTION 'no room for the file';
      END IF;
      RETURN NEW;
    END $$`);
  await hub.sql(`CREATE TRIGGER test_refuse_kept_file BEFORE INSERT ON import_file_chunk
                   FOR EACH ROW EXECUTE FUNCTION test_refuse_kept_file()`);
  try {
    const job = await importFile(
      'not-kept.csv',
      'Код ОО;Муниципалитет;Полное наименование\nsch700408;г. Томск;Школа 408\n',
    );
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/Не удалось сохранить исходный файл импорта; ничего не изменено/);
    expect(await hub.sql('SELECT 1 FROM school WHERE code = $1', ['sch700408'])).toEqual([]);
    expect(await hub.sql(`SELECT 1 FROM audit_log WHERE entity = 'import' AND entity_key = $1`, [job.id])).toEqual([]);
    expect(await hub.sql('SELECT 1 FROM import_file_chunk WHERE job_id = $1', [job.id])).toEqual([]);
    const [row] = await hub.sql('SELECT status, error FROM import_job WHERE id = $1', [job.id]);
    expect(row).toEqual({ status: 'failed', error: job.error });
  } finally {
    await hub.sql('DROP TRIGGER test_refuse_kept_file ON import_file_chunk');
    await hub.sql('DROP FUNCTION test_refuse_kept_file()');
  }
});
