import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import type { AssessmentResult } from './assessment-result.entity';
import type { AssessmentFilter } from './assessments.inputs';
import { AssessmentsService } from './assessments.service';
import { AssessmentProcedure, AssessmentProcedureAlias } from './procedure.entity';
import { AssessmentSubject, AssessmentSubjectAlias } from './subject.entity';

interface SchoolFilterKey {
  schoolCode: string;
  filter: AssessmentFilter | null;
}

/** The filter as a stable string: equal filters share a statement. */
export function filterId(filter: AssessmentFilter | null | undefined): string {
  if (!filter) return '{}';
  const entries = Object.entries(filter)
    .filter(([, v]) => v !== null && v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}

function byCode<T extends { code: string }>(em: EntityManager, target: new () => T) {
  return new DataLoader<string, T | null>(async (codes) => {
    const rows = await em.findBy(target, { code: In([...codes]) } as never);
    const found = new Map(rows.map((r) => [r.code, r]));
    return codes.map((c) => found.get(c) ?? null);
  });
}

export function createAssessmentsLoaders(em: EntityManager) {
  const service = new AssessmentsService(em);
  return {
    /**
     * `School.assessmentResults(filter)`: keys are grouped by filter, so any number of schools
     * asking with the same filter cost one statement.
     */
    assessmentResultsBySchool: new DataLoader<SchoolFilterKey, AssessmentResult[], string>(
      async (keys) => {
        const groups = new Map<string, { filter: AssessmentFilter | null; codes: string[] }>();
        for (const { schoolCode, filter } of keys) {
          const id = filterId(filter);
          const group = groups.get(id) ?? { filter, codes: [] };
          group.codes.push(schoolCode);
          groups.set(id, group);
        }
        const results = new Map<string, AssessmentResult[]>();
        await Promise.all(
          [...groups].map(async ([id, group]) => {
            const bySchool = await service.bySchools([...new Set(group.codes)], group.filter);
            for (const [code, rows] of bySchool) results.set(`${code}|${id}`, rows);
          }),
        );
        return keys.map((k) => results.get(`${k.schoolCode}|${filterId(k.filter)}`) ?? []);
      },
      { cacheKeyFn: (k) => `${k.schoolCode}|${filterId(k.filter)}` },
    ),
    assessmentProcedureByCode: byCode(em, AssessmentProcedure),
    assessmentSubjectByCode: byCode(em, AssessmentSubject),
    procedureAliases: new DataLoader<string, string[]>(async (codes) => {
      const rows = await em.find(AssessmentProcedureAlias, {
        where: { procedureCode: In([...codes]) },
        order: { alias: 'ASC' },
      });
      return codes.map((code) => rows.filter((r) => r.procedureCode === code).map((r) => r.alias));
    }),
    subjectAliases: new DataLoader<string, string[]>(async (codes) => {
      const rows = await em.find(AssessmentSubjectAlias, {
        where: { subjectCode: In([...codes]) },
        order: { alias: 'ASC' },
      });
      return codes.map((code) => rows.filter((r) => r.subjectCode === code).map((r) => r.alias));
    }),
  };
}
