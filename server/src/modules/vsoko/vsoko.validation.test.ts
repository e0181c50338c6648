import { describe, expect, it } from 'vitest';
import { VSOKO_CAMPAIGN_2024 } from '../../seed/reference/vsoko/vsoko-2024';
import {
  validateBlockScore,
  validateVsokoEvaluation,
  type VsokoEvaluationDraft,
  type VsokoValidationContext,
} from './vsoko.validation';

const campaign = {
  blocks: VSOKO_CAMPAIGN_2024.blocks,
  documents: VSOKO_CAMPAIGN_2024.documents,
  passportItems: VSOKO_CAMPAIGN_2024.passportPositions,
};
const context: VsokoValidationContext = { campaign, campaignYears: [2024], schoolExists: true, inSample: true };
const draft = (overrides: Partial<VsokoEvaluationDraft> = {}): VsokoEvaluationDraft => ({
  schoolCode: 'sch700001',
  year: 2024,
  blocks: [
    { number: 1, score: 13 },
    { number: 2, score: 16 },
    { number: 3, score: 0 },
    { number: 4, score: 5 },
  ],
  ...overrides,
});
const withBlock = (number: number, score: number) =>
  draft({ blocks: draft().blocks.map((b) => (b.number === number ? { number, score } : b)) });
const block2 = VSOKO_CAMPAIGN_2024.blocks[1]!;

describe('validateVsokoEvaluation', () => {
  it('accepts a complete evaluation with scores 0 and at the maximum', () => {
    expect(validateVsokoEvaluation(draft(), context)).toEqual([]);
  });

  it('accepts the maximum of a block and refuses one above it, naming block and maximum', () => {
    expect(validateBlockScore(block2, 16)).toEqual([]);
    expect(validateVsokoEvaluation(withBlock(2, 17), context)).toEqual([
      { code: 'VSOKO_SCORE_ABOVE_MAX', field: 'blocks.2', message: 'Блок 2: 17 баллов больше максимума 16' },
    ]);
    expect(validateBlockScore(VSOKO_CAMPAIGN_2024.blocks[2]!, 9)[0]!.message).toBe(
      'Блок 3: 9 баллов больше максимума 8',
    );
  });

  it('accepts 0 and refuses a negative score', () => {
    expect(validateBlockScore(block2, 0)).toEqual([]);
    expect(validateVsokoEvaluation(withBlock(1, -1), context)).toEqual([
      {
        code: 'VSOKO_SCORE_NEGATIVE',
        field: 'blocks.1',
        message: 'Блок 1: балл не может быть отрицательным, указано −1',
      },
    ]);
  });

  it('refuses a fractional score (as an import may read «5,5»)', () => {
    expect(validateVsokoEvaluation(withBlock(4, 5.5), context)).toEqual([
      {
        code: 'VSOKO_SCORE_NOT_INTEGER',
        field: 'blocks.4',
        message: 'Блок 4: балл должен быть целым числом от 0 до 12, указано 5,5',
      },
    ]);
    expect(validateBlockScore(block2, Number.NaN)[0]!.code).toBe('VSOKO_SCORE_NOT_INTEGER');
  });

  it('wants every block exactly once and no other', () => {
    const missing = draft({ blocks: draft().blocks.filter((b) => b.number !== 3) });
    expect(validateVsokoEvaluation(missing, context)).toEqual([
      {
        code: 'VSOKO_MISSING_BLOCK',
        field: 'blocks.3',
        message: 'Блок 3: нет балла (нужны баллы всех 4 блоков)',
      },
    ]);
    const extra = draft({ blocks: [...draft().blocks, { number: 5, score: 1 }] });
    expect(validateVsokoEvaluation(extra, context)).toEqual([
      {
        code: 'VSOKO_UNKNOWN_BLOCK',
        field: 'blocks.5',
        message: 'Блока 5 в мониторинге ВСОКО 2024 года нет: блоки 1, 2, 3, 4',
      },
    ]);
    const twice = draft({ blocks: [...draft().blocks, { number: 2, score: 3 }] });
    expect(validateVsokoEvaluation(twice, context).map((p) => p.code)).toEqual(['VSOKO_DUPLICATE_BLOCK']);
  });

  it('refuses an unknown school, naming the code', () => {
    expect(validateVsokoEvaluation(draft({ schoolCode: 'sch000000' }), { ...context, schoolExists: false })).toEqual([
      { code: 'VSOKO_UNKNOWN_SCHOOL', field: 'schoolCode', message: 'Школа с кодом «sch000000» не найдена в реестре' },
    ]);
  });

  it('refuses a school outside the campaign sample', () => {
    expect(validateVsokoEvaluation(draft({ schoolCode: 'sch790001' }), { ...context, inSample: false })).toEqual([
      {
        code: 'VSOKO_SCHOOL_NOT_IN_SAMPLE',
        field: 'schoolCode',
        message: 'Школа sch790001 не входит в выборку мониторинга ВСОКО 2024 года',
      },
    ]);
  });

  it('refuses an unknown campaign, naming the ones there are, and checks nothing that needs it', () => {
    expect(
      validateVsokoEvaluation(draft({ year: 2023, blocks: [{ number: 9, score: 99 }] }), {
        ...context,
        campaign: null,
        inSample: false,
      }),
    ).toEqual([
      {
        code: 'VSOKO_UNKNOWN_CAMPAIGN',
        field: 'year',
        message: 'Кампании мониторинга ВСОКО 2023 года нет; есть кампании: 2024',
      },
    ]);
  });

  it('wants non-negative integer head counts in the passport', () => {
    const ok = draft({ passport: { teacherCount: 0, studentCount: 0 } });
    expect(validateVsokoEvaluation(ok, context)).toEqual([]);
    const bad = draft({ passport: { teacherCount: -3, studentCount: 10.5 } });
    expect(validateVsokoEvaluation(bad, context)).toEqual([
      {
        code: 'VSOKO_BAD_COUNT',
        field: 'passport.teacherCount',
        message: 'Численность педагогических работников: нужно целое неотрицательное число, указано −3',
      },
      {
        code: 'VSOKO_BAD_COUNT',
        field: 'passport.studentCount',
        message: 'Численность обучающихся: нужно целое неотрицательное число, указано 10,5',
      },
    ]);
  });

  it('accepts management positions of the passport and refuses other codes', () => {
    const ok = draft({ passport: { managementPositions: ['principal', 'deputy-education-quality'] } });
    expect(validateVsokoEvaluation(ok, context)).toEqual([]);
    const bad = draft({ passport: { managementPositions: ['headmaster', 'student-count'] } });
    expect(validateVsokoEvaluation(bad, context)).toEqual([
      {
        code: 'VSOKO_UNKNOWN_PASSPORT_ITEM',
        field: 'passport.managementPositions',
        message: 'Должности «headmaster» нет в паспорте участника мониторинга',
      },
      {
        code: 'VSOKO_NOT_A_POSITION',
        field: 'passport.managementPositions',
        message: '«Общая численность обучающихся, находящихся в контингенте ОО» — не должность управленческой команды',
      },
    ]);
  });

  it('accepts links to the listed documents, whatever the link, and refuses unknown or repeated documents', () => {
    const ok = draft({
      documents: [
        { code: 'vsoko-regulation', url: 'https://school.example/sveden/' },
        { code: 'self-examination-report', url: null },
      ],
    });
    expect(validateVsokoEvaluation(ok, context)).toEqual([]);
    const bad = draft({
      documents: [
        { code: 'charter', url: 'https://school.example/ustav.pdf' },
        { code: 'vsoko-regulation', url: 'https://school.example/a.pdf' },
        { code: 'vsoko-regulation', url: 'https://school.example/b.pdf' },
      ],
    });
    expect(validateVsokoEvaluation(bad, context)).toEqual([
      {
        code: 'VSOKO_UNKNOWN_DOCUMENT',
        field: 'documents.charter',
        message: 'Документа «charter» нет в перечне документов мониторинга ВСОКО 2024 года',
      },
      {
        code: 'VSOKO_DUPLICATE_DOCUMENT',
        field: 'documents.vsoko-regulation',
        message: 'Ссылка на «Положение о ВСОКО (при наличии)» указана дважды',
      },
    ]);
  });

  it('reports every problem at once', () => {
    const bad = draft({
      blocks: [
        { number: 1, score: 14 },
        { number: 2, score: -1 },
        { number: 3, score: 3 },
      ],
      passport: { teacherCount: -1 },
    });
    expect(validateVsokoEvaluation(bad, context).map((p) => p.code)).toEqual([
      'VSOKO_SCORE_ABOVE_MAX',
      'VSOKO_SCORE_NEGATIVE',
      'VSOKO_MISSING_BLOCK',
      'VSOKO_BAD_COUNT',
    ]);
  });
});
