import type { PlanReference } from './plan-reference';
import { REGIONAL_MODEL_2025 } from './regional-model-2025';
import { SCHOOL_MINISTRY_PLAN_2025 } from './school-ministry-2025';
import { SEMINAR_DECISIONS_2021 } from './seminar-2021';
import { SHNOR_ROADMAP_2023 } from './shnor-roadmap-2023';

export type { ActivityReference, ActivityScope, PlanKind, PlanReference, SectionReference } from './plan-reference';

/** The department's four plans, in the order they are listed. */
export const PLAN_REFERENCES: readonly PlanReference[] = [
  SHNOR_ROADMAP_2023,
  SCHOOL_MINISTRY_PLAN_2025,
  REGIONAL_MODEL_2025,
  SEMINAR_DECISIONS_2021,
];

/** The year a plan's undated deadlines belong to. */
export function deadlineYearOf(plan: Pick<PlanReference, 'year' | 'deadlineYear'>): number {
  return plan.deadlineYear ?? plan.year;
}
