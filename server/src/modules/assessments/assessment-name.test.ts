import { describe, expect, it } from 'vitest';
import { aliasEntries, normalizeAssessmentName } from './assessment-name';
import { seededReference } from '../../seed/reference/assessments/validator-reference';

describe('normalizeAssessmentName', () => {
  it.each([
    ['ВПР', 'впр'],
    ['  в п р ', 'в п р'],
    ['Математика (профильная)', 'математика профильная'],
    ['МАТЕМАТИКА   профильная', 'математика профильная'],
    ['Естественно-научная', 'естественно научная'],
    ['Учёт', 'учет'],
  ])('%s → %s', (input, key) => {
    expect(normalizeAssessmentName(input)).toBe(key);
  });
});

describe('procedure and subject matchers (built from the reference data)', () => {
  const { procedures, subjects } = seededReference();

  it.each([
    ['ВПР', 'VPR'],
    ['впр', 'VPR'],
    [' Всероссийские   проверочные работы ', 'VPR'],
    ['ОГЭ', 'OGE'],
    ['ОГЭ-9', 'OGE'],
    ['ЕГЭ', 'EGE'],
    ['ГВЭ-11', 'GVE'],
    ['EGE', 'EGE'],
    ['Региональная диагностика', 'REGIONAL_DIAGNOSTICS'],
    ['Функциональная грамотность', 'FUNCTIONAL_LITERACY'],
  ])('procedure «%s» → %s', (name, code) => {
    expect(procedures.match(name)).toEqual({ code });
  });

  it.each([
    ['Русский язык', 'RUSSIAN'],
    ['РУССКИЙ ЯЗЫК', 'RUSSIAN'],
    ['Математика', 'MATHEMATICS'],
    ['Математика (базовая)', 'MATHEMATICS_BASE'],
    ['математика базового уровня', 'MATHEMATICS_BASE'],
    ['Математика (профильная)', 'MATHEMATICS_PROFILE'],
    ['Математика профильного уровня', 'MATHEMATICS_PROFILE'],
    ['Обществознание', 'SOCIAL_STUDIES'],
    ['Окружающий мир', 'SURROUNDING_WORLD'],
    ['Английский язык', 'ENGLISH'],
    ['Естественнонаучная грамотность', 'SCIENCE_LITERACY'],
  ])('subject «%s» → %s', (name, code) => {
    expect(subjects.match(name)).toEqual({ code });
  });

  it('names an unknown procedure and suggests a near miss', () => {
    expect(procedures.match('ВПРР')).toEqual({ error: 'Неизвестная процедура «ВПРР»; возможно, имелась в виду «ВПР»' });
  });

  it('names an unknown subject without a suggestion when nothing is close', () => {
    expect(subjects.match('Астрономия')).toEqual({ error: 'Неизвестный предмет «Астрономия»' });
  });

  it('suggests the subject a typo meant', () => {
    expect(subjects.match('Обществазнание')).toEqual({
      error: 'Неизвестный предмет «Обществазнание»; возможно, имелся в виду «Обществознание»',
    });
  });

  it('rejects an empty name', () => {
    expect(procedures.match('  ')).toEqual({ error: 'Не указана процедура' });
    expect(subjects.match(null)).toEqual({ error: 'Не указан предмет' });
  });
});

describe('aliasEntries', () => {
  it('refuses a spelling that would name two codes', () => {
    expect(() =>
      aliasEntries(
        [
          { code: 'A', spellings: ['Математика'] },
          { code: 'B', spellings: ['МАТЕМАТИКА'] },
        ],
        'Предмет',
      ),
    ).toThrow('Предмет «МАТЕМАТИКА» would name both A and B');
  });

  it('keeps the first spelling of a key', () => {
    expect(aliasEntries([{ code: 'A', spellings: ['ВПР', 'впр'] }], 'Процедура')).toEqual([
      { key: 'впр', alias: 'ВПР', code: 'A' },
    ]);
  });
});
