import { registerEnumType } from 'type-graphql';

export enum PlanKind {
  SHNOR_ROADMAP = 'shnor_roadmap',
  SCHOOL_MINISTRY_PLAN = 'school_ministry_plan',
  REGIONAL_MODEL = 'regional_model',
  SEMINAR_DECISIONS = 'seminar_decisions',
}

registerEnumType(PlanKind, {
  name: 'PlanKind',
  description: 'Вид плана',
  valuesConfig: {
    SHNOR_ROADMAP: { description: '«Дорожная карта» ШНОР/ШНСУ' },
    SCHOOL_MINISTRY_PLAN: { description: 'План «Школа Минпросвещения России»' },
    REGIONAL_MODEL: { description: 'Планы блоков региональной модели управления качеством образования' },
    SEMINAR_DECISIONS: { description: 'Решения семинара-совещания' },
  },
});

/** The level progress is reported at: an activity's scope and a progress target's level. */
export enum PlanLevel {
  REGION = 'region',
  MUNICIPALITY = 'municipality',
  SCHOOL = 'school',
}

registerEnumType(PlanLevel, {
  name: 'PlanLevel',
  description: 'Уровень, на котором отмечается исполнение: регион, муниципалитет, школа',
  valuesConfig: {
    REGION: { description: 'Регион (одна отметка на мероприятие)' },
    MUNICIPALITY: { description: 'Муниципалитет (МОУО)' },
    SCHOOL: { description: 'Школа (ОО)' },
  },
});

export enum ProgressStatus {
  PLANNED = 'planned',
  IN_PROGRESS = 'in_progress',
  DONE = 'done',
}

registerEnumType(ProgressStatus, {
  name: 'ProgressStatus',
  description: 'Состояние исполнения',
  valuesConfig: {
    PLANNED: { description: 'Запланировано' },
    IN_PROGRESS: { description: 'Выполняется' },
    DONE: { description: 'Выполнено' },
  },
});

export enum RecurrenceKind {
  WEEKLY = 'weekly',
  MONTHLY = 'monthly',
  QUARTERLY = 'quarterly',
  SCHOOL_TERM = 'school_term',
  HALF_YEARLY = 'half_yearly',
  YEARLY = 'yearly',
  CONTINUOUS = 'continuous',
  ON_REQUEST = 'on_request',
}

registerEnumType(RecurrenceKind, {
  name: 'RecurrenceKind',
  description: 'Периодичность мероприятия',
  valuesConfig: {
    WEEKLY: { description: 'Еженедельно' },
    MONTHLY: { description: 'Ежемесячно' },
    QUARTERLY: { description: 'Ежеквартально / N раз в квартал' },
    SCHOOL_TERM: { description: 'Каждую учебную четверть' },
    HALF_YEARLY: { description: 'Раз в полугодие' },
    YEARLY: { description: 'N раз в год' },
    CONTINUOUS: { description: 'Постоянно (без срока окончания)' },
    ON_REQUEST: { description: 'По запросу (без срока окончания)' },
  },
});
