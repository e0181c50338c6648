import { describe, expect, it } from 'vitest';
import { runHub } from '../harness/cli';
import type { TestHub } from '../harness/hub';
import { fixture, pickColumns, readCsv, type Scratch, withHubAndScratch, windows1251, xlsx } from './file-variants';

const EXAMPLE = 'self-diagnostics.example.csv';

let hub: TestHub;
let scratch: Scratch;
withHubAndScratch((started) => ({ hub, scratch } = started));

const importFile = (file: string, ...flags: string[]) =>
  runHub(['import', 'self-diagnostics', file, ...flags], hub.databaseUrl);

async function everything() {
  return {
    results: await hub.sql(`SELECT * FROM self_diagnostic_result ORDER BY school_code, year, round`),
    scores: await hub.sql(`SELECT * FROM self_diagnostic_score ORDER BY school_code, year, round, direction_code`),
    rounds: await hub.sql(`SELECT * FROM self_diagnostic_round ORDER BY year, round`),
  };
}

async function stored(schoolCode: string, year: number, round: number): Promise<Record<string, any>> {
  const key = [schoolCode, year, round];
  const [result] = await hub.sql(
    `SELECT * FROM self_diagnostic_result WHERE school_code = $1 AND year = $2 AND round = $3`,
    key,
  );
  const scores = await hub.sql(
    `SELECT sc.direction_code, sc.score FROM self_diagnostic_score sc
       JOIN self_diagnostic_direction d ON d.code = sc.direction_code
      WHERE sc.school_code = $1 AND sc.year = $2 AND sc.round = $3 ORDER BY d.position`,
    key,
  );
  return { ...result, scores: scores.map((s) => s.score) };
}

const SCHOOL_RESULTS = `query ($code: String!) { school(code: $code) { selfDiagnostics(year: 2025, round: 1) {
  year round total level levelTitle isDemo recordedBy scores { direction { name } score }
} } }`;

describe('pnpm hub import self-diagnostics', () => {
  it('imports the example file over the demo results (exit 0); the same file again changes nothing', async () => {
    const first = await importFile(fixture(EXAMPLE));
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Прочитано: 12; добавлено: 0; обновлено: 12; без изменений: 0; отклонено: 0/);
    const result = await stored('sch700001', 2025, 1);
    expect(result).toMatchObject({
      total: 138,
      level: 'medium',
      is_demo: false,
      recorded_by_user_id: null,
      scores: [18, 13, 30, 21, 7, 27, 8, 14],
    });
    expect(result.recorded_by).toMatch(/^командная строка/);

    const second = await importFile(fixture(EXAMPLE));
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Прочитано: 12; добавлено: 0; обновлено: 0; без изменений: 12; отклонено: 0/);
    expect((await stored('sch700001', 2025, 1)).recorded_at).toEqual(result.recorded_at);
  });

  it('shows the imported result through GraphQL', async () => {
    const { school } = await hub.gqlOk(SCHOOL_RESULTS, { code: 'sch700002' });
    expect(school.selfDiagnostics).toHaveLength(1);
    const [r] = school.selfDiagnostics;
    expect(r).toMatchObject({
      year: 2025,
      round: 1,
      total: 122,
      level: 'MEDIUM',
      levelTitle: 'средний',
      isDemo: false,
    });
    expect(r.recordedBy).toMatch(/^командная строка/);
    expect(r.scores.map((s: any) => [s.direction.name, s.score])).toEqual([
      ['Знание', 27],
      ['Воспитание', 9],
      ['Здоровье', 13],
      ['Творчество', 26],
      ['Профориентация', 25],
      ['Учитель. Школьная команда', 11],
      ['Школьный климат', 8],
      ['Образовательная среда', 3],
    ]);
  });

  it('rejects a file with bad rows (exit 1), naming line, column and message, and changes nothing', async () => {
    const before = await everything();
    const result = await importFile(fixture('self-diagnostics-bad.csv'));
    expect(result.code).toBe(1);
    const out = result.stdout;
    expect(out).toMatch(/\n3\s+Этап\s+Этап 3: самодиагностика проходит в два этапа, укажите 1 или 2/);
    expect(out).toMatch(/\n4\s+Итого\s+Итого 123 не равно сумме баллов по направлениям 122/);
    expect(out).toMatch(/\n5\s+Воспитание\s+«Воспитание»: нужно целое неотрицательное число, указано −9/);
    expect(out).toMatch(/\n6\s+Уровень\s+Уровень «отличный» не распознан: нужен один из «ниже базового», «базовый»/);
    expect(out).toMatch(/\n7\s+Код ОО\s+Школа с кодом «sch799999» не найдена в реестре/);
    expect(out).toMatch(/\n8\s+Год\s+Год 2019 вне допустимого диапазона 2020–2100/);
    expect(out).toMatch(/\n9\s+Знание\s+«Знание»: нужно целое неотрицательное число, указано 28,5/);
    expect(out).toMatch(/\n10\s+—\s+Повтор в файле: строка 10 — также в строке 11/);
    expect(out).toMatch(/\n11\s+—\s+Повтор в файле: строка 11 — также в строке 10/);
    expect(out).not.toMatch(/\n(2|12)\s/);
    expect(out).toMatch(/Прочитано: 11; добавлено: 0; обновлено: 0; без изменений: 0; отклонено: 9/);
    expect(out).toMatch(/Итог: отклонён — ничего не изменено/);
    expect(await everything()).toEqual(before);
  });

  it('with --partial applies the valid rows and reports the rest', async () => {
    await hub.sql(`DELETE FROM self_diagnostic_result WHERE school_code = 'sch700021' AND year = 2025 AND round = 2`);
    const result = await importFile(fixture('self-diagnostics-bad.csv'), '--partial');
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/Прочитано: 11; добавлено: 1; обновлено: 1; без изменений: 0; отклонено: 9/);
    expect(await stored('sch700013', 2025, 1)).toMatchObject({ level: 'high', total: 138, is_demo: false });
    expect(await stored('sch700021', 2025, 2)).toMatchObject({ level: 'below_base', total: 0, is_demo: false });
    expect(await stored('sch700014', 2025, 1)).toMatchObject({ is_demo: true });
  });

  it('reads Windows-1251 with title rows and reordered headers; a row replaces the whole result', async () => {
    // No «Творчество» column and no «Итого»: as a submission, the direction has no score and no total is made up.
    const rows = [
      ['Самодиагностика «Школа Минпросвещения России»'],
      ['Томская область, 2025 год, 1 этап'],
      ...pickColumns(
        readCsv(EXAMPLE).slice(0, 3),
        [
          'Уровень',
          'Этап',
          'Образовательная среда',
          'Школьный климат',
          'Учитель. Школьная команда',
          'Профориентация',
          'Здоровье',
          'Воспитание',
          'Знание',
          'Год',
          'Код ОО',
        ],
        { Уровень: 'УРОВЕНЬ', 'Учитель. Школьная команда': 'учитель.  школьная команда', 'Код ОО': ' код ОО ' },
      ),
    ];
    rows[3]![0] = 'Ниже базового';
    const result = await importFile(scratch.file('самодиагностика.csv', windows1251(rows)));
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/csv \(Windows-1251, разделитель «;»\)/);
    expect(result.stdout).toMatch(/добавлено: 0; обновлено: 2; без изменений: 0; отклонено: 0/);
    expect(await stored('sch700001', 2025, 1)).toMatchObject({
      level: 'below_base',
      total: null,
      scores: [18, 13, 30, 7, 27, 8, 14],
    });
  });

  it('reads the example as XLSX: the rows that differ are written back', async () => {
    const book = await xlsx([['Результаты самодиагностики'], [], ...readCsv(EXAMPLE)]);
    const result = await importFile(scratch.file('самодиагностика.xlsx', book));
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/\(xlsx\)/);
    expect(result.stdout).toMatch(/добавлено: 0; обновлено: 2; без изменений: 10; отклонено: 0/);
    expect(await stored('sch700001', 2025, 1)).toMatchObject({
      level: 'medium',
      total: 138,
      scores: [18, 13, 30, 21, 7, 27, 8, 14],
    });
  });

  it('names both lines of a key repeated in the file', async () => {
    const rows = readCsv(EXAMPLE);
    rows.push([...rows[5]!]);
    const result = await importFile(scratch.file('dup.csv', rows.map((r) => r.join(';')).join('\n')));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/\n6\s+—\s+Повтор в файле: строка 6 — также в строке 14/);
    expect(result.stdout).toMatch(/\n14\s+—\s+Повтор в файле: строка 14 — также в строке 6/);
  });
});
