import { describe, expect, it } from 'vitest';
import { VSOKO_CAMPAIGN_2024 } from '../../seed/reference/vsoko/vsoko-2024';
import type { VsokoCampaignRules } from './vsoko-campaigns.service';
import { documentColumnKey, positionColumnKey } from './vsoko-import-columns';
import { vsokoEvaluationsImport, vsokoImportContext } from './vsoko.import';

const rules = (year: number, documents = VSOKO_CAMPAIGN_2024.documents) =>
  ({
    campaign: { year },
    blocks: VSOKO_CAMPAIGN_2024.blocks,
    documents: documents.map((d, i) => ({ ...d, position: i + 1 })),
    passportItems: VSOKO_CAMPAIGN_2024.passportPositions.map((p, i) => ({ ...p, position: i + 1 })),
    schedule: [],
    zoneRules: [],
  }) as unknown as VsokoCampaignRules;

const context = vsokoImportContext(
  [
    { rules: rules(2024), sample: ['sch700001', 'sch700002'] },
    { rules: rules(2025, VSOKO_CAMPAIGN_2024.documents.slice(0, 2)), sample: ['sch700001'] },
  ],
  ['sch700001', 'sch700002', 'sch790001'],
);

const REPORT = documentColumnKey('Отчёт о самообследовании');
const REGULATION = documentColumnKey('Положение о ВСОКО (при наличии)');
const PRINCIPAL = positionColumnKey('Руководитель ОО');
const METHODOLOGIST = positionColumnKey('методист');

const row = (overrides: Record<string, string | undefined> = {}) => ({
  code: 'sch700001',
  year: '2024',
  block1: '13',
  block2: '16',
  block3: '0',
  block4: '5',
  ...overrides,
});
const parse = (values: Record<string, string | undefined>) => vsokoEvaluationsImport.parse(values, context);
const problems = (values: Record<string, string | undefined>) => {
  const parsed = parse(values);
  return 'problems' in parsed ? parsed.problems : [];
};

describe('vsoko-evaluations rows', () => {
  it('read a row: columns left out stay absent, empty cells of present columns are null', () => {
    const parsed = parse(
      row({
        expert: ' Эксперт  1 ',
        teachers: '',
        [REPORT]: ' https://s.example/otchet.pdf ',
        [REGULATION]: '',
        [PRINCIPAL]: 'да',
        [METHODOLOGIST]: undefined,
      }),
    );
    expect(parsed).toEqual({
      value: {
        schoolCode: 'sch700001',
        year: 2024,
        blocks: [
          { number: 1, score: 13 },
          { number: 2, score: 16 },
          { number: 3, score: 0 },
          { number: 4, score: 5 },
        ],
        expert: ' Эксперт  1 ',
        teacherCount: null,
        studentCount: undefined,
        positions: { principal: true, methodologist: null },
        documents: [
          { code: 'self-examination-report', url: 'https://s.example/otchet.pdf' },
          { code: 'vsoko-regulation', url: null },
        ],
      },
    });
  });

  it('report a score above the block maximum under the block’s column, the maximum itself accepted', () => {
    expect(problems(row({ block2: '16' }))).toEqual([]);
    expect(problems(row({ block2: '17' }))).toEqual([
      { column: 'Блок 2', message: 'Блок 2: 17 баллов больше максимума 16' },
    ]);
    expect(problems(row({ block4: '-1' }))).toEqual([
      { column: 'Блок 4', message: 'Блок 4: балл не может быть отрицательным, указано −1' },
    ]);
  });

  it('report an empty or unreadable block once', () => {
    expect(problems(row({ block3: '' }))).toEqual([
      { column: 'Блок 3', message: 'Блок 3: нет балла (нужны баллы всех 4 блоков)' },
    ]);
    expect(problems(row({ block3: 'три' }))).toEqual([{ column: 'Блок 3', message: '«три» — не число' }]);
  });

  it('accept zero head counts and refuse negative or fractional ones under «Педагогов», «Обучающихся»', () => {
    expect(problems(row({ teachers: '0', students: '0' }))).toEqual([]);
    expect(problems(row({ teachers: '-1', students: '10,5' }))).toEqual([
      {
        column: 'Педагогов',
        message: 'Численность педагогических работников: нужно целое неотрицательное число, указано −1',
      },
      { column: 'Обучающихся', message: 'Численность обучающихся: нужно целое неотрицательное число, указано 10,5' },
    ]);
  });

  it('report a school outside the sample, an unknown school and an unknown campaign', () => {
    expect(problems(row({ code: 'sch790001' }))).toEqual([
      { column: 'Код ОО', message: 'Школа sch790001 не входит в выборку мониторинга ВСОКО 2024 года' },
    ]);
    expect(problems(row({ code: 'sch700002', year: '2025' }))).toEqual([
      { column: 'Код ОО', message: 'Школа sch700002 не входит в выборку мониторинга ВСОКО 2025 года' },
    ]);
    expect(problems(row({ code: 'nope' }))).toEqual([
      { column: 'Код ОО', message: 'Школа с кодом «nope» не найдена в реестре' },
    ]);
    expect(problems(row({ year: '2023' }))).toEqual([
      { column: 'Год', message: 'Кампании мониторинга ВСОКО 2023 года нет; есть кампании: 2024, 2025' },
    ]);
    expect(problems(row({ year: '', code: '' }))).toEqual([
      { column: 'Код ОО', message: 'Не указан код ОО' },
      { column: 'Год', message: 'Не указан год кампании мониторинга' },
    ]);
  });

  it('judge document and position columns by the row’s campaign; a bad mark names its column', () => {
    expect(problems(row({ year: '2025', [REGULATION]: '' }))).toEqual([]);
    expect(problems(row({ year: '2025', [REGULATION]: 'https://s.example/v.pdf' }))).toEqual([
      {
        column: 'Положение о ВСОКО',
        message: '«Положение о ВСОКО» нет в перечне документов мониторинга ВСОКО 2025 года',
      },
    ]);
    expect(problems(row({ [PRINCIPAL]: 'возможно' }))).toEqual([
      { column: 'Руководитель ОО', message: '«возможно» — ожидается «да» или «нет»' },
    ]);
  });
});
