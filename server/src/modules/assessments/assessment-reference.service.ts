import type { EntityManager } from 'typeorm';
import { procedureMatcher, subjectMatcher } from './assessment-name';
import type { AssessmentReference } from './assessment-rows';
import { EgeMinimumScore, OgeScale } from './exam-scale.entity';
import { AssessmentProcedure, AssessmentProcedureAlias } from './procedure.entity';
import { AssessmentSubject, AssessmentSubjectAlias } from './subject.entity';

/** Procedures, subjects, their spellings, ЕГЭ minimum scores and ОГЭ scales. */
export class AssessmentReferenceService {
  constructor(private readonly em: EntityManager) {}

  procedures(): Promise<AssessmentProcedure[]> {
    return this.em.find(AssessmentProcedure, { order: { sortOrder: 'ASC' } });
  }

  subjects(): Promise<AssessmentSubject[]> {
    return this.em.find(AssessmentSubject, { order: { sortOrder: 'ASC' } });
  }

  egeMinimumScores(year: number | null): Promise<EgeMinimumScore[]> {
    return this.em.find(EgeMinimumScore, {
      where: year === null ? {} : { year },
      order: { year: 'ASC', subjectCode: 'ASC' },
    });
  }

  ogeScales(year: number | null): Promise<OgeScale[]> {
    return this.em.find(OgeScale, { where: year === null ? {} : { year }, order: { year: 'ASC', subjectCode: 'ASC' } });
  }

  /** The matchers every import uses, built once per import from the alias tables. */
  async matchers() {
    // One after the other: in a transaction both would queue on its one connection anyway.
    const procedures = await this.em.find(AssessmentProcedureAlias);
    const subjects = await this.em.find(AssessmentSubjectAlias);
    return {
      procedures: procedureMatcher(procedures.map((a) => ({ key: a.key, alias: a.alias, code: a.procedureCode }))),
      subjects: subjectMatcher(subjects.map((a) => ({ key: a.key, alias: a.alias, code: a.subjectCode }))),
    };
  }

  /** Everything the row validators (`validateSchoolResultRow`, `validateParticipantResultRow`) need. */
  async reference(): Promise<AssessmentReference> {
    const matchers = await this.matchers();
    const procedures = await this.procedures();
    const scales = await this.em.find(OgeScale);
    return {
      ...matchers,
      procedureByCode: new Map(procedures.map((p) => [p.code, p])),
      ogeMaxPrimaryScore: new Map(scales.map((s) => [`${s.year}|${s.subjectCode}`, s.maxPrimaryScore])),
    };
  }
}
