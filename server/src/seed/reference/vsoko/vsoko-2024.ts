import { SAMPLE_SCHOOLS } from '../sample-schools';
import type { VsokoCampaignReference } from './vsoko-reference';

/**
 * The 2024 ВСОКО monitoring, transcribed from the department's распоряжение (seed 001_bbb40768dcd472e5.txt).
 * The sample of schools (Приложение № 3) is in ../sample-schools.ts, whose list order gives the codes.
 */
export const VSOKO_CAMPAIGN_2024: VsokoCampaignReference = {
  year: 2024,
  title:
    'Мониторинг функционирования внутренних систем оценки качества образования в общеобразовательных организациях ' +
    'Томской области',
  // Пункт 2: «в период с 14.10.2024 по 27.11.2024».
  startsOn: '2024-10-14',
  endsOn: '2024-11-27',
  orderedBy: 'Распоряжение Департамента образования Томской области от 01.10.2024 № 1384',
  // Names, scores and minimum thresholds: Таблица 1; risks and indicators: Таблица 2.
  // The document does not list the criteria scored within the blocks.
  blocks: [
    {
      number: 1,
      name: 'Нормативно-организационные условия функционирования ВСОКО',
      maxScore: 13,
      threshold: 5,
      risk: 'Барьеры локального регулирования ВСОКО',
      riskIndicator: 'Отсутствие аутентичных локальных норм функционирования ВСОКО',
      criteria: [],
    },
    {
      number: 2,
      name: 'Кадровые условия функционирования ВСОКО',
      maxScore: 16,
      threshold: 7,
      risk: 'Дефициты профессиональных компетенций субъектов ВСОКО',
      riskIndicator: 'Отсутствие системы административного контроля и методической работы по вопросам ВСОКО',
      criteria: [],
    },
    {
      number: 3,
      name: 'Программно-методическое обеспечение функционирования ВСОКО',
      maxScore: 8,
      threshold: 3,
      risk: 'Не проработанность программно-методических решений ВСОКО',
      riskIndicator: 'Отсутствие внутренних регламентов в отношении процедур ВСОКО и педагогических практик оценки',
      criteria: [],
    },
    {
      number: 4,
      name: 'Информационно-аналитические продукты ВСОКО',
      maxScore: 12,
      threshold: 5,
      risk: 'Преобладание контрольно-инспекционной парадигмы управления качеством',
      riskIndicator: 'Формальные подходы к наполнению отчета о самообследовании',
      criteria: [],
    },
  ],
  // Приложение 2 к Концепции: «прямые ссылки на размещенные на официальном сайте образовательной организации
  // документы».
  documents: [
    { code: 'self-examination-report', title: 'Отчет о самообследовании', optional: false },
    {
      code: 'assessment-regulation',
      title: 'Положение о формах, порядке, периодичности текущего контроля и промежуточной аттестации обучающихся',
      optional: false,
    },
    { code: 'vsoko-regulation', title: 'Положение о ВСОКО (при наличии)', optional: true },
    {
      code: 'individual-achievements-regulation',
      title: 'Положение об учете индивидуальных достижений и поощрениях обучающихся (при наличии)',
      optional: true,
    },
    { code: 'basic-general-education-program', title: 'ООП основного общего образования', optional: false },
    { code: 'secondary-general-education-program', title: 'ООП среднего общего образования', optional: false },
  ],
  // Приложение 1 к Концепции, column «Компонент», in order. «Структура управленческой команды …» heads the ten
  // positions that follow it (from «Руководитель ОО» to «Методист»).
  passportPositions: [
    { code: 'full-name', title: 'Наименование ОО по Уставу', kind: 'text' },
    { code: 'short-name', title: 'Сокращенное наименование', kind: 'text' },
    {
      code: 'management-team-structure',
      title: 'Структура управленческой команды (отметить наличные должности)',
      kind: 'heading',
    },
    { code: 'principal', title: 'Руководитель ОО', kind: 'position' },
    { code: 'deputy-teaching-and-upbringing', title: 'Заместитель руководителя по УВР', kind: 'position' },
    { code: 'deputy-informatization', title: 'Заместитель руководителя по информатизации', kind: 'position' },
    {
      code: 'deputy-research-and-methodology',
      title: 'Заместитель руководителя по научно-методической работе',
      kind: 'position',
    },
    { code: 'deputy-education-quality', title: 'Заместитель руководителя по качеству образования', kind: 'position' },
    { code: 'deputy-education-content', title: 'Заместитель руководителя по содержанию образования', kind: 'position' },
    {
      code: 'deputy-upbringing-and-socialization',
      title: 'Заместитель руководителя по воспитанию и социализации',
      kind: 'position',
    },
    { code: 'deputy-resources', title: 'Заместитель руководителя по ресурсам (АХД)', kind: 'position' },
    { code: 'upbringing-adviser', title: 'Советник по воспитанию', kind: 'position' },
    { code: 'methodologist', title: 'Методист', kind: 'position' },
    {
      code: 'teaching-staff-count',
      title: 'Общая численность педагогических работников, включая совместителей',
      kind: 'count',
    },
    { code: 'student-count', title: 'Общая численность обучающихся, находящихся в контингенте ОО', kind: 'count' },
  ],
  // Приложение №2 к распоряжению (План-график). The second stage's «Исполнитель» cell also reads
  // «Ссылка: https://quick.apkpro.ru/poll/80518»; its footnote marker ¹ is dropped from the stage text.
  schedule: [
    {
      stage: 'Назначение школьного координатора (организатора)',
      responsible: 'Общеобразовательная организация',
      period: 'До 14.10.2024',
    },
    {
      stage:
        'Ссылка для предоставления документов. Паспорта образовательной организации для анализа образовательными ' +
        'организациями (участвуют образовательные организации, попавшие в выборку)',
      responsible: 'Региональный оператор',
      period: 'Ссылка будет активна с 14.10.2024 по 23.10.2024',
    },
    {
      stage: 'Внешняя экспертная оценка',
      responsible: 'Региональный оператор, экспертная группа, общеобразовательные организации, вошедшие в выборку',
      period: 'С 24.10.2024 по 13.11.2024',
    },
    {
      stage: 'Представление результатов мониторинга',
      responsible: 'Региональный оператор',
      period: 'После 27.11.2024',
    },
    {
      stage: 'Консультационная поддержка общеобразовательных организаций',
      responsible: 'Региональный оператор',
      period: 'Весь период проведения мониторинга',
    },
  ],
  // The document names the zones («отнесение школ к одной из рискованных зон (низкого риска, умеренного риска,
  // высокого риска)») but gives no rule mapping a number of risky blocks to a zone. This is the department's
  // default rule from the project brief (0 risky blocks → низкий риск, 1–2 → умеренный, 3–4 → высокий); it is
  // data (table vsoko_zone_rule), which the department may edit per campaign.
  zones: [
    { minRiskyBlocks: 0, maxRiskyBlocks: 0, zone: 'low', title: 'Низкий риск' },
    { minRiskyBlocks: 1, maxRiskyBlocks: 2, zone: 'moderate', title: 'Умеренный риск' },
    { minRiskyBlocks: 3, maxRiskyBlocks: 4, zone: 'high', title: 'Высокий риск' },
  ],
  sample: SAMPLE_SCHOOLS.map((s) => s.code),
};
