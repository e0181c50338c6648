import { describe, expect, it } from 'vitest';
import { resolveResultKey, validateParticipantResultRow, validateSchoolResultRow } from './assessment-rows';
import { seededReference } from '../../seed/reference/assessments/validator-reference';

const reference = seededReference();
const today = new Date('2026-06-01T00:00:00Z');

describe('resolveResultKey', () => {
  it('turns names as files write them into codes, filling the grade of a one-grade procedure', () => {
    expect(
      resolveResultKey(
        { schoolCode: 'sch700001', procedure: 'огэ', year: 2024, subject: 'МАТЕМАТИКА', grade: null },
        reference,
        today,
      ),
    ).toEqual({
      key: { schoolCode: 'sch700001', procedureCode: 'OGE', year: 2024, subjectCode: 'MATHEMATICS', grade: 9 },
      problems: [],
    });
  });

  it('reports every problem of the key at once', () => {
    const { key, problems } = resolveResultKey(
      { schoolCode: 'sch700001', procedure: 'ВПРР', year: 2031, subject: 'Астрономия', grade: 5 },
      reference,
      today,
    );
    expect(key).toBeNull();
    expect(problems.map((p) => p.code)).toEqual([
      'ASSESSMENT_UNKNOWN_PROCEDURE',
      'ASSESSMENT_UNKNOWN_SUBJECT',
      'ASSESSMENT_YEAR_OUT_OF_RANGE',
    ]);
  });

  it('checks the grade against the matched procedure', () => {
    const { problems } = resolveResultKey(
      { schoolCode: 'sch700001', procedure: 'ЕГЭ', year: 2024, subject: 'Русский язык', grade: 9 },
      reference,
      today,
    );
    expect(problems.map((p) => p.code)).toEqual(['ASSESSMENT_GRADE_NOT_IN_PROCEDURE']);
  });
});

describe('validateSchoolResultRow', () => {
  const row = {
    schoolCode: 'sch700001',
    procedure: 'ВПР',
    year: 2024,
    subject: 'Русский язык',
    grade: 5,
    participants: 10,
    count2: 1,
    count3: 4,
    count4: 4,
    count5: 1,
    journalLowered: 2,
    journalConfirmed: 8,
    journalRaised: 0,
  };

  it('gives the row to write', () => {
    expect(validateSchoolResultRow(row, reference, today)).toEqual({
      row: {
        schoolCode: 'sch700001',
        procedureCode: 'VPR',
        year: 2024,
        subjectCode: 'RUSSIAN',
        grade: 5,
        participants: 10,
        count2: 1,
        count3: 4,
        count4: 4,
        count5: 1,
        journalLowered: 2,
        journalConfirmed: 8,
        journalRaised: 0,
      },
      problems: [],
    });
  });

  it('reports key and figure problems together', () => {
    const { row: written, problems } = validateSchoolResultRow(
      { ...row, grade: 9, count5: 2, journalRaised: 1 },
      reference,
      today,
    );
    expect(written).toBeNull();
    expect(problems.map((p) => p.code)).toEqual([
      'ASSESSMENT_GRADE_NOT_IN_PROCEDURE',
      'ASSESSMENT_MARKS_DO_NOT_ADD_UP',
      'ASSESSMENT_JOURNAL_DOES_NOT_ADD_UP',
    ]);
  });
});

describe('validateParticipantResultRow', () => {
  const row = {
    participantCode: ' 0012345 ',
    schoolCode: 'sch700001',
    procedure: 'ОГЭ',
    year: 2024,
    subject: 'Русский язык',
    primaryScore: 25,
  };

  it('gives the row to write, with the code trimmed', () => {
    expect(validateParticipantResultRow(row, reference, today).row).toEqual({
      participantCode: '0012345',
      schoolCode: 'sch700001',
      procedureCode: 'OGE',
      year: 2024,
      subjectCode: 'RUSSIAN',
      grade: 9,
      primaryScore: 25,
      testScore: null,
      mark: null,
    });
  });

  it('checks the primary score against the year’s ОГЭ maximum', () => {
    expect(validateParticipantResultRow({ ...row, primaryScore: 33 }, reference, today).problems).toEqual([]);
    expect(
      validateParticipantResultRow({ ...row, primaryScore: 34 }, reference, today).problems.map((p) => p.code),
    ).toEqual(['ASSESSMENT_PRIMARY_SCORE_ABOVE_MAX']);
  });

  it('needs a participant code', () => {
    const { problems } = validateParticipantResultRow({ ...row, participantCode: '  ' }, reference, today);
    expect(problems).toEqual([
      { code: 'ASSESSMENT_PARTICIPANT_CODE_REQUIRED', field: 'participantCode', message: 'Не указан код участника' },
    ]);
  });
});
