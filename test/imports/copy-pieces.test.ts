import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { copyPieces } from '../../server/src/modules/imports/copy-pieces';
import { createTestDatabase } from '../harness/hub';

/**
 * A COPY that PostgreSQL refuses part-way (a row that exists) while pieces are still queued:
 * the import expects that refusal when it writes a chunk straight into its table. The driver
 * lets go of the connection on the error, and a piece written after it crashed the process.
 */
let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: await createTestDatabase('empty') });
  await client.connect();
  await client.query(`CREATE TABLE copied (code text PRIMARY KEY, note text)`);
});
afterAll(async () => {
  await client?.end();
});

/** `count` rows of about 100 bytes each, in 64 KB pieces, from `first` on. */
function pieces(first: number, count: number): Buffer[] {
  const out: Buffer[] = [];
  let text = '';
  for (let i = first; i < first + count; i++) {
    text += `c${String(i).padStart(9, '0')}\t${'x'.repeat(88)}\n`;
    if (text.length >= 64 * 1024) {
      out.push(Buffer.from(text));
      text = '';
    }
  }
  if (text !== '') out.push(Buffer.from(text));
  return out;
}

it('writes every piece and counts the rows', async () => {
  const copy = client as unknown as pg.PoolClient;
  expect(await copyPieces(copy, 'COPY copied (code, note) FROM STDIN', pieces(0, 1000))).toBe(1000);
});

it('rejects with the database error when the first row exists, and leaves the connection usable', async () => {
  const copy = client as unknown as pg.PoolClient;
  await client.query('BEGIN');
  await client.query('SAVEPOINT chunk');
  // Twenty megabytes: far more than the socket takes before PostgreSQL answers the first row.
  const error = await copyPieces(copy, 'COPY copied (code, note) FROM STDIN', pieces(0, 200_000)).catch((e) => e);
  expect(error).toMatchObject({ code: '23505' });
  await client.query('ROLLBACK TO SAVEPOINT chunk');
  expect(await copyPieces(copy, 'COPY copied (code, note) FROM STDIN', pieces(5000, 10))).toBe(10);
  await client.query('COMMIT');
  const { rows } = await client.query('SELECT count(*)::int AS n FROM copied');
  expect(rows[0].n).toBe(1010);
});
