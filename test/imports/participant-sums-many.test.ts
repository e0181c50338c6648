import path from 'node:path';
import { expect, it } from 'vitest';
import { writeParticipantFile } from '../harness/participant-file';
import type { TestHub } from '../harness/hub';
import { type Scratch, withHubAndScratch } from './file-variants';
import { importInProcess } from './in-process';
import { DIRECT_SQL, inexactMeans, STORED_SQL } from './participant-sql';

/**
 * A file of new keys only, into a hub with demo data alone: its school-level results come from the
 * sums gathered while parsing. Its thousands of keys outgrow the sums' first table several times,
 * and every key must still count each of its rows once.
 */
let hub: TestHub;
let scratch: Scratch;
withHubAndScratch((started) => ({ hub, scratch } = started));

it('derives thousands of new keys from the sums gathered while parsing, exactly as from the rows', async () => {
  const schools = (await hub.sql<{ code: string }>('SELECT code FROM school ORDER BY code')).map((s) => s.code);
  const file = path.join(scratch.dir, 'many-keys.csv');
  await writeParticipantFile(file, 50_000, schools);
  const job = await importInProcess(hub, 'participant-results', file);
  expect(job).toMatchObject({ status: 'applied', inserted: 50_000, updated: 0, rejected: 0 });

  const direct = await hub.sql<{ participants: number }>(`${DIRECT_SQL} ORDER BY 1, 2, 3, 4, 5`);
  expect(direct.length).toBeGreaterThan(4 * 1024);
  expect(await hub.sql(STORED_SQL)).toEqual(direct);
  expect(await inexactMeans(hub)).toEqual([]);
});
