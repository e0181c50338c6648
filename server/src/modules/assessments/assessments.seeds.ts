import type { EntityManager } from 'typeorm';
import { generateDemoAssessments } from '../../seed/demo/assessment-results';
import { loadDemoSchools } from '../../seed/demo/school-profile';
import { EGE_MINIMUM_SCORES } from '../../seed/reference/assessments/ege-minimum-scores';
import { OGE_SCALES } from '../../seed/reference/assessments/oge-scales';
import { PROCEDURES, procedureSpellings } from '../../seed/reference/assessments/procedures';
import { SUBJECTS, subjectSpellings } from '../../seed/reference/assessments/subjects';
import type { Seed } from '../../seed/seed';
import { aliasEntries } from './assessment-name';
import { AssessmentWritesService } from './assessment-writes.service';
import { EgeMinimumScore, OgeScale } from './exam-scale.entity';
import { AssessmentProcedure, AssessmentProcedureAlias } from './procedure.entity';
import { AssessmentSubject, AssessmentSubjectAlias } from './subject.entity';

async function insert(em: EntityManager, target: new () => object, rows: object[]): Promise<number> {
  if (rows.length === 0) return 0;
  await em.createQueryBuilder().insert().into(target).values(rows).orIgnore().execute();
  return rows.length;
}

const reference: Seed = {
  name: 'reference:assessments@1',
  demo: false,
  async run(em) {
    let rows = 0;
    rows += await insert(
      em,
      AssessmentProcedure,
      PROCEDURES.map(({ code, shortName, name, grades }, sortOrder) => ({ code, shortName, name, grades, sortOrder })),
    );
    rows += await insert(
      em,
      AssessmentProcedureAlias,
      aliasEntries(
        PROCEDURES.map((p) => ({ code: p.code, spellings: procedureSpellings(p) })),
        'Процедура',
      ).map(({ key, alias, code }) => ({ key, alias, procedureCode: code })),
    );
    rows += await insert(
      em,
      AssessmentSubject,
      SUBJECTS.map(({ code, name }, sortOrder) => ({ code, name, sortOrder })),
    );
    rows += await insert(
      em,
      AssessmentSubjectAlias,
      aliasEntries(
        SUBJECTS.map((s) => ({ code: s.code, spellings: subjectSpellings(s) })),
        'Предмет',
      ).map(({ key, alias, code }) => ({ key, alias, subjectCode: code })),
    );
    rows += await insert(em, EgeMinimumScore, EGE_MINIMUM_SCORES);
    rows += await insert(em, OgeScale, OGE_SCALES);
    return rows;
  },
};

const demo: Seed = {
  name: 'demo:assessments@1',
  demo: true,
  async run(em) {
    const schools = await loadDemoSchools(em);
    const { schoolResults, participantResults, years } = generateDemoAssessments(schools);
    const writes = new AssessmentWritesService(em);
    const school = await writes.upsertSchoolResults(schoolResults, { isDemo: true });
    const participants = await writes.upsertParticipantResults(participantResults, { isDemo: true });
    const derived = await writes.recomputeSchoolResults({ years });
    return school.inserted + participants.inserted + derived.upserted;
  },
};

export const assessmentSeedList: Seed[] = [reference, demo];
