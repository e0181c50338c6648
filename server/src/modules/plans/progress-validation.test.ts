import { describe, expect, it } from 'vitest';
import { PlanLevel, ProgressStatus } from './plans.enums';
import {
  COMMENT_MAX_LENGTH,
  readStatus,
  validateProgress,
  type ProgressContext,
  type ProgressEntry,
} from './progress-validation';

const context = (scope: PlanLevel | null): ProgressContext => ({
  activity: scope ? { scope } : null,
  municipalities: new Set(['tomsk', 'kargasoksky']),
  schools: new Map([
    ['sch700001', 'tomsk'],
    ['sch700040', 'kargasoksky'],
  ]),
});

const entry = (overrides: Partial<ProgressEntry> = {}): ProgressEntry => ({
  planCode: 'shnor-roadmap-2023',
  activityNumber: '11',
  status: 'done',
  target: { level: 'school', schoolCode: 'sch700001' },
  ...overrides,
});

const codes = (e: ProgressEntry, scope: PlanLevel | null = PlanLevel.SCHOOL) =>
  validateProgress(e, context(scope)).problems.map((p) => p.code);

describe('validateProgress', () => {
  it('accepts a good school entry and fills in the school’s municipality', () => {
    const result = validateProgress(
      entry({ evidenceUrl: ' https://school.example.ru/shnor ', comment: '  ' }),
      context(PlanLevel.SCHOOL),
    );
    expect(result.problems).toEqual([]);
    expect(result.value).toEqual({
      status: ProgressStatus.DONE,
      evidenceUrl: 'https://school.example.ru/shnor',
      comment: null,
      level: PlanLevel.SCHOOL,
      municipalityCode: 'tomsk',
      schoolCode: 'sch700001',
      targetKey: 'school:sch700001',
    });
  });

  it('accepts region and municipality targets with their keys', () => {
    const region = validateProgress(entry({ target: { level: 'region' } }), context(PlanLevel.REGION));
    expect(region.value).toMatchObject({ targetKey: 'region', municipalityCode: null, schoolCode: null });
    const municipal = validateProgress(
      entry({ target: { level: 'municipality', municipalityCode: 'kargasoksky' } }),
      context(PlanLevel.MUNICIPALITY),
    );
    expect(municipal.value).toMatchObject({ targetKey: 'municipality:kargasoksky', schoolCode: null });
  });

  it('names an unknown activity', () => {
    const result = validateProgress(entry({ activityNumber: '99' }), context(null));
    expect(result.problems[0]).toMatchObject({
      code: 'PLANS_ACTIVITY_NOT_FOUND',
      message: 'Мероприятие № 99 плана «shnor-roadmap-2023» не найдено',
    });
    expect(result.value).toBeNull();
  });

  it('takes one of three statuses, in GraphQL, database or Russian words', () => {
    expect(readStatus('in_progress')).toBe(ProgressStatus.IN_PROGRESS);
    expect(readStatus('Выполнено')).toBe(ProgressStatus.DONE);
    expect(readStatus('запланировано')).toBe(ProgressStatus.PLANNED);
    expect(codes(entry({ status: 'cancelled' }))).toEqual(['PLANS_BAD_STATUS']);
    expect(codes(entry({ status: '' }))).toEqual(['PLANS_BAD_STATUS']);
  });

  it('takes evidence only as an http(s) URL', () => {
    expect(codes(entry({ evidenceUrl: 'http://toipkro.example.ru/a' }))).toEqual([]);
    expect(codes(entry({ evidenceUrl: null }))).toEqual([]);
    expect(codes(entry({ evidenceUrl: '' }))).toEqual([]);
    for (const bad of [
      'ftp://x.ru/a',
      'javascript:alert(1)',
      'www.school.ru',
      'https://',
      'https://school ru/a',
      'см. сайт',
    ]) {
      expect(codes(entry({ evidenceUrl: bad })), bad).toEqual(['PLANS_BAD_EVIDENCE_URL']);
    }
    expect(codes(entry({ evidenceUrl: `https://x.ru/${'a'.repeat(2000)}` }))).toEqual(['PLANS_BAD_EVIDENCE_URL']);
  });

  it('limits the comment to 2000 characters', () => {
    expect(codes(entry({ comment: 'я'.repeat(COMMENT_MAX_LENGTH) }))).toEqual([]);
    const result = validateProgress(entry({ comment: 'я'.repeat(COMMENT_MAX_LENGTH + 1) }), context(PlanLevel.SCHOOL));
    expect(result.problems).toEqual([
      {
        code: 'PLANS_COMMENT_TOO_LONG',
        field: 'comment',
        message: 'Комментарий длиной 2001 символов: допускается не больше 2000',
      },
    ]);
  });

  it('requires known municipalities and schools', () => {
    expect(codes(entry({ target: { level: 'school', schoolCode: 'sch799999' } }))).toEqual(['PLANS_UNKNOWN_SCHOOL']);
    expect(
      codes(entry({ target: { level: 'municipality', municipalityCode: 'atlantis' } }), PlanLevel.MUNICIPALITY),
    ).toEqual(['PLANS_UNKNOWN_MUNICIPALITY']);
    expect(codes(entry({ target: { level: 'school', schoolCode: 'sch700040', municipalityCode: 'tomsk' } }))).toEqual([
      'PLANS_SCHOOL_NOT_IN_MUNICIPALITY',
    ]);
  });

  it('requires the target level to match the activity scope', () => {
    const result = validateProgress(entry({ target: { level: 'region' } }), context(PlanLevel.SCHOOL));
    expect(result.problems).toEqual([
      {
        code: 'PLANS_TARGET_LEVEL_MISMATCH',
        field: 'target.level',
        message:
          'Исполнение мероприятия № 11 плана «shnor-roadmap-2023» отмечается на уровне «школа», а указана цель уровня «регион»',
      },
    ]);
    expect(codes(entry(), PlanLevel.MUNICIPALITY)).toEqual(['PLANS_TARGET_LEVEL_MISMATCH']);
    expect(codes(entry({ target: { level: 'municipality', municipalityCode: 'tomsk' } }), PlanLevel.REGION)).toEqual([
      'PLANS_TARGET_LEVEL_MISMATCH',
    ]);
  });

  it('requires the codes a level needs and no others', () => {
    expect(codes(entry({ target: { level: 'school' } }))).toEqual(['PLANS_TARGET_INCOMPLETE']);
    expect(codes(entry({ target: { level: 'municipality' } }), PlanLevel.MUNICIPALITY)).toEqual([
      'PLANS_TARGET_INCOMPLETE',
    ]);
    expect(
      codes(
        entry({ target: { level: 'municipality', municipalityCode: 'tomsk', schoolCode: 'sch700001' } }),
        PlanLevel.MUNICIPALITY,
      ),
    ).toEqual(['PLANS_TARGET_INCOMPLETE']);
    expect(codes(entry({ target: { level: 'region', municipalityCode: 'tomsk' } }), PlanLevel.REGION)).toEqual([
      'PLANS_TARGET_INCOMPLETE',
    ]);
    expect(codes(entry({ target: { level: 'district' } }))).toEqual(['PLANS_TARGET_INCOMPLETE']);
  });

  it('reports every problem at once', () => {
    const result = validateProgress(
      entry({
        status: 'x',
        evidenceUrl: 'x',
        comment: 'я'.repeat(3000),
        target: { level: 'school', schoolCode: 'nope' },
      }),
      context(PlanLevel.SCHOOL),
    );
    expect(result.problems.map((p) => p.field)).toEqual(['status', 'evidenceUrl', 'comment', 'target.schoolCode']);
  });
});
