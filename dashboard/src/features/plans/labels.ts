import type { PlanKind, PlanLevel, ProgressStatus, RecurrenceKind } from '../../generated/graphql';

export const STATUS_TITLES: Record<ProgressStatus, string> = {
  PLANNED: 'Запланировано',
  IN_PROGRESS: 'Выполняется',
  DONE: 'Выполнено',
};

export const LEVEL_TITLES: Record<PlanLevel, string> = {
  REGION: 'Регион',
  MUNICIPALITY: 'Муниципалитет',
  SCHOOL: 'Школа',
};

/** Who reports progress of an activity, in the words of the documents. */
export const SCOPE_TITLES: Record<PlanLevel, string> = {
  REGION: 'отметка региона',
  MUNICIPALITY: 'отметки МОУО',
  SCHOOL: 'отметки школ',
};

export const PLAN_KIND_TITLES: Record<PlanKind, string> = {
  SHNOR_ROADMAP: '«Дорожная карта» ШНОР/ШНСУ',
  SCHOOL_MINISTRY_PLAN: '«Школа Минпросвещения России»',
  REGIONAL_MODEL: 'Региональная модель управления качеством',
  SEMINAR_DECISIONS: 'Решения семинара-совещания',
};

export const RECURRENCE_TITLES: Record<RecurrenceKind, string> = {
  WEEKLY: 'еженедельно',
  MONTHLY: 'ежемесячно',
  QUARTERLY: 'ежеквартально',
  SCHOOL_TERM: 'каждую четверть',
  HALF_YEARLY: 'раз в полугодие',
  YEARLY: 'раз в год',
  CONTINUOUS: 'постоянно',
  ON_REQUEST: 'по запросу',
};
