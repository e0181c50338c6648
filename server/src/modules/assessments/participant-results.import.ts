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
import { validateParticipantResultRow, type ParticipantResultRow } from './assessment-rows';
import { AssessmentWritesService } from './assessment-writes.service';
import { ParticipantMerge } from './participant-merge';

/**
 * Anonymised participants' results as the regional exam centre gives them:
 * `pnpm hub import participant-results <file>` (BRIEF §5). Natural key: participant code +
 * procedure + year + subject. Files run to a million rows: each row is checked by the
 * module's own `validateParticipantResultRow` against reference data held in memory, and
 * everything else (repeats within the file, the write, the school-level results of the keys
 * the file touches) happens set-wise in PostgreSQL.
 */
export const participantResultsImport: ImportKind<ParticipantResultRow, AssessmentImportContext> = {
  kind: 'participant-results',
  title: 'Результаты участников оценочных процедур',
  columns: [
    {
      key: 'participantCode',
      headers: [HEADERS.participantCode, 'Код работы', 'Идентификатор участника'],
      required: true,
    },
    { key: 'code', headers: [HEADERS.schoolCode, 'Логин ОО', 'Код школы'], required: true },
    { key: 'procedure', headers: [HEADERS.procedure, 'Оценочная процедура'], required: true },
    { key: 'year', headers: [HEADERS.year], required: true },
    { key: 'subject', headers: [HEADERS.subject], required: true },
    { key: 'grade', headers: [HEADERS.grade, 'Параллель'], required: false },
    { key: 'primaryScore', headers: [HEADERS.primaryScore], required: false },
    { key: 'testScore', headers: [HEADERS.testScore, 'Тестовый балл (100-балльный)'], required: false },
    { key: 'mark', headers: [HEADERS.mark, 'Оценка'], required: false },
  ],
  key: ['participant_code', 'procedure_code', 'year', 'subject_code'],
  describeKey: (r) => `${r.participantCode}, ${r.procedureCode}, ${r.year}, ${r.subjectCode}`,

  prepare: prepareAssessmentImport,

  parse(values, context) {
    const problems: RowProblem[] = [];
    const schoolCode = schoolCell(values.code, context, problems);
    const cellProblems: RowProblem[] = [];
    const year = requiredInteger(values.year, HEADERS.year, cellProblems);
    const grade = integerCell(values.grade, HEADERS.grade, cellProblems);
    const primaryScore = integerCell(values.primaryScore, HEADERS.primaryScore, cellProblems);
    const testScore = integerCell(values.testScore, HEADERS.testScore, cellProblems);
    const mark = integerCell(values.mark, HEADERS.mark, cellProblems);
    if (cellProblems.length > 0) {
      problems.push(...cellProblems);
      nameProblems(values, context, problems);
      return { problems };
    }
    const { row, problems: rules } = validateParticipantResultRow(
      {
        participantCode: values.participantCode ?? '',
        schoolCode,
        procedure: values.procedure ?? '',
        year: year!,
        subject: values.subject ?? '',
        grade: grade ?? null,
        primaryScore: primaryScore ?? null,
        testScore: testScore ?? null,
        mark: mark ?? null,
      },
      context.reference,
      context.today,
    );
    if (rules.length > 0) problems.push(...rules.map(rowProblem));
    if (problems.length > 0 || !row) return { problems };
    return { value: row };
  },

  staging: [
    { name: 'participant_code', type: 'text', get: (r) => r.participantCode },
    { name: 'school_code', type: 'text', get: (r) => r.schoolCode },
    { name: 'procedure_code', type: 'text', get: (r) => r.procedureCode },
    { name: 'year', type: 'integer', get: (r) => r.year },
    { name: 'subject_code', type: 'text', get: (r) => r.subjectCode },
    { name: 'grade', type: 'integer', get: (r) => r.grade },
    { name: 'primary_score', type: 'integer', get: (r) => r.primaryScore ?? null },
    { name: 'test_score', type: 'integer', get: (r) => r.testScore ?? null },
    { name: 'mark', type: 'integer', get: (r) => r.mark ?? null },
  ],

  merge: (em, table) => new AssessmentWritesService(em).mergeStagedParticipantResults(table),
  openMerge: (em) => ParticipantMerge.open(em),
};
