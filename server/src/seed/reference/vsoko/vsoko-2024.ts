import type { VsokoCampaignReference } from './vsoko-reference';

/**
 * The 2024 ВСОКО monitoring, transcribed from the department's распоряжение (seed 001_bbb40768dcd472e5.txt).
 * The sample of schools (Приложение № 3) is in ../sample-schools.ts.
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
    { code: 'self-examination-report', title: 'Отчет о самообследовании' },
    {
      code: 'assessment-regulation',
      title: 'Положение о формах, порядке, периодичности текущего контроля и промежуточной аттестации обучающихся',
    },
    { code: 'vsoko-regulation', title: 'Положение о ВСОКО (при наличии)' },
    {
      code: 'individual-achievements-regulation',
      title: 'Положение об учете индивидуальных достижений и поощрениях обучающихся (при наличии)',
    },
    { code: 'basic-general-education-program', title: 'ООП основного общего образования' },
    { code: 'secondary-general-education-program', title: 'ООП среднего общего образования' },
  ],
  // Приложение 1 к Концепции, column «Компонент», in order. «Структура управленческой команды …» heads the ten
  // positions that follow it (from «Руководитель ОО» to «Методист»).
  passportPositions: [
    { code: 'full-name', title: 'Наименование ОО по Уставу' },
    { code: 'short-name', title: 'Сокращенное наименование' },
    { code: 'management-team-structure', title: 'Структура управленческой команды (отметить наличные должности)' },
    { code: 'principal', title: 'Руководитель ОО' },
    { code: 'deputy-teaching-and-upbringing', title: 'Заместитель руководителя по УВР' },
    { code: 'deputy-informatization', title: 'Заместитель руководителя по информатизации' },
    { code: 'deputy-research-and-methodology', title: 'Заместитель руководителя по научно-методической работе' },
    { code: 'deputy-education-quality', title: 'Заместитель руководителя по качеству образования' },
    { code: 'deputy-education-content', title: 'Заместитель руководителя по содержанию образования' },
    { code: 'deputy-upbringing-and-socialization', title: 'Заместитель руководителя по воспитанию и социализации' },
    { code: 'deputy-resources', title: 'Заместитель руководителя по ресурсам (АХД)' },
    { code: 'upbringing-adviser', title: 'Советник по воспитанию' },
    { code: 'methodologist', title: 'Методист' },
    { code: 'teaching-staff-count', title: 'Общая численность педагогических работников, включая совместителей' },
    { code: 'student-count', title: 'Общая численность обучающихся, находящихся в контингенте ОО' },
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
  // высокого риска)») but gives no rule mapping a number of risky blocks to a zone, so none is transcribed here.
  zones: [],
};
