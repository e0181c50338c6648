import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../harness/cli';
import { startTestHub, type TestHub } from '../harness/hub';
import { writeParticipantLines } from './participant-lines';
import { DIRECT_SQL, inexactMeans, STORED_SQL } from './participant-sql';

/**
 * Participant files are written chunk by chunk while they are read; here a chunk is three rows,
 * so that a dozen lines cross several chunks: what a chunk wrote must never outlive a rejected
 * file, and the result must be what one merge of the whole file gives.
 */
let hub: TestHub;
let dir: string;
beforeAll(async () => {
  hub = await startTestHub();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-participant-chunks-'));
});
afterAll(async () => {
  await hub?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, lines: string[]) => writeParticipantLines(dir, name, lines);

/** Line 2 is the first row: chunks are lines 2–4, 5–7, 8–10, … */
const importFile = (filePath: string, ...flags: string[]) =>
  runHub(['import', 'participant-results', filePath, ...flags], hub.databaseUrl, { HUB_IMPORT_CHUNK_ROWS: '3' });

const snapshot = async () => ({
  participants: await hub.sql('SELECT * FROM participant_result ORDER BY 1, 2, 3, 4'),
  results: await hub.sql('SELECT * FROM assessment_result ORDER BY id'),
  rollup: await hub.sql('SELECT * FROM assessment_rollup ORDER BY 1, 2, 3, 4, 5, 6'),
});

const derived = (school: string, procedure: string, year: number, subject: string) =>
  hub
    .sql(
      `SELECT participants, count2, count3, count4, count5, source, is_demo FROM assessment_result
        WHERE school_code = $1 AND procedure_code = $2 AND year = $3 AND subject_code = $4`,
      [school, procedure, year, subject],
    )
    .then((rows) => rows[0]);

const participants = (code: string) =>
  hub.sql<{ school_code: string; primary_score: number }>(
    `SELECT school_code, primary_score FROM participant_result WHERE participant_code = $1`,
    [code],
  );

const expectDerivedAsDirect = async () => {
  expect(await hub.sql(STORED_SQL)).toEqual(await hub.sql(`${DIRECT_SQL} ORDER BY 1, 2, 3, 4, 5`));
  expect(await inexactMeans(hub)).toEqual([]);
};

const demoRows = (school: string, procedure: string, year: number, subject: string) =>
  hub
    .sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM participant_result
        WHERE is_demo AND school_code = $1 AND procedure_code = $2 AND year = $3 AND subject_code = $4`,
      [school, procedure, year, subject],
    )
    .then((rows) => rows[0]!.n);

describe('participant files across chunks', () => {
  it('writes new rows chunk by chunk, replaces the demo rows of keys met in later chunks, then changes nothing', async () => {
    expect(await demoRows('sch700012', 'EGE', 2024, 'PHYSICS')).toBeGreaterThan(0);
    const lines = [
      ...Array.from({ length: 9 }, (_, i) => `C${i};sch70001${i % 2};ЕГЭ;2024;Химия;11;${20 + i};${40 + i};`),
      'C9;sch700012;ЕГЭ;2024;Физика;11;25;55;',
    ];
    const first = await importFile(file('new.csv', lines));
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Прочитано: 10; добавлено: 10; обновлено: 0; без изменений: 0; отклонено: 0/);
    expect(await derived('sch700010', 'EGE', 2024, 'CHEMISTRY')).toMatchObject({ participants: 5, is_demo: false });
    expect(await derived('sch700012', 'EGE', 2024, 'PHYSICS')).toMatchObject({ participants: 1, is_demo: false });
    expect(await demoRows('sch700012', 'EGE', 2024, 'PHYSICS')).toBe(0);
    await expectDerivedAsDirect();

    const before = await snapshot();
    const again = await importFile(file('new.csv', lines));
    expect(again.stdout).toMatch(/добавлено: 0; обновлено: 0; без изменений: 10; отклонено: 0/);
    expect(await snapshot()).toEqual(before);
  });

  it('adds participants to keys that already hold real ones: their stored rows count with the new', async () => {
    // Marks of every kind: given, from the year's ОГЭ scale, none (no scale for 2026), ЕГЭ under
    // and over the minimum, and base mathematics (no minimum: a «2» is below it).
    const first = [
      'S1;sch700020;ОГЭ;2024;Химия;9;31;;',
      'S2;sch700020;ОГЭ;2024;Химия;9;7;;',
      'S3;sch700020;ЕГЭ;2024;Физика;11;10;35;',
      'S4;sch700020;ЕГЭ;2024;Математика (базовая);11;;;2',
    ];
    const base = await importFile(file('stored-first.csv', first));
    expect(base.code, base.stdout).toBe(0);
    const more = await importFile(
      file('stored-more.csv', [
        'S5;sch700020;ОГЭ;2024;Химия;9;19;;',
        'S6;sch700020;ОГЭ;2024;Химия;9;12;;4',
        'S7;sch700020;ЕГЭ;2024;Физика;11;30;77;',
        'S8;sch700020;ЕГЭ;2024;Математика (базовая);11;;;4',
        'S9;sch700020;ОГЭ;2026;Химия;9;20;;',
        'S10;sch700021;ОГЭ;2024;Химия;9;25;;',
        'S11;sch700020;ЕГЭ;2024;Физика;11;12;33;',
      ]),
    );
    expect(more.code, more.stdout).toBe(0);
    expect(more.stdout).toMatch(/добавлено: 7; обновлено: 0; без изменений: 0; отклонено: 0/);
    expect(await derived('sch700020', 'OGE', 2024, 'CHEMISTRY')).toMatchObject({ participants: 4, is_demo: false });
    expect(await derived('sch700020', 'EGE', 2024, 'PHYSICS')).toMatchObject({ participants: 3 });
    expect(await derived('sch700020', 'OGE', 2026, 'CHEMISTRY')).toMatchObject({
      participants: 1,
      count2: 0,
      count3: 0,
      count4: 0,
      count5: 0,
    });
    await expectDerivedAsDirect();
  });

  it('rejects keys repeated across chunks and within one, naming both lines, and keeps nothing of the chunks written', async () => {
    const before = await snapshot();
    const result = await importFile(
      file('repeats.csv', [
        'R1;sch700013;ЕГЭ;2024;Биология;11;20;50;',
        'R2;sch700013;ЕГЭ;2024;Биология;11;21;51;',
        'R3;sch700013;ЕГЭ;2024;Биология;11;22;52;',
        'R4;sch700013;ЕГЭ;2024;Биология;11;23;53;',
        'R4;sch700013;ЕГЭ;2024;Биология;11;24;54;',
        'R6;sch700013;ЕГЭ;2024;Биология;11;25;55;',
        'R7;sch700013;ЕГЭ;2024;Биология;11;26;56;',
        'R2;sch700014;ЕГЭ;2024;Биология;11;27;57;',
      ]),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/3\s+—\s+Повтор в файле: строка 3 — также в строке 9/);
    expect(result.stdout).toMatch(/9\s+—\s+Повтор в файле: строка 9 — также в строке 3/);
    expect(result.stdout).toMatch(/5\s+—\s+Повтор в файле: строка 5 — также в строке 6/);
    expect(result.stdout).toMatch(/6\s+—\s+Повтор в файле: строка 6 — также в строке 5/);
    expect(result.stdout).toMatch(/Прочитано: 8; .*отклонено: 4/);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects the whole file for a bad row after chunks were written', async () => {
    const before = await snapshot();
    const result = await importFile(
      file('late-bad.csv', [
        ...Array.from({ length: 7 }, (_, i) => `B${i};sch700013;ЕГЭ;2024;Информатика;11;10;${40 + i};`),
        'B7;sch700013;ЕГЭ;2024;Информатика;11;10;140;',
      ]),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/9\s+Тестовый балл\s+Тестовый балл 140 вне диапазона 0–100/);
    expect(await snapshot()).toEqual(before);
  });

  it('updates rows in later chunks: moves participants, derives again (or removes) the keys they left', async () => {
    const base = await importFile(
      file('base.csv', [
        'X1;sch700013;ОГЭ;2024;Химия;9;31;;',
        'X2;sch700013;ОГЭ;2024;Химия;9;12;;',
        'X3;sch700013;ОГЭ;2024;Химия;9;20;;',
        'Y1;sch700015;ОГЭ;2024;Химия;9;25;;',
      ]),
    );
    expect(base.code, base.stdout).toBe(0);
    expect(await derived('sch700015', 'OGE', 2024, 'CHEMISTRY')).toMatchObject({ participants: 1 });

    const update = await importFile(
      file('update.csv', [
        'N1;sch700013;ОГЭ;2024;Химия;9;15;;',
        'N2;sch700016;ОГЭ;2024;Химия;9;16;;',
        'N3;sch700016;ОГЭ;2024;Химия;9;17;;',
        'X1;sch700013;ОГЭ;2024;Химия;9;31;;',
        'X2;sch700014;ОГЭ;2024;Химия;9;12;;',
        'N4;sch700013;ОГЭ;2024;Химия;9;18;;',
        'X3;sch700013;ОГЭ;2024;Химия;9;21;;',
        'Y1;sch700014;ОГЭ;2024;Химия;9;25;;',
      ]),
    );
    expect(update.code, update.stdout).toBe(0);
    expect(update.stdout).toMatch(/добавлено: 4; обновлено: 3; без изменений: 1; отклонено: 0/);
    expect(await participants('X2')).toEqual([{ school_code: 'sch700014', primary_score: 12 }]);
    expect(await participants('X3')).toEqual([{ school_code: 'sch700013', primary_score: 21 }]);
    expect(await derived('sch700013', 'OGE', 2024, 'CHEMISTRY')).toMatchObject({ participants: 4 });
    expect(await derived('sch700014', 'OGE', 2024, 'CHEMISTRY')).toMatchObject({ participants: 2, is_demo: false });
    // Y1 was the key's only participant: its derived row goes with it.
    expect(await derived('sch700015', 'OGE', 2024, 'CHEMISTRY')).toBeUndefined();
    await expectDerivedAsDirect();
  });

  it('with --partial (written in one step at the end) updates and moves rows as chunks do', async () => {
    const result = await importFile(
      file('partial-moves.csv', [
        'X1;sch700013;ОГЭ;2024;Химия;9;31;;',
        'X2;sch700013;ОГЭ;2024;Химия;9;12;;',
        'X3;sch700013;ОГЭ;2024;Химия;9;21;;7',
        'N5;sch700019;ОГЭ;2024;Химия;9;22;;',
      ]),
      '--partial',
    );
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/добавлено: 1; обновлено: 1; без изменений: 1; отклонено: 1/);
    expect(await participants('X2')).toEqual([{ school_code: 'sch700013', primary_score: 12 }]);
    expect(await participants('X3')).toEqual([{ school_code: 'sch700013', primary_score: 21 }]);
    expect(await derived('sch700013', 'OGE', 2024, 'CHEMISTRY')).toMatchObject({ participants: 5 });
    expect(await derived('sch700014', 'OGE', 2024, 'CHEMISTRY')).toMatchObject({ participants: 1 });
    await expectDerivedAsDirect();
  });

  it('with --dry-run counts across chunks and writes nothing', async () => {
    const before = await snapshot();
    const dry = await importFile(
      file('dry.csv', [
        ...Array.from({ length: 7 }, (_, i) => `D${i};sch700017;ЕГЭ;2024;Литература;11;10;${40 + i};`),
        'X1;sch700017;ОГЭ;2024;Химия;9;31;;',
      ]),
      '--dry-run',
    );
    expect(dry.code, dry.stdout).toBe(0);
    expect(dry.stdout).toMatch(/добавлено \(было бы\): 7; обновлено \(было бы\): 1; без изменений: 0/);
    expect(await snapshot()).toEqual(before);
  });

  it('with --partial rejects the repeated and bad lines of any chunk and applies the others', async () => {
    const result = await importFile(
      file('partial.csv', [
        'P1;sch700018;ЕГЭ;2024;Литература;11;10;41;',
        'P2;sch700018;ЕГЭ;2024;Литература;11;10;42;',
        'P3;sch700018;ЕГЭ;2024;Литература;11;10;43;',
        'P4;sch700018;ЕГЭ;2024;Литература;11;10;444;',
        'P5;sch700018;ЕГЭ;2024;Литература;11;10;45;',
        'P6;sch700018;ЕГЭ;2024;Литература;11;10;46;',
        'P2;sch700018;ЕГЭ;2024;Литература;11;10;47;',
      ]),
      '--partial',
    );
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/добавлено: 4; обновлено: 0; без изменений: 0; отклонено: 3/);
    expect(result.stdout).toMatch(/3\s+—\s+Повтор в файле: строка 3 — также в строке 8/);
    expect(await participants('P2')).toEqual([]);
    expect(await participants('P4')).toEqual([]);
    expect(await derived('sch700018', 'EGE', 2024, 'LITERATURE')).toMatchObject({ participants: 4 });
    await expectDerivedAsDirect();
  });
});
