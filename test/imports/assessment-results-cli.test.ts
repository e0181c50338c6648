import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../harness/cli';
import { startTestHub, type TestHub } from '../harness/hub';

const fixture = (name: string) => path.resolve(__dirname, 'fixtures', name);

let hub: TestHub;
let dir: string;
beforeAll(async () => {
  hub = await startTestHub();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-assessment-import-'));
});
afterAll(async () => {
  await hub?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const HEADER = 'Код ОО;Процедура;Год;Предмет;Класс;Участников;2;3;4;5;Понизили;Подтвердили;Повысили';

function file(name: string, lines: string[], encoding: 'utf8' | 'win1251' = 'utf8'): string {
  const filePath = path.join(dir, name);
  const text = [HEADER, ...lines].join('\r\n');
  fs.writeFileSync(filePath, encoding === 'utf8' ? text : iconv.encode(text, 'win1251'));
  return filePath;
}

const importFile = (filePath: string, ...flags: string[]) =>
  runHub(['import', 'assessment-results', filePath, ...flags], hub.databaseUrl);

/** Every school-level row, to show that a rejected file changed nothing. */
const snapshot = () => hub.sql('SELECT * FROM assessment_result ORDER BY id');

const stored = (school: string, subject: string, year = 2025) =>
  hub
    .sql(
      `SELECT participants, count2, count3, count4, count5, journal_lowered, journal_confirmed, journal_raised,
              source, is_demo FROM assessment_result
        WHERE school_code = $1 AND procedure_code = 'VPR' AND year = $2 AND subject_code = $3 AND grade = 5`,
      [school, year, subject],
    )
    .then((rows) => rows[0]);

describe('pnpm hub import assessment-results', () => {
  it('applies the example file over the demo rows of the same keys, then finds nothing to change', async () => {
    expect(await stored('sch700001', 'RUSSIAN')).toMatchObject({ is_demo: true });
    const first = await importFile(fixture('assessment-results.example.csv'));
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Прочитано: 20; добавлено: 0; обновлено: 20; без изменений: 0; отклонено: 0/);
    expect(await stored('sch700001', 'RUSSIAN')).toEqual({
      participants: 42,
      count2: 1,
      count3: 30,
      count4: 0,
      count5: 11,
      journal_lowered: 7,
      journal_confirmed: 33,
      journal_raised: 2,
      source: 'reported',
      is_demo: false,
    });
    expect(await stored('sch700010', 'MATHEMATICS')).toMatchObject({ participants: 36, count5: 3, is_demo: false });

    const second = await importFile(fixture('assessment-results.example.csv'));
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/добавлено: 0; обновлено: 0; без изменений: 20; отклонено: 0/);
  });

  it('reads the XLSX example below its title rows, and the same figures in Windows-1251 with commas', async () => {
    const xlsx = await importFile(fixture('assessment-results.example.xlsx'));
    expect(xlsx.code, xlsx.stdout).toBe(0);
    expect(xlsx.stdout).toMatch(/\(xlsx\)/);
    expect(xlsx.stdout).toMatch(/Прочитано: 8; добавлено: 0; обновлено: 0; без изменений: 8/);

    const cp1251 = path.join(dir, 'cp1251.csv');
    const lines = fs
      .readFileSync(fixture('assessment-results.example.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter(Boolean)
      .map((line) => line.replaceAll(';', ','));
    // A row nobody has yet, spelt as a person would («региональная диагностика», «русский»), a title row above.
    lines.push('sch700011,региональная диагностика,2024,русский,6,20,2,8,6,4,,,');
    fs.writeFileSync(cp1251, iconv.encode(['ВПР 2024–2025', ...lines].join('\r\n'), 'win1251'));
    const result = await importFile(cp1251);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/csv \(Windows-1251, разделитель «,»\)/);
    expect(result.stdout).toMatch(/Прочитано: 21; добавлено: 1; обновлено: 0; без изменений: 20/);
    const [row] = await hub.sql(
      `SELECT participants, count2, journal_lowered FROM assessment_result
        WHERE school_code = 'sch700011' AND procedure_code = 'REGIONAL_DIAGNOSTICS' AND year = 2024
          AND subject_code = 'RUSSIAN' AND grade = 6`,
    );
    expect(row).toEqual({ participants: 20, count2: 2, journal_lowered: null });
  });

  it('rejects a file with a bad row (exit 1), naming line, column and rule, and changes nothing', async () => {
    const before = await snapshot();
    const bad = file('bad.csv', [
      'sch700001;ВПР;2025;Русский язык;5;42;1;30;0;11;7;33;2',
      'sch799999;ВПР;2025;Русский язык;5;10;1;3;3;3;;;',
      'sch700002;ВПРР;2025;Русский язык;5;10;1;3;3;3;;;',
      'sch700002;ВПР;2025;Астрономия;5;10;1;3;3;3;;;',
      'sch700003;ВПР;2025;Математика;5;10;1;3;3;2;;;',
      'sch700003;ВПР;2025;Русский язык;5;10;1;3;3;3;2;5;2',
      'sch700004;ВПР;2025;Математика;5;10;-1;4;4;3;;;',
      'sch700004;ВПР;2025;Русский язык;9;10;1;3;3;3;;;',
      'sch700005;ВПР;2025;Математика;5;много;1;3;3;3;;;',
      'sch700005;ВПР;2025;Русский язык;5;10;1;3;3;3;2;5;',
    ]);
    const result = await importFile(bad);
    expect(result.code).toBe(1);
    const out = result.stdout;
    expect(out).toMatch(/3\s+Код ОО\s+Школа с кодом «sch799999» не найдена/);
    expect(out).toMatch(/4\s+Процедура\s+Неизвестная процедура «ВПРР»; возможно, имелась в виду «ВПР»/);
    expect(out).toMatch(/5\s+Предмет\s+Неизвестный предмет «Астрономия»/);
    expect(out).toMatch(/6\s+Участников\s+Сумма отметок 9 .* не равна числу участников 10/);
    expect(out).toMatch(
      /7\s+Понизили\s+Сравнение с журналом: понизили 2 \+ подтвердили 5 \+ повысили 2 = 9, а участников 10/,
    );
    expect(out).toMatch(/8\s+2\s+«2»: -1 — число не может быть отрицательным/);
    expect(out).toMatch(/9\s+Класс\s+Процедура ВПР не проводится в 9 классе/);
    expect(out).toMatch(/10\s+Участников\s+«много» — не число/);
    expect(out).toMatch(/11\s+Повысили\s+Сравнение с отметками по журналу заполнено не полностью/);
    expect(out).toMatch(/Прочитано: 10; .*отклонено: 9/);
    expect(out).toMatch(/Итог: отклонён — ничего не изменено/);
    expect(await snapshot()).toEqual(before);
  });

  it('names both lines of a key given twice (a missing grade of a one-grade procedure counts as that grade)', async () => {
    const before = await snapshot();
    const result = await importFile(
      file('twice.csv', [
        'sch700006;ОГЭ;2025;Математика;9;10;1;3;3;3;;;',
        'sch700006;ВПР;2025;Математика;5;90;5;32;28;25;;;',
        'sch700006;огэ;2025;математика;;10;2;2;3;3;;;',
      ]),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/2\s+—\s+Повтор в файле: строка 2 — также в строке 4/);
    expect(result.stdout).toMatch(/4\s+—\s+Повтор в файле: строка 4 — также в строке 2/);
    expect(result.stdout).toMatch(/отклонено: 2/);
    expect(await snapshot()).toEqual(before);
  });

  it('with --partial applies the valid rows; with --dry-run counts and writes nothing', async () => {
    const lines = [
      'sch700012;РДР;2024;Математика;7;30;3;10;10;7;;;',
      'sch700012;РДР;2024;Математика;8;30;3;10;10;6;;;',
    ];
    const before = await snapshot();
    const dry = await importFile(file('dry.csv', lines.slice(0, 1)), '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/добавлено \(было бы\): 1/);
    expect(await snapshot()).toEqual(before);

    const partial = await importFile(file('partial.csv', lines), '--partial');
    expect(partial.code, partial.stdout).toBe(0);
    expect(partial.stdout).toMatch(/добавлено: 1; обновлено: 0; без изменений: 0; отклонено: 1/);
    expect(partial.stdout).toMatch(/3\s+Участников\s+Сумма отметок 29/);
    const rows = await hub.sql(
      `SELECT grade, participants FROM assessment_result
        WHERE school_code = 'sch700012' AND year = 2024 AND procedure_code = 'REGIONAL_DIAGNOSTICS'
          AND subject_code = 'MATHEMATICS'`,
    );
    expect(rows).toEqual([{ grade: 7, participants: 30 }]);
  });

  it('shows the imported figures through GraphQL as real results', async () => {
    const data = await hub.gqlOk(`{
      school(code: "sch700001") {
        assessmentResults(filter: { year: 2025, procedureCodes: ["VPR"], grades: [5], isDemo: false }) {
          subject { code } participants count2 count5 journalLowered journalRaised source isDemo
        }
      }
    }`);
    expect(data.school.assessmentResults).toEqual([
      {
        subject: { code: 'MATHEMATICS' },
        participants: 49,
        count2: 7,
        count5: 9,
        journalLowered: 3,
        journalRaised: 2,
        source: 'REPORTED',
        isDemo: false,
      },
      {
        subject: { code: 'RUSSIAN' },
        participants: 42,
        count2: 1,
        count5: 11,
        journalLowered: 7,
        journalRaised: 2,
        source: 'REPORTED',
        isDemo: false,
      },
    ]);
  });
});
