import type { ImportKind, RowProblem } from '../imports/import-kind';
import {
  HEADERS,
  integerCell,
  nameProblems,
  prepareAssessmentImport,
  requiredInteger,
  rowProblem,
  schoolCell,
  type AssessmentImportContext,
} from './assessment-import-cells';
import { validateSchoolResultRow, type SchoolResultRow } from './assessment-rows';
import { AssessmentWritesService } from './assessment-writes.service';

const COUNTS = ['participants', 'count2', 'count3', 'count4', 'count5'] as const;
const JOURNAL = ['journalLowered', 'journalConfirmed', 'journalRaised'] as const;

/**
 * School-level results as the federal «Статистика по отметкам» gives them:
 * `pnpm hub import assessment-results <file>` (BRIEF §5). Natural key: school + procedure +
 * year + subject + grade. The rules are the assessments module's own (`validateSchoolResultRow`).
 */
export const assessmentResultsImport: ImportKind<SchoolResultRow, AssessmentImportContext> = {
  kind: 'assessment-results',
  title: 'Результаты оценочных процедур по школам',
  columns: [
    { key: 'code', headers: [HEADERS.schoolCode, 'Логин ОО', 'Код школы'], required: true },
    { key: 'procedure', headers: [HEADERS.procedure, 'Оценочная процедура'], required: true },
    { key: 'year', headers: [HEADERS.year], required: true },
    { key: 'subject', headers: [HEADERS.subject], required: true },
    { key: 'grade', headers: [HEADERS.grade, 'Параллель'], required: false },
    {
      key: 'participants',
      headers: [HEADERS.participants, 'Количество участников', 'Кол-во участников', 'Число участников'],
      required: true,
    },
    { key: 'count2', headers: [HEADERS.count2, 'Отметка 2', 'Отметка «2»'], required: true },
    { key: 'count3', headers: [HEADERS.count3, 'Отметка 3', 'Отметка «3»'], required: true },
    { key: 'count4', headers: [HEADERS.count4, 'Отметка 4', 'Отметка «4»'], required: true },
    { key: 'count5', headers: [HEADERS.count5, 'Отметка 5', 'Отметка «5»'], required: true },
    { key: 'journalLowered', headers: [HEADERS.journalLowered], required: false },
    { key: 'journalConfirmed', headers: [HEADERS.journalConfirmed], required: false },
    { key: 'journalRaised', headers: [HEADERS.journalRaised], required: false },
  ],
  key: ['school_code', 'procedure_code', 'year', 'subject_code', 'grade'],
  describeKey: (r) => `${r.schoolCode}, ${r.procedureCode}, ${r.year}, ${r.subjectCode}, ${r.grade ?? 'без класса'}`,

  prepare: prepareAssessmentImport,

  parse(values, context) {
    const problems: RowProblem[] = [];
    const schoolCode = schoolCell(values.code, context, problems);
    const cellProblems: RowProblem[] = [];
    const year = requiredInteger(values.year, HEADERS.year, cellProblems);
    const grade = integerCell(values.grade, HEADERS.grade, cellProblems);
    const counts = COUNTS.map((field) => requiredInteger(values[field], HEADERS[field], cellProblems));
    const journal = JOURNAL.map((field) => integerCell(values[field], HEADERS[field], cellProblems));
    problems.push(...cellProblems);
    if (cellProblems.length > 0) {
      nameProblems(values, context, problems);
      return { problems };
    }
    const [participants, count2, count3, count4, count5] = counts as number[];
    const [journalLowered, journalConfirmed, journalRaised] = journal as (number | null)[];
    const { row, problems: rules } = validateSchoolResultRow(
      {
        schoolCode,
        procedure: values.procedure ?? '',
        year: year!,
        subject: values.subject ?? '',
        grade: grade ?? null,
        participants: participants!,
        count2: count2!,
        count3: count3!,
        count4: count4!,
        count5: count5!,
        journalLowered: journalLowered ?? null,
        journalConfirmed: journalConfirmed ?? null,
        journalRaised: journalRaised ?? null,
      },
      context.reference,
      context.today,
    );
    problems.push(...rules.map(rowProblem));
    if (problems.length > 0 || !row) return { problems };
    return { value: row };
  },

  staging: [
    { name: 'school_code', type: 'text', get: (r) => r.schoolCode },
    { name: 'procedure_code', type: 'text', get: (r) => r.procedureCode },
    { name: 'year', type: 'integer', get: (r) => r.year },
    { name: 'subject_code', type: 'text', get: (r) => r.subjectCode },
    { name: 'grade', type: 'integer', get: (r) => r.grade },
    { name: 'participants', type: 'integer', get: (r) => r.participants },
    { name: 'count2', type: 'integer', get: (r) => r.count2 },
    { name: 'count3', type: 'integer', get: (r) => r.count3 },
    { name: 'count4', type: 'integer', get: (r) => r.count4 },
    { name: 'count5', type: 'integer', get: (r) => r.count5 },
    { name: 'journal_lowered', type: 'integer', get: (r) => r.journalLowered ?? null },
    { name: 'journal_confirmed', type: 'integer', get: (r) => r.journalConfirmed ?? null },
    { name: 'journal_raised', type: 'integer', get: (r) => r.journalRaised ?? null },
  ],

  merge: (em, table) => new AssessmentWritesService(em).mergeStagedSchoolResults(table),
};
