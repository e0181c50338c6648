import { aliasEntries, procedureMatcher, subjectMatcher } from '../../../modules/assessments/assessment-name';
import type { AssessmentReference } from '../../../modules/assessments/assessment-rows';
import { OGE_SCALES } from './oge-scales';
import { PROCEDURES, procedureSpellings } from './procedures';
import { SUBJECTS, subjectSpellings } from './subjects';

/**
 * The validators' reference as the seeded database would give it, built from this reference data
 * without a database: for unit tests and offline checks of a file.
 */
export function seededReference(): AssessmentReference {
  return {
    procedures: procedureMatcher(
      aliasEntries(
        PROCEDURES.map((p) => ({ code: p.code, spellings: procedureSpellings(p) })),
        'Процедура',
      ),
    ),
    subjects: subjectMatcher(
      aliasEntries(
        SUBJECTS.map((s) => ({ code: s.code, spellings: subjectSpellings(s) })),
        'Предмет',
      ),
    ),
    procedureByCode: new Map(PROCEDURES.map((p) => [p.code, p])),
    ogeMaxPrimaryScore: new Map(OGE_SCALES.map((s) => [`${s.year}|${s.subjectCode}`, s.maxPrimaryScore])),
  };
}
