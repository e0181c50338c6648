import type { AssessmentNameMatcher } from './assessment-name';
import { AssessmentErrorCode } from './assessments.errors';
import { ProcedureCode } from './procedure-codes';
import {
  effectiveGrade,
  validateGrade,
  validateParticipantScores,
  validateResultFigures,
  validateYear,
  assessmentProblem,
  type AssessmentProblem,
  type ParticipantScores,
  type ProcedureInfo,
  type ResultFigures,
} from './assessment-validation';

/**
 * Row-level validation for the `assessment-results` and `participant-results` imports:
 * names resolved to codes with the same matchers the server uses, then every rule of
 * `assessment-validation.ts`. Pure, given the reference built once per import.
 */

/** What the row validators need from the database, built once per import. */
export interface AssessmentReference {
  procedures: AssessmentNameMatcher;
  subjects: AssessmentNameMatcher;
  procedureByCode: ReadonlyMap<string, ProcedureInfo>;
  /** Max primary score of the ОГЭ scale by `${year}|${subjectCode}`. */
  ogeMaxPrimaryScore: ReadonlyMap<string, number>;
}

/** A row's key as written in a file: names, not codes. */
export interface RawResultKey {
  schoolCode: string;
  procedure: string;
  year: number;
  subject: string;
  grade?: number | null;
}

export interface SchoolResultKey {
  schoolCode: string;
  procedureCode: string;
  year: number;
  subjectCode: string;
  grade: number | null;
}

/** Resolves names to codes and checks the year and grade; the school's existence is the import's to check. */
export function resolveResultKey(
  raw: RawResultKey,
  reference: AssessmentReference,
  today: Date = new Date(),
): { key: SchoolResultKey | null; problems: AssessmentProblem[] } {
  const problems: AssessmentProblem[] = [];
  const procedureMatch = reference.procedures.match(raw.procedure);
  const subjectMatch = reference.subjects.match(raw.subject);
  if ('error' in procedureMatch) {
    problems.push(assessmentProblem(AssessmentErrorCode.UNKNOWN_PROCEDURE, 'procedure', procedureMatch.error));
  }
  if ('error' in subjectMatch) {
    problems.push(assessmentProblem(AssessmentErrorCode.UNKNOWN_SUBJECT, 'subject', subjectMatch.error));
  }
  problems.push(...validateYear(raw.year, today));
  const procedure = 'code' in procedureMatch ? reference.procedureByCode.get(procedureMatch.code) : undefined;
  if (procedure) problems.push(...validateGrade(procedure, raw.grade));
  if (problems.length || !procedure || !('code' in subjectMatch)) return { key: null, problems };
  return {
    key: {
      schoolCode: raw.schoolCode,
      procedureCode: procedure.code,
      year: raw.year,
      subjectCode: subjectMatch.code,
      grade: effectiveGrade(procedure, raw.grade),
    },
    problems,
  };
}

export type SchoolResultRow = SchoolResultKey & ResultFigures;

/** One line of an `assessment-results` file: its key resolved and its figures checked. */
export function validateSchoolResultRow(
  raw: RawResultKey & ResultFigures,
  reference: AssessmentReference,
  today: Date = new Date(),
): { row: SchoolResultRow | null; problems: AssessmentProblem[] } {
  const { key, problems } = resolveResultKey(raw, reference, today);
  problems.push(...validateResultFigures(raw));
  if (!key || problems.length) return { row: null, problems };
  const { schoolCode: _s, procedure: _p, subject: _j, year: _y, grade: _g, ...figures } = raw;
  return { row: { ...key, ...figures }, problems };
}

export interface ParticipantResultRow extends SchoolResultKey, ParticipantScores {
  participantCode: string;
}

/** One line of a `participant-results` file. */
export function validateParticipantResultRow(
  raw: RawResultKey & ParticipantScores & { participantCode: string },
  reference: AssessmentReference,
  today: Date = new Date(),
): { row: ParticipantResultRow | null; problems: AssessmentProblem[] } {
  const { key, problems } = resolveResultKey(raw, reference, today);
  const participantCode = raw.participantCode.trim();
  if (participantCode === '') {
    problems.unshift(
      assessmentProblem(AssessmentErrorCode.PARTICIPANT_CODE_REQUIRED, 'participantCode', 'Не указан код участника'),
    );
  }
  const maxPrimary =
    key && key.procedureCode === ProcedureCode.OGE
      ? (reference.ogeMaxPrimaryScore.get(`${key.year}|${key.subjectCode}`) ?? null)
      : null;
  problems.push(...validateParticipantScores(raw, maxPrimary));
  if (!key || problems.length) return { row: null, problems };
  // Spelt out rather than spread: this runs once per row of million-row files, and V8's
  // object spread is a hundred times slower than a literal here.
  return {
    row: {
      schoolCode: key.schoolCode,
      procedureCode: key.procedureCode,
      year: key.year,
      subjectCode: key.subjectCode,
      grade: key.grade,
      participantCode,
      primaryScore: raw.primaryScore ?? null,
      testScore: raw.testScore ?? null,
      mark: raw.mark ?? null,
    },
    problems,
  };
}
