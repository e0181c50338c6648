import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../harness/cli';
import { startTestHub, type TestHub } from '../harness/hub';
import { writeParticipantFile } from '../harness/participant-file';
import { writeParticipantLines } from './participant-lines';
import { DIRECT_SQL, STORED_SQL } from './participant-sql';

const fixture = (name: string) => path.resolve(__dirname, 'fixtures', name);

let hub: TestHub;
let dir: string;
beforeAll(async () => {
  hub = await startTestHub();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-participant-import-'));
});
afterAll(async () => {
  await hub?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, lines: string[]) => writeParticipantLines(dir, name, lines);

const importFile = (filePath: string, ...flags: string[]) =>
  runHub(['import', 'participant-results', filePath, ...flags], hub.databaseUrl);

const snapshot = async () => ({
  participants: await hub.sql('SELECT * FROM participant_result ORDER BY 1, 2, 3, 4'),
  results: await hub.sql('SELECT * FROM assessment_result ORDER BY id'),
});

const derived = (school: string, procedure: string, year: number, subject: string) =>
  hub
    .sql(
      `SELECT participants, count2, count3, count4, count5, mean_primary_score, mean_test_score, below_minimum_count,
              source, is_demo
         FROM assessment_result
        WHERE school_code = $1 AND procedure_code = $2 AND year = $3 AND subject_code = $4`,
      [school, procedure, year, subject],
    )
    .then((rows) => rows[0]);

describe('pnpm hub import participant-results', () => {
  it('applies the example file, derives the school-level results of its keys, then changes nothing', async () => {
    const demoBefore = await hub.sql(
      `SELECT count(*)::int AS n FROM participant_result
        WHERE is_demo AND school_code = 'sch700001' AND procedure_code = 'EGE' AND year = 2025 AND subject_code = 'RUSSIAN'`,
    );
    expect(demoBefore[0]!.n).toBeGreaterThan(0);

    const first = await importFile(fixture('participant-results.example.csv'));
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toMatch(/csv \(UTF-8, разделитель «,»\)/);
    expect(first.stdout).toMatch(/Прочитано: 48; добавлено: 48; обновлено: 0; без изменений: 0; отклонено: 0/);
    // Eight participants of sch700001: primary 40 13 11 6 7 18 31 36, test 80 28 23 16 17 36 67 76; the 2025
    // minimum in Russian is 24.
    expect(await derived('sch700001', 'EGE', 2025, 'RUSSIAN')).toEqual({
      participants: 8,
      count2: 0,
      count3: 0,
      count4: 0,
      count5: 0,
      mean_primary_score: 20.25,
      mean_test_score: 42.875,
      below_minimum_count: 3,
      source: 'derived',
      is_demo: false,
    });
    // The demo participants of the keys the file covers are gone: real figures are not mixed with generated ones.
    const mixed = await hub.sql(
      `SELECT count(*)::int AS n FROM participant_result
        WHERE is_demo AND school_code IN ('sch700001', 'sch700006') AND procedure_code = 'EGE' AND year = 2025
          AND subject_code = 'RUSSIAN'`,
    );
    expect(mixed[0]!.n).toBe(0);

    const second = await importFile(fixture('participant-results.example.csv'));
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/добавлено: 0; обновлено: 0; без изменений: 48; отклонено: 0/);
  });

  it('rejects a file with a bad row (exit 1), naming line, column and rule, and changes nothing', async () => {
    const before = await snapshot();
    const result = await importFile(
      file('bad.csv', [
        'R1;sch700001;ЕГЭ;2025;Физика;11;30;101;',
        'R2;sch700001;ЕГЭ;2025;Физика;11;30;-1;',
        'R3;sch700001;ВПР;2025;Физика;8;;;6',
        'R4;sch799999;ЕГЭ;2025;Физика;11;30;60;',
        'R5;sch700001;ЕКЭ;2025;Физика;11;30;60;',
        'R6;sch700001;ЕГЭ;2025;Физкультура;11;30;60;',
        'R7;sch700001;ЕГЭ;2025;Физика;9;30;60;',
        ';sch700001;ЕГЭ;2025;Физика;11;30;60;',
        'R9;sch700001;ОГЭ;2025;Математика;9;40;;',
        'R10;sch700001;ЕГЭ;2025;Физика;11;тридцать;60;',
        'R11;sch700001;ЕГЭ;2031;Физика;11;30;60;',
        'R12;sch700001;ЕГЭ;2025;Физика;11;30;60;',
      ]),
    );
    expect(result.code).toBe(1);
    const out = result.stdout;
    expect(out).toMatch(/2\s+Тестовый балл\s+Тестовый балл 101 вне диапазона 0–100/);
    expect(out).toMatch(/3\s+Тестовый балл\s+Тестовый балл -1 вне диапазона 0–100/);
    expect(out).toMatch(/4\s+Отметка\s+Отметка 6 вне диапазона 2–5/);
    expect(out).toMatch(/5\s+Код ОО\s+Школа с кодом «sch799999» не найдена/);
    expect(out).toMatch(/6\s+Процедура\s+Неизвестная процедура «ЕКЭ»; возможно, имелась в виду «ЕГЭ»/);
    expect(out).toMatch(/7\s+Предмет\s+Неизвестный предмет «Физкультура»/);
    expect(out).toMatch(/8\s+Класс\s+Процедура ЕГЭ не проводится в 9 классе/);
    expect(out).toMatch(/9\s+Код участника\s+Не указан код участника/);
    expect(out).toMatch(/10\s+Первичный балл\s+Первичный балл 40 больше максимума 31/);
    expect(out).toMatch(/11\s+Первичный балл\s+«тридцать» — не число/);
    expect(out).toMatch(/12\s+Год\s+Год 2031 вне допустимого диапазона/);
    expect(out).toMatch(/Прочитано: 12; .*отклонено: 11/);
    expect(out).toMatch(/Итог: отклонён — ничего не изменено/);
    expect(await snapshot()).toEqual(before);
  });

  it('names both lines of a participant given twice for one subject, and changes nothing', async () => {
    const before = await snapshot();
    const result = await importFile(
      file('twice.csv', [
        'D1;sch700002;ЕГЭ;2025;Химия;11;30;60;',
        'D1;sch700002;ЕГЭ;2025;Биология;11;30;60;',
        'D1;sch700003;ЕГЭ;2025;Химия;11;31;62;',
      ]),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/2\s+—\s+Повтор в файле: строка 2 — также в строке 4/);
    expect(result.stdout).toMatch(/4\s+—\s+Повтор в файле: строка 4 — также в строке 2/);
    expect(result.stdout).toMatch(/отклонено: 2/);
    expect(await snapshot()).toEqual(before);

    // A key given a dozen times: each line lists ten of the others and counts the rest.
    const dozen = Array.from({ length: 12 }, () => 'D2;sch700002;ЕГЭ;2025;Химия;11;30;60;');
    const many = await importFile(file('dozen.csv', dozen), '--partial');
    expect(many.stdout).toMatch(
      /2\s+—\s+Повтор в файле: строка 2 — также в строке 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 и ещё 1/,
    );
    expect(many.stdout).toMatch(/добавлено: 0; обновлено: 0; без изменений: 0; отклонено: 12/);
    expect(await snapshot()).toEqual(before);
  });

  it('with --dry-run writes nothing; with --partial applies the valid rows and derives their keys', async () => {
    const lines = ['Q1;sch700004;ЕГЭ;2024;Информатика;11;10;40;', 'Q2;sch700004;ЕГЭ;2024;Информатика;11;10;140;'];
    const before = await snapshot();
    const dry = await importFile(file('dry.csv', lines.slice(0, 1)), '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/добавлено \(было бы\): 1/);
    expect(await snapshot()).toEqual(before);

    const partial = await importFile(file('partial.csv', lines), '--partial');
    expect(partial.code).toBe(0);
    expect(partial.stdout).toMatch(/добавлено: 1; обновлено: 0; без изменений: 0; отклонено: 1/);
    expect(await derived('sch700004', 'EGE', 2024, 'INFORMATICS')).toMatchObject({
      participants: 1,
      mean_test_score: 40,
      is_demo: false,
    });
  });

  it('derives again the key a participant leaves when a file moves them to another school', async () => {
    const lines = (school: string) => [`M1;sch700007;ОГЭ;2024;Химия;9;31;;`, `M2;${school};ОГЭ;2024;Химия;9;12;;`];
    expect((await importFile(file('moves-1.csv', lines('sch700007')))).code).toBe(0);
    // ОГЭ chemistry: «5» from 31 primary points, «2» below 10.
    expect(await derived('sch700007', 'OGE', 2024, 'CHEMISTRY')).toMatchObject({
      participants: 2,
      count5: 1,
      count3: 1,
    });
    const moved = await importFile(file('moves-2.csv', lines('sch700008')));
    expect(moved.stdout).toMatch(/добавлено: 0; обновлено: 1; без изменений: 1/);
    expect(await derived('sch700007', 'OGE', 2024, 'CHEMISTRY')).toMatchObject({
      participants: 1,
      count5: 1,
      count3: 0,
    });
    expect(await derived('sch700008', 'OGE', 2024, 'CHEMISTRY')).toMatchObject({ participants: 1, count3: 1 });
  });

  it('shows imported participants and the results derived from them through GraphQL', async () => {
    const data = await hub.gqlOk(`{
      school(code: "sch700001") {
        assessmentResults(filter: { year: 2025, procedureCodes: ["EGE"], subjectCodes: ["RUSSIAN"] }) {
          participants belowMinimumCount source isDemo
        }
      }
      participantResults(filter: { schoolCodes: ["sch700001"], participantCodes: ["P100000", "P100001"] }, first: 10) {
        totalCount
        edges { node { participantCode testScore isDemo } }
      }
    }`);
    expect(data.school.assessmentResults).toEqual([
      { participants: 8, belowMinimumCount: 3, source: 'DERIVED', isDemo: false },
    ]);
    expect(data.participantResults.totalCount).toBe(2);
    expect(data.participantResults.edges.map((e: any) => e.node)).toEqual([
      { participantCode: 'P100000', testScore: 80, isDemo: false },
      { participantCode: 'P100001', testScore: 28, isDemo: false },
    ]);
  });
  it('streams 50,000 generated rows and derives every touched school-level result as a direct computation does', async () => {
    const schools = (await hub.sql<{ code: string }>('SELECT code FROM school ORDER BY code')).map((s) => s.code);
    const big = path.join(dir, 'participants-50k.csv');
    await writeParticipantFile(big, 50_000, schools);
    const result = await importFile(big);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/Прочитано: 50000; добавлено: 50000; обновлено: 0; без изменений: 0; отклонено: 0/);

    const expected = await hub.sql(`${DIRECT_SQL} ORDER BY 1, 2, 3, 4, 5`);
    const stored = await hub.sql(STORED_SQL);
    expect(expected.length).toBeGreaterThan(1000);
    expect(stored).toEqual(expected);
    const total = expected.reduce((sum, row) => sum + row.participants, 0);
    expect(total).toBe((await hub.sql('SELECT count(*)::int AS n FROM participant_result WHERE NOT is_demo'))[0]!.n);
    // No school-level key the file covers keeps demo participants.
    const [mixed] = await hub.sql<{ n: number }>(`
      SELECT count(*)::int AS n FROM participant_result d
       WHERE d.is_demo AND EXISTS (
         SELECT 1 FROM participant_result p
          WHERE NOT p.is_demo AND (p.school_code, p.procedure_code, p.year, p.subject_code, p.grade)
                = (d.school_code, d.procedure_code, d.year, d.subject_code, d.grade))`);
    expect(mixed!.n).toBe(0);

    const again = await importFile(big);
    expect(again.stdout).toMatch(/добавлено: 0; обновлено: 0; без изменений: 50000; отклонено: 0/);

    // The same participants with other scores: most rows change, and every key is derived again.
    const rescored = path.join(dir, 'participants-50k-rescored.csv');
    await writeParticipantFile(rescored, 50_000, schools, 7);
    const changed = await importFile(rescored);
    expect(changed.code, changed.stdout).toBe(0);
    const [, updated] = /добавлено: 0; обновлено: (\d+);/.exec(changed.stdout) ?? [];
    expect(Number(updated)).toBeGreaterThan(30_000);
    expect(await hub.sql(`${STORED_SQL}`)).toEqual(await hub.sql(`${DIRECT_SQL} ORDER BY 1, 2, 3, 4, 5`));
  });

  it('runs in the server too: uploads over HTTP stage and merge on the pool’s connections, then change nothing', async () => {
    const upload = async (name: string) => {
      const form = new FormData();
      form.append(
        'file',
        new Blob([fs.readFileSync(file(name, ['H1;sch700009;ЕГЭ;2024;Литература;11;20;55;']))]),
        name,
      );
      const response = await fetch(`${hub.url}api/imports/participant-results`, {
        method: 'POST',
        body: form,
        headers: hub.admin.headers,
      });
      expect(response.status).toBe(202);
      const { id } = (await response.json()) as { id: string };
      for (let i = 0; i < 200; i++) {
        const { importJob } = await hub.gqlOk(
          'query ($id: ID!) { importJob(id: $id) { phase status inserted unchanged } }',
          { id },
        );
        if (importJob.phase === 'DONE') return importJob;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('import did not finish');
    };
    expect(await upload('http-1.csv')).toEqual({ phase: 'DONE', status: 'APPLIED', inserted: 1, unchanged: 0 });
    expect(await upload('http-2.csv')).toEqual({ phase: 'DONE', status: 'APPLIED', inserted: 0, unchanged: 1 });
    expect(await derived('sch700009', 'EGE', 2024, 'LITERATURE')).toMatchObject({
      participants: 1,
      mean_test_score: 55,
    });
  });
});
