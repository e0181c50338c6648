import { afterAll, beforeAll, expect, it } from 'vitest';
import { participantSums } from '../../server/src/modules/assessments/participant-merge';
import type { TestHub } from '../harness/hub';
import { type Scratch, withHubAndScratch } from './file-variants';
import { importInProcess } from './in-process';
import { PARTICIPANT_HEADER } from './participant-lines';
import { DIRECT_SQL, inexactMeans, STORED_SQL } from './participant-sql';

/**
 * A participant file whose rows spread over more school-level keys than the import sums up in this
 * process switches, in the middle of the file, to staging its chunks and deriving the school-level
 * results from the participant rows. Here the limit is two keys and a chunk three rows.
 */
let hub: TestHub;
let scratch: Scratch;
const limit = participantSums.maxKeys;
withHubAndScratch((started) => ({ hub, scratch } = started));
beforeAll(() => {
  participantSums.maxKeys = 2;
});
afterAll(() => {
  participantSums.maxKeys = limit;
});

const importLines = (name: string, lines: string[]) =>
  importInProcess(hub, 'participant-results', scratch.file(name, [PARTICIPANT_HEADER, ...lines].join('\n')), {
    chunkRows: 3,
  });

const derivedAsDirect = async () => {
  expect(await hub.sql(STORED_SQL)).toEqual(await hub.sql(`${DIRECT_SQL} ORDER BY 1, 2, 3, 4, 5`));
  expect(await inexactMeans(hub)).toEqual([]);
};

it('derives from the participant rows once the file has met more keys than are summed up', async () => {
  // Chunks: lines 2–4 (two keys: summed), 5–7 (a third key: the switch), 8–10.
  const job = await importLines('spread.csv', [
    'K1;sch700031;ОГЭ;2024;Химия;9;31;;',
    'K2;sch700031;ОГЭ;2024;Химия;9;12;;',
    'K3;sch700031;ЕГЭ;2024;Физика;11;20;45;',
    'K4;sch700031;ОГЭ;2024;Химия;9;20;;',
    'K5;sch700032;ОГЭ;2024;Химия;9;25;;4',
    'K6;sch700031;ЕГЭ;2024;Физика;11;10;30;',
    'K7;sch700033;ЕГЭ;2024;Физика;11;22;61;',
    'K8;sch700032;ОГЭ;2024;Химия;9;8;;',
    'K9;sch700031;ОГЭ;2024;Химия;9;27;;',
  ]);
  expect(job).toMatchObject({ status: 'applied', inserted: 9, updated: 0, rejected: 0 });
  const [chemistry] = await hub.sql<{ participants: number }>(
    `SELECT participants FROM assessment_result
      WHERE school_code = 'sch700031' AND procedure_code = 'OGE' AND year = 2024 AND subject_code = 'CHEMISTRY'`,
  );
  expect(chemistry).toEqual({ participants: 4 });
  await derivedAsDirect();
});

it('switches in the first chunk as well, and a second import of the file changes nothing', async () => {
  const lines = [
    'L1;sch700034;ОГЭ;2024;Химия;9;31;;',
    'L2;sch700035;ОГЭ;2024;Химия;9;12;;',
    'L3;sch700036;ОГЭ;2024;Химия;9;20;;',
    'L4;sch700034;ОГЭ;2024;Химия;9;21;;',
  ];
  expect(await importLines('first.csv', lines)).toMatchObject({ status: 'applied', inserted: 4 });
  await derivedAsDirect();
  expect(await importLines('first.csv', lines)).toMatchObject({ status: 'applied', inserted: 0, unchanged: 4 });
  await derivedAsDirect();
});
