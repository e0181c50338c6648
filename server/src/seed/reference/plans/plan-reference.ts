/**
 * The department's plans as transcribed from its documents (../shared/seeds):
 * plan → section → activity. One model serves the ШНОР roadmap, the «Школа
 * Минпросвещения России» plan, the regional model's block plans and the
 * seminar decisions. Texts are Russian, as the documents write them.
 */

export type PlanKind = 'shnor_roadmap' | 'school_ministry_plan' | 'regional_model' | 'seminar_decisions';

/** At which level progress on an activity is reported. */
export type ActivityScope = 'region' | 'municipality' | 'school';

export interface ActivityReference {
  /** The number as the document writes it ('1', '2.3', '12'); unique within the plan. */
  number: string;
  title: string;
  /** The deadline exactly as written: «Март 2023г.», «В течение года», «до 15 сентября»… */
  deadline: string;
  /** Показатель / индикатор, when the document gives one. */
  indicator: string | null;
  /** Ожидаемый результат, when the document gives one. */
  expectedResult: string | null;
  /** Исполнители / ответственные as written, one entry per organisation or person. */
  executors: string[];
  /** A countable target the document names («68 школьных программ», «17 экспертиз»). */
  target: { value: number; unit: string } | null;
  scope: ActivityScope;
}

export interface SectionReference {
  /** The section's number or label as written ('1', 'I', 'Блок 3'); unique within the plan. */
  number: string;
  title: string;
  activities: ActivityReference[];
}

export interface PlanReference {
  /** Stable slug, e.g. `shnor-roadmap-2023`. */
  code: string;
  kind: PlanKind;
  title: string;
  /** The year the plan runs in; deadlines without a year belong to it unless `deadlineYear` says otherwise. */
  year: number;
  /**
   * The year undated deadlines («В течение года», «Ежеквартально») belong to, when the document makes clear it
   * is not `year` (a plan approved at the very end of its year for the year that follows).
   */
  deadlineYear?: number;
  /** The approving act as written (распоряжение …, протокол …), or null. */
  approvedBy: string | null;
  /** The seed document it was transcribed from. */
  sourceDocument: string;
  sections: SectionReference[];
}
