import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHub } from '../harness/cli';
import { createSchool } from '../harness/factories';
import { startTestHub, type TestHub } from '../harness/hub';

const fixture = (name: string) => path.resolve(__dirname, 'fixtures', name);

let hub: TestHub;
let dir: string;
beforeAll(async () => {
  hub = await startTestHub();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-shnor-import-'));
});
afterAll(async () => {
  await hub?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function file(name: string, lines: string[], header = 'Код ОО;Год;Категория;Куратор;Статус программы'): string {
  const filePath = path.join(dir, name);
  fs.writeFileSync(filePath, [header, ...lines].join('\n'));
  return filePath;
}

const importFile = (kind: string, filePath: string, ...flags: string[]) =>
  runHub(['import', kind, filePath, ...flags], hub.databaseUrl);

const listings = () => hub.sql('SELECT * FROM shnor_listing ORDER BY school_code, year');

const listing = (school: string, year: number) =>
  hub
    .sql(
      `SELECT category, curator, programme_status, is_demo, updated_by, updated_by_user_id
         FROM shnor_listing WHERE school_code = $1 AND year = $2`,
      [school, year],
    )
    .then((rows) => rows[0]);

describe('pnpm hub import shnor-list', () => {
  it('applies the example list over demo listings, recording the importer, then changes nothing', async () => {
    const first = await importFile('shnor-list', fixture('shnor-list.example.csv'));
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Прочитано: 7; добавлено: \d+; обновлено: \d+; без изменений: 0; отклонено: 0/);
    expect(await listing('sch700023', 2023)).toEqual({
      category: 'shnor_and_shnsu',
      curator: 'Куратор 3',
      programme_status: 'monitored',
      is_demo: false,
      updated_by: expect.stringMatching(/^командная строка/),
      updated_by_user_id: null,
    });
    const imported = await hub.sql(
      `SELECT count(*)::int AS n FROM shnor_listing WHERE year = 2023 AND NOT is_demo AND updated_by LIKE 'командная строка%'`,
    );
    expect(imported[0]!.n).toBe(7);

    const second = await importFile('shnor-list', fixture('shnor-list.example.csv'));
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/добавлено: 0; обновлено: 0; без изменений: 7; отклонено: 0/);
  });

  it('rejects a file with a bad row (exit 1), naming line, column and rule, and changes nothing', async () => {
    const before = await listings();
    const result = await importFile(
      'shnor-list',
      file('bad.csv', [
        'sch799999;2024;ШНОР;;',
        'sch700001;2019;ШНОР;;',
        'sch700001;2024;ШНОП;;',
        'sch700001;2024;;;',
        'sch700002;2024;ШНСУ;;одобрена',
        'sch700003;две тысячи;ШНСУ;;',
        `sch700004;2024;ШНСУ;${'к'.repeat(301)};`,
      ]),
    );
    expect(result.code).toBe(1);
    const out = result.stdout;
    expect(out).toMatch(/2\s+Код ОО\s+Школа с кодом «sch799999» не найдена/);
    expect(out).toMatch(/3\s+Год\s+Год 2019 вне допустимого диапазона 2020–/);
    expect(out).toMatch(/4\s+Категория\s+Неизвестная категория «ШНОП»: укажите «ШНОР», «ШНСУ», «ШНОР и ШНСУ»/);
    expect(out).toMatch(/5\s+Категория\s+Не указана категория/);
    expect(out).toMatch(/6\s+Статус программы\s+Неизвестный статус программы «одобрена»/);
    expect(out).toMatch(/7\s+Год\s+«две тысячи» — не число/);
    expect(out).toMatch(/8\s+Куратор\s+Куратор: 301 символов, допускается не больше 300/);
    expect(out).toMatch(/отклонено: 7/);
    expect(await listings()).toEqual(before);
  });

  it('names both lines of a school listed twice for a year; --dry-run and --partial', async () => {
    const before = await listings();
    const twice = await importFile(
      'shnor-list',
      file('twice.csv', ['sch700030;2025;ШНОР;;', 'sch700031;2025;ШНСУ;;', 'sch700030;2025;ШНСУ;;']),
    );
    expect(twice.code).toBe(1);
    expect(twice.stdout).toMatch(/2\s+—\s+Повтор в файле: строка 2 — также в строке 4/);
    expect(twice.stdout).toMatch(/4\s+—\s+Повтор в файле: строка 4 — также в строке 2/);

    const dry = await importFile('shnor-list', file('dry.csv', ['sch700031;2026;ШНСУ;;']), '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/добавлено \(было бы\): 1/);
    expect(await listings()).toEqual(before);

    const partial = await importFile(
      'shnor-list',
      file('partial.csv', ['sch700031;2026;ШНСУ;Иванова И. И.;', 'sch700032;2026;ШНОП;;']),
      '--partial',
    );
    expect(partial.code).toBe(0);
    expect(partial.stdout).toMatch(/добавлено: 1; обновлено: 0; без изменений: 0; отклонено: 1/);
    expect(await listing('sch700031', 2026)).toMatchObject({
      category: 'shnsu',
      curator: 'Иванова И. И.',
      programme_status: 'draft',
    });
  });

  it('keeps a stored status when the cell is empty, and stored curators when the file has no «Куратор»', async () => {
    await importFile('shnor-list', file('status.csv', ['sch700031;2026;ШНСУ;Иванова И. И.;утверждена']));
    const result = await importFile(
      'shnor-list',
      file('keep.csv', ['sch700031;2026;ШНОР и ШНСУ'], 'Код ОО;Год;Категория'),
    );
    expect(result.code, result.stdout).toBe(0);
    expect(await listing('sch700031', 2026)).toMatchObject({
      category: 'shnor_and_shnsu',
      curator: 'Иванова И. И.',
      programme_status: 'approved',
    });
  });

  it('shows imported listings on the school and among the candidates that imported results make', async () => {
    const { code } = await createSchool(hub);
    const results = path.join(dir, 'results.csv');
    fs.writeFileSync(
      results,
      [
        'Код ОО;Процедура;Год;Предмет;Класс;Участников;2;3;4;5',
        // 30 % «2» in two results of 2024 (the rule's threshold), 29 % in a third.
        `${code};ВПР;2024;Русский язык;5;20;6;10;4;0`,
        `${code};ОГЭ;2024;Математика;9;10;3;5;2;0`,
        `${code};ВПР;2024;Математика;6;100;29;50;21;0`,
      ].join('\n'),
    );
    expect((await importFile('assessment-results', results)).code).toBe(0);
    expect(
      (await importFile('shnor-list', file('candidate.csv', [`${code};2025;ШНОР;Петров П. П.;проект`]))).code,
    ).toBe(0);

    const data = await hub.gqlOk(
      `query ($code: String!) {
        school(code: $code) { shnor(year: 2025) { category curator programmeStatus isDemo updatedBy } }
        shnorCandidates(year: 2024) {
          schoolCode listed listings { year category curator }
          evidence { procedure { code } subject { code } count outOf }
        }
      }`,
      { code },
    );
    expect(data.school.shnor).toEqual({
      category: 'SHNOR',
      curator: 'Петров П. П.',
      programmeStatus: 'DRAFT',
      isDemo: false,
      updatedBy: expect.stringMatching(/^командная строка/),
    });
    const candidate = data.shnorCandidates.find((c: { schoolCode: string }) => c.schoolCode === code);
    expect(candidate).toEqual({
      schoolCode: code,
      listed: true,
      listings: [{ year: 2025, category: 'SHNOR', curator: 'Петров П. П.' }],
      evidence: [
        { procedure: { code: 'OGE' }, subject: { code: 'MATHEMATICS' }, count: 3, outOf: 10 },
        { procedure: { code: 'VPR' }, subject: { code: 'RUSSIAN' }, count: 6, outOf: 20 },
      ],
    });
  });
});
