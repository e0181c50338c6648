import { describe, expect, it } from 'vitest';
import { seededReference } from '../../seed/reference/assessments/validator-reference';
import type { AssessmentImportContext } from './assessment-import-cells';
import { assessmentResultsImport } from './assessment-results.import';
import { participantResultsImport } from './participant-results.import';

const context: AssessmentImportContext = {
  reference: seededReference(),
  schools: new Set(['sch700001']),
  today: new Date('2025-09-01T00:00:00Z'),
};

const school = (values: Record<string, string>) =>
  assessmentResultsImport.parse(
    {
      code: 'sch700001',
      procedure: 'ВПР',
      year: '2025',
      subject: 'Математика',
      grade: '5',
      participants: '10',
      count2: '1',
      count3: '3',
      count4: '3',
      count5: '3',
      ...values,
    },
    context,
  );

const participant = (values: Record<string, string>) =>
  participantResultsImport.parse(
    {
      participantCode: 'P1',
      code: 'sch700001',
      procedure: 'ЕГЭ',
      year: '2025',
      subject: 'Физика',
      grade: '11',
      ...values,
    },
    context,
  );

const problems = (parsed: ReturnType<typeof school> | ReturnType<typeof participant>) =>
  'problems' in parsed ? parsed.problems : [];

describe('assessment-results rows', () => {
  it('takes a row whose marks add up, with or without the journal comparison', () => {
    expect(school({})).toEqual({
      value: {
        schoolCode: 'sch700001',
        procedureCode: 'VPR',
        year: 2025,
        subjectCode: 'MATHEMATICS',
        grade: 5,
        participants: 10,
        count2: 1,
        count3: 3,
        count4: 3,
        count5: 3,
        journalLowered: null,
        journalConfirmed: null,
        journalRaised: null,
      },
    });
    expect(school({ journalLowered: '1', journalConfirmed: '8', journalRaised: '1' })).toMatchObject({
      value: { journalLowered: 1, journalConfirmed: 8, journalRaised: 1 },
    });
  });

  it('refuses marks one off the participants, a journal one off, a negative count, a year ahead', () => {
    expect(problems(school({ count5: '2' }))).toEqual([
      { column: 'Участников', message: expect.stringMatching(/^Сумма отметок 9 .* не равна числу участников 10$/) },
    ]);
    expect(problems(school({ journalLowered: '1', journalConfirmed: '8', journalRaised: '0' }))).toEqual([
      { column: 'Понизили', message: expect.stringMatching(/= 9, а участников 10$/) },
    ]);
    expect(problems(school({ count2: '-1', count3: '5' }))).toEqual([
      { column: '2', message: '«2»: -1 — число не может быть отрицательным' },
    ]);
    expect(problems(school({ year: '2026' }))).toEqual([
      { column: 'Год', message: 'Год 2026 вне допустимого диапазона 2010–2025' },
    ]);
  });

  it('names every problem of a row whose cells cannot be read, the names too', () => {
    expect(problems(school({ code: 'sch1', participants: '', subject: 'Астрономия', grade: '5а' }))).toEqual([
      { column: 'Код ОО', message: 'Школа с кодом «sch1» не найдена' },
      { column: 'Класс', message: '«5а» — не число' },
      { column: 'Участников', message: 'Не указано значение «Участников»' },
      { column: 'Предмет', message: 'Неизвестный предмет «Астрономия»' },
    ]);
  });
});

describe('participant-results rows', () => {
  it('takes scores at the edges of their ranges and fills the grade of a one-grade procedure', () => {
    expect(participant({ grade: '', primaryScore: '0', testScore: '100' })).toEqual({
      value: {
        schoolCode: 'sch700001',
        procedureCode: 'EGE',
        year: 2025,
        subjectCode: 'PHYSICS',
        grade: 11,
        participantCode: 'P1',
        primaryScore: 0,
        testScore: 100,
        mark: null,
      },
    });
    expect(participant({ procedure: 'ВПР', grade: '8', mark: '2' })).toMatchObject({ value: { mark: 2 } });
    expect(participant({ procedure: 'ВПР', grade: '8', mark: '5' })).toMatchObject({ value: { mark: 5 } });
  });

  it('refuses a test score of 101, marks 1 and 6, an ОГЭ primary score one above the scale', () => {
    expect(problems(participant({ testScore: '101' }))).toEqual([
      { column: 'Тестовый балл', message: 'Тестовый балл 101 вне диапазона 0–100' },
    ]);
    expect(problems(participant({ procedure: 'ВПР', grade: '8', mark: '1' }))).toEqual([
      { column: 'Отметка', message: 'Отметка 1 вне диапазона 2–5' },
    ]);
    expect(problems(participant({ procedure: 'ВПР', grade: '8', mark: '6' }))).toEqual([
      { column: 'Отметка', message: 'Отметка 6 вне диапазона 2–5' },
    ]);
    // ОГЭ mathematics 2025: 31 primary points at most.
    expect(participant({ procedure: 'ОГЭ', grade: '9', subject: 'Математика', primaryScore: '31' })).toHaveProperty(
      'value',
    );
    expect(problems(participant({ procedure: 'ОГЭ', grade: '9', subject: 'Математика', primaryScore: '32' }))).toEqual([
      { column: 'Первичный балл', message: 'Первичный балл 32 больше максимума 31' },
    ]);
  });

  it('refuses a number too large to store, whatever the rules would say of it', () => {
    expect(problems(participant({ primaryScore: '2147483648' }))).toEqual([
      { column: 'Первичный балл', message: '«2147483648» — слишком большое число' },
    ]);
    expect(participant({ primaryScore: '2147483647' })).toHaveProperty('value');
  });

  it('reads numbers written with spaces and a decimal comma that is whole', () => {
    expect(participant({ testScore: ' 87 ', primaryScore: '43,0' })).toMatchObject({
      value: { testScore: 87, primaryScore: 43 },
    });
  });
});
