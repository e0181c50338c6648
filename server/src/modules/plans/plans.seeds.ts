import type { EntityManager } from 'typeorm';
import { generateDemoPlanProgress, type DemoPlanActivity } from '../../seed/demo/plan-progress';
import { loadDemoSchools } from '../../seed/demo/school-profile';
import { deadlineYearOf, PLAN_REFERENCES } from '../../seed/reference/plans';
import type { Seed } from '../../seed/seed';
import { Activity } from './activity.entity';
import { parseDeadline } from './deadline';
import { PlanSection } from './plan-section.entity';
import { Plan } from './plan.entity';
import type { PlanKind, PlanLevel, ProgressStatus, RecurrenceKind } from './plans.enums';
import { targetKeyOf } from './progress-validation';
import { ProgressService, type ProgressChangeInit } from './progress.service';

/**
 * A section whose heading the document lost (the regional model's «Блок 7») keeps
 * an empty title in the transcription; people see this label instead of a guess.
 */
export const LOST_SECTION_TITLE = 'Название блока в документе не сохранилось';

async function insertPlans(em: EntityManager): Promise<number> {
  await em
    .createQueryBuilder()
    .insert()
    .into(Plan)
    .values(
      PLAN_REFERENCES.map((p, sortOrder) => ({
        code: p.code,
        kind: p.kind as PlanKind,
        title: p.title,
        year: p.year,
        deadlineYear: deadlineYearOf(p),
        approvedBy: p.approvedBy,
        sourceDocument: p.sourceDocument,
        sortOrder,
      })),
    )
    .orIgnore()
    .execute();
  const sections = PLAN_REFERENCES.flatMap((p) =>
    p.sections.map((s, position) => ({
      planCode: p.code,
      number: s.number,
      title: s.title.trim() === '' ? LOST_SECTION_TITLE : s.title,
      position,
    })),
  );
  await em.createQueryBuilder().insert().into(PlanSection).values(sections).orIgnore().updateEntity(false).execute();
  const ids: { id: number; plan_code: string; number: string }[] = await em.query(
    'SELECT id, plan_code, number FROM plan_section WHERE plan_code = ANY($1)',
    [PLAN_REFERENCES.map((p) => p.code)],
  );
  const sectionId = new Map(ids.map((r) => [`${r.plan_code}|${r.number}`, r.id]));
  const activities = PLAN_REFERENCES.flatMap((p) =>
    p.sections.flatMap((s) => s.activities.map((a) => ({ p, s, a }))),
  ).map(({ p, s, a }, index) => {
    const deadline = parseDeadline(a.deadline, deadlineYearOf(p));
    return {
      planCode: p.code,
      sectionId: sectionId.get(`${p.code}|${s.number}`)!,
      number: a.number,
      position: index,
      title: a.title,
      deadlineText: a.deadline,
      deadlineStart: deadline.start,
      deadlineEnd: deadline.end,
      deadlineRecurrence: (deadline.recurrence?.kind ?? null) as RecurrenceKind | null,
      deadlineTimesMin: deadline.recurrence?.timesPerPeriod?.min ?? null,
      deadlineTimesMax: deadline.recurrence?.timesPerPeriod?.max ?? null,
      deadlineParsed: deadline.parsed,
      indicator: a.indicator,
      expectedResult: a.expectedResult,
      executors: a.executors,
      targetValue: a.target?.value ?? null,
      targetUnit: a.target?.unit ?? null,
      scope: a.scope as PlanLevel,
    };
  });
  await em.createQueryBuilder().insert().into(Activity).values(activities).orIgnore().updateEntity(false).execute();
  return PLAN_REFERENCES.length + sections.length + activities.length;
}

const reference: Seed = {
  name: 'reference:plans@1',
  demo: false,
  run: insertPlans,
};

const demoProgress: Seed = {
  name: 'demo:plan-progress@1',
  demo: true,
  async run(em) {
    const activities: DemoPlanActivity[] = await em.query(
      `SELECT a.id, a.plan_code AS "planCode", p.year AS "planYear", a.number, a.scope,
              a.deadline_start::text AS "deadlineStart", a.deadline_end::text AS "deadlineEnd",
              a.deadline_recurrence AS recurrence
         FROM plan_activity a JOIN plan p ON p.code = a.plan_code
        ORDER BY p.sort_order, a.position`,
    );
    const municipalities: { code: string }[] = await em.query(
      'SELECT code FROM municipality ORDER BY sort_order, code',
    );
    const { current, history } = generateDemoPlanProgress({
      activities,
      schools: await loadDemoSchools(em),
      municipalityCodes: municipalities.map((m) => m.code),
    });
    const row = (e: (typeof current)[number]) => ({
      activityId: e.activityId,
      targetLevel: e.level as PlanLevel,
      targetKey: targetKeyOf(e.level as PlanLevel, e.municipalityCode, e.schoolCode),
      municipalityCode: e.municipalityCode,
      schoolCode: e.schoolCode,
      status: e.status as ProgressStatus,
      evidenceUrl: e.evidenceUrl,
      comment: e.comment,
      recordedById: e.recordedById,
      recordedBy: e.recordedBy,
      recordedAt: e.recordedAt,
      isDemo: true,
    });
    return new ProgressService(em).insertMany(
      current.map(row),
      history.map((e): ProgressChangeInit => ({
        ...row(e),
        previousStatus: e.previousStatus as ProgressStatus | null,
        changedFields: e.changedFields,
      })),
    );
  },
};

export const plansSeedList: Seed[] = [reference, demoProgress];
