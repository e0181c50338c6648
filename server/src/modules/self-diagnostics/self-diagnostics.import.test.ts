import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { SELF_DIAGNOSTIC_DIRECTIONS } from '../../seed/reference/self-diagnostics/self-diagnostics';
import type { SelfDiagnosticDirection } from './self-diagnostic-direction.entity';
import { selfDiagnosticsImport } from './self-diagnostics.import';

const context = {
  directions: SELF_DIAGNOSTIC_DIRECTIONS.map((d, i) => ({ ...d, position: i + 1 }) as SelfDiagnosticDirection),
  schools: new Set(['sch700001']),
};
/** The example file's first row: 18;13;30;21;7;27;8;14 → 138, средний. */
const SCORES = [18, 13, 30, 21, 7, 27, 8, 14];
const row = (overrides: Record<string, string | undefined> = {}) => ({
  code: 'sch700001',
  year: '2025',
  round: '1',
  ...Object.fromEntries(SELF_DIAGNOSTIC_DIRECTIONS.map((d, i) => [`direction:${d.code}`, String(SCORES[i])])),
  total: '138',
  level: 'средний',
  ...overrides,
});
const parse = (values: Record<string, string | undefined>) => selfDiagnosticsImport.parse(values, context);
const problems = (values: Record<string, string | undefined>) => {
  const parsed = parse(values);
  return 'problems' in parsed ? parsed.problems : [];
};

describe('self-diagnostics rows', () => {
  it('read a row as the record it stores', () => {
    const parsed = parse(row({ level: 'Высокий уровень', total: '' }));
    expect(parsed).toMatchObject({
      value: { schoolCode: 'sch700001', year: 2025, round: 1, total: 138, level: 'high' },
    });
    expect('value' in parsed && [...parsed.value.scores.values()]).toEqual(SCORES);
  });

  it('accept rounds 1 and 2, refuse others under «Этап»', () => {
    expect(problems(row({ round: '2' }))).toEqual([]);
    expect(problems(row({ round: '3' }))).toEqual([
      { column: 'Этап', message: 'Этап 3: самодиагностика проходит в два этапа, укажите 1 или 2' },
    ]);
    expect(problems(row({ round: '' }))).toEqual([{ column: 'Этап', message: 'Не указан этап (1 или 2)' }]);
  });

  it('check Итого against the sum, and each direction under its own name', () => {
    expect(problems(row({ total: '139' }))).toEqual([
      { column: 'Итого', message: 'Итого 139 не равно сумме баллов по направлениям 138' },
    ]);
    expect(problems(row({ 'direction:health': '0', total: '108' }))).toEqual([]);
    expect(problems(row({ 'direction:health': '-1', total: '' }))).toEqual([
      { column: 'Здоровье', message: '«Здоровье»: нужно целое неотрицательное число, указано −1' },
    ]);
    expect(problems(row({ 'direction:teacher-school-team': 'двадцать', total: '' }))).toEqual([
      { column: 'Учитель. Школьная команда', message: '«двадцать» — не число' },
    ]);
  });

  it('report an unknown level with the word given, an unknown school, a year out of range', () => {
    expect(problems(row({ level: 'отличный' }))).toEqual([
      {
        column: 'Уровень',
        message: 'Уровень «отличный» не распознан: нужен один из «ниже базового», «базовый», «средний», «высокий»',
      },
    ]);
    expect(problems(row({ code: 'sch799999' }))).toEqual([
      { column: 'Код ОО', message: 'Школа с кодом «sch799999» не найдена в реестре' },
    ]);
    expect(problems(row({ year: '2020' }))).toEqual([]);
    expect(problems(row({ year: '2019' }))).toEqual([
      { column: 'Год', message: 'Год 2019 вне допустимого диапазона 2020–2100' },
    ]);
  });
});
