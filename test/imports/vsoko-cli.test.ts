import { describe, expect, it } from 'vitest';
import { runHub } from '../harness/cli';
import type { TestHub } from '../harness/hub';
import { fixture, pickColumns, readCsv, type Scratch, withHubAndScratch, windows1251, xlsx } from './file-variants';

const EXAMPLE = 'vsoko-evaluations.example.csv';

let hub: TestHub;
let scratch: Scratch;
withHubAndScratch((started) => ({ hub, scratch } = started));

const importFile = (file: string, ...flags: string[]) =>
  runHub(['import', 'vsoko-evaluations', file, ...flags], hub.databaseUrl);

/** Every stored ВСОКО fact, to prove that a refused file changed nothing. */
async function everything() {
  return {
    evaluations: await hub.sql(`SELECT * FROM vsoko_evaluation ORDER BY school_code, campaign_year`),
    scores: await hub.sql(`SELECT * FROM vsoko_block_score ORDER BY school_code, campaign_year, block_number`),
    links: await hub.sql(`SELECT * FROM vsoko_document_link ORDER BY school_code, campaign_year, document_code`),
  };
}

async function stored(schoolCode: string): Promise<Record<string, any>> {
  const key = [schoolCode, 2024];
  const [evaluation] = await hub.sql(
    `SELECT * FROM vsoko_evaluation WHERE school_code = $1 AND campaign_year = $2`,
    key,
  );
  const scores = await hub.sql(
    `SELECT score FROM vsoko_block_score WHERE school_code = $1 AND campaign_year = $2 ORDER BY block_number`,
    key,
  );
  const links = await hub.sql(
    `SELECT document_code, url FROM vsoko_document_link WHERE school_code = $1 AND campaign_year = $2 ORDER BY 1`,
    key,
  );
  return {
    ...evaluation,
    scores: scores.map((s) => s.score),
    // Pairs, not an object: `toMatchObject` takes arrays whole, so a leftover link fails.
    links: links.map((l) => [l.document_code, l.url]),
  };
}

const SCHOOL_VSOKO = `query ($code: String!) { school(code: $code) { vsoko(year: 2024) {
  year isDemo expert total riskyBlockCount zone { code title } recordedBy
  passport { managementPositions { code } teacherCount studentCount }
  documents { code url provided } providedDocumentCount
} } }`;

describe('pnpm hub import vsoko-evaluations', () => {
  it('imports the example file over the demo evaluations (exit 0); the same file again changes nothing', async () => {
    const demo = await hub.sql(
      `SELECT count(*)::int AS n FROM vsoko_evaluation WHERE is_demo AND school_code <= 'sch700012'`,
    );
    expect(demo[0]!.n).toBe(12);

    const first = await importFile(fixture(EXAMPLE));
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Прочитано: 12; добавлено: 0; обновлено: 12; без изменений: 0; отклонено: 0/);
    const school1 = await stored('sch700001');
    expect(school1).toMatchObject({
      is_demo: false,
      expert: 'Эксперт 1',
      teacher_count: 20,
      student_count: 528,
      // The file has no position columns, and nothing of the demo evaluation survives a real one.
      management_positions: null,
      recorded_by_user_id: null,
      scores: [4, 15, 1, 6],
      links: [
        ['self-examination-report', 'https://school1.example.ru/docs/samoobsledovanie-2024.pdf'],
        ['vsoko-regulation', 'https://school1.example.ru/sveden/'],
      ],
    });
    expect(school1.recorded_by).toMatch(/^командная строка/);

    const second = await importFile(fixture(EXAMPLE));
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Прочитано: 12; добавлено: 0; обновлено: 0; без изменений: 12; отклонено: 0/);
    expect((await stored('sch700001')).recorded_at).toEqual(school1.recorded_at);
  });

  it('shows the imported evaluation through GraphQL: zone, passport, the site page link not provided', async () => {
    const { school } = await hub.gqlOk(SCHOOL_VSOKO, { code: 'sch700001' });
    // Blocks 4, 15, 1, 6 against thresholds 5, 7, 3, 5: blocks 1 and 3 are risks.
    expect(school.vsoko).toMatchObject({
      year: 2024,
      isDemo: false,
      expert: 'Эксперт 1',
      total: 26,
      riskyBlockCount: 2,
      zone: { code: 'MODERATE', title: 'Умеренный риск' },
      passport: { managementPositions: null, teacherCount: 20, studentCount: 528 },
      providedDocumentCount: 1,
    });
    expect(school.vsoko.recordedBy).toMatch(/^командная строка/);
    expect(school.vsoko.documents.filter((d: any) => d.url !== null)).toEqual([
      {
        code: 'self-examination-report',
        url: 'https://school1.example.ru/docs/samoobsledovanie-2024.pdf',
        provided: true,
      },
      { code: 'vsoko-regulation', url: 'https://school1.example.ru/sveden/', provided: false },
    ]);
    // sch700002: 2, 4, 1, 12: three risky blocks.
    const { school: high } = await hub.gqlOk(SCHOOL_VSOKO, { code: 'sch700002' });
    expect([high.vsoko.riskyBlockCount, high.vsoko.zone.code]).toEqual([3, 'HIGH']);
  });

  it('rejects a file with bad rows (exit 1), naming line, column and message, and changes nothing', async () => {
    const before = await everything();
    const result = await importFile(fixture('vsoko-evaluations-bad.csv'));
    expect(result.code).toBe(1);
    const out = result.stdout;
    expect(out).toMatch(/\n3\s+Блок 2\s+Блок 2: 17 баллов больше максимума 16\s*\n/);
    expect(out).toMatch(/\n4\s+Код ОО\s+Школа sch790001 не входит в выборку мониторинга ВСОКО 2024 года/);
    expect(out).toMatch(/\n5\s+Год\s+Кампании мониторинга ВСОКО 2023 года нет; есть кампании: 2024/);
    expect(out).toMatch(
      /\n6\s+Педагогов\s+Численность педагогических работников: нужно целое неотрицательное число, указано −3/,
    );
    expect(out).toMatch(/\n7\s+Блок 2\s+«семь» — не число/);
    expect(out).toMatch(/\n7\s+Руководитель ОО\s+«может быть» — ожидается «да» или «нет»/);
    expect(out).toMatch(/\n7\s+Блок 4\s+Блок 4: нет балла \(нужны баллы всех 4 блоков\)/);
    expect(out).toMatch(/\n8\s+Код ОО\s+Школа с кодом «sch799999» не найдена в реестре/);
    expect(out).toMatch(/\n9\s+Блок 1\s+Блок 1: балл должен быть целым числом от 0 до 13, указано 4,5/);
    expect(out).toMatch(/\n10\s+—\s+Повтор в файле: строка 10 — также в строке 11/);
    expect(out).toMatch(/\n11\s+—\s+Повтор в файле: строка 11 — также в строке 10/);
    // Line 2 scores every block at its maximum and line 12 at zero: both are valid.
    expect(out).not.toMatch(/\n(2|12)\s/);
    expect(out).toMatch(/Прочитано: 11; добавлено: 0; обновлено: 0; без изменений: 0; отклонено: 9/);
    expect(out).toMatch(/Итог: отклонён — ничего не изменено/);
    expect(await everything()).toEqual(before);
  });

  it('with --partial applies the valid rows and reports the rest', async () => {
    const result = await importFile(fixture('vsoko-evaluations-bad.csv'), '--partial');
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/Прочитано: 11; добавлено: 0; обновлено: 2; без изменений: 0; отклонено: 9/);
    expect(await stored('sch700013')).toMatchObject({
      is_demo: false,
      scores: [13, 16, 8, 12],
      management_positions: ['principal'],
      links: [['self-examination-report', 'https://school13.example.ru/docs/otchet.pdf']],
    });
    expect(await stored('sch700020')).toMatchObject({ expert: null, management_positions: [], scores: [0, 0, 0, 0] });
    expect(await stored('sch700014')).toMatchObject({ is_demo: true });
    expect(await stored('sch700019')).toMatchObject({ is_demo: true });
  });

  it('reads Windows-1251 with title rows and reordered headers; keeps what the file leaves out, clears empty cells', async () => {
    // Headers spelled otherwise: case, spaces, ё for е, «(при наличии)» as the document list writes it.
    const rows = [
      ['Мониторинг функционирования ВСОКО, 2024 год'],
      ['Результаты экспертизы (выгрузка)'],
      [],
      [
        'ГОД',
        'Блок 4',
        'Блок 3',
        ' блок 2 ',
        'Блок 1',
        'код оо',
        'Эксперт',
        'Отчёт о самообследовании',
        'положение о всоко (ПРИ НАЛИЧИИ)',
        'Руководитель ОО',
        'Методист',
      ],
      ['2024', '6', '1', '15', '4', 'sch700001', '', '', 'https://school1.example.ru/sveden/', 'да', 'нет'],
      [
        '2024',
        '12',
        '8',
        '10',
        '13',
        'sch700010',
        'Эксперт 1',
        'https://school10.example.ru/docs/samoobsledovanie-2024.pdf',
        'https://school10.example.ru/docs/polozhenie-vsoko.pdf',
        '',
        '',
      ],
    ];
    const result = await importFile(scratch.file('ВСОКО-1251.csv', windows1251(rows)));
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/csv \(Windows-1251, разделитель «;»\)/);
    expect(result.stdout).toMatch(/добавлено: 0; обновлено: 1; без изменений: 1; отклонено: 0/);
    expect(await stored('sch700001')).toMatchObject({
      expert: null,
      // Not in the file: kept.
      teacher_count: 20,
      student_count: 528,
      management_positions: ['principal'],
      links: [['vsoko-regulation', 'https://school1.example.ru/sveden/']],
    });
    // All position cells empty and none marked before: positions stay «not reported».
    expect(await stored('sch700010')).toMatchObject({ management_positions: null, expert: 'Эксперт 1' });
  });

  it('reads the example as XLSX: only the row that differs is written', async () => {
    const book = await xlsx([['Результаты мониторинга ВСОКО'], ...readCsv(EXAMPLE)]);
    const result = await importFile(scratch.file('vsoko.xlsx', book));
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/\(xlsx\)/);
    expect(result.stdout).toMatch(/добавлено: 0; обновлено: 1; без изменений: 11; отклонено: 0/);
    expect(await stored('sch700001')).toMatchObject({
      expert: 'Эксперт 1',
      management_positions: ['principal'],
      links: [
        ['self-examination-report', 'https://school1.example.ru/docs/samoobsledovanie-2024.pdf'],
        ['vsoko-regulation', 'https://school1.example.ru/sveden/'],
      ],
    });
  });

  it('names both lines of a key repeated in the file, however its cells are spelled', async () => {
    const rows = pickColumns(readCsv(EXAMPLE), ['Код ОО', 'Год', 'Блок 1', 'Блок 2', 'Блок 3', 'Блок 4']);
    rows.push([' sch700003 ', '2024', '1', '1', '1', '1']);
    const result = await importFile(scratch.file('dup.csv', rows.map((r) => r.join(';')).join('\n')));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/\n4\s+—\s+Повтор в файле: строка 4 — также в строке 14/);
    expect(result.stdout).toMatch(/\n14\s+—\s+Повтор в файле: строка 14 — также в строке 4/);
    expect(result.stdout).toMatch(/отклонено: 2/);
  });
});
