/**
 * School subjects of the assessment procedures, with the spellings source
 * files use. Editable reference data.
 */
export interface SubjectReference {
  /** Stable code, e.g. `MATHEMATICS_PROFILE`. */
  code: string;
  name: string;
  /** Spellings besides the name and the code. */
  aliases: string[];
}

export const SUBJECTS: SubjectReference[] = [
  { code: 'RUSSIAN', name: 'Русский язык', aliases: ['Русский', 'Рус. яз.'] },
  { code: 'MATHEMATICS', name: 'Математика', aliases: [] },
  {
    code: 'MATHEMATICS_BASE',
    name: 'Математика (базовая)',
    aliases: [
      'Математика базового уровня',
      'Математика базовый уровень',
      'Базовая математика',
      'Математика (база)',
      'Математика Б',
    ],
  },
  {
    code: 'MATHEMATICS_PROFILE',
    name: 'Математика (профильная)',
    aliases: [
      'Математика профильного уровня',
      'Математика профильный уровень',
      'Профильная математика',
      'Математика (профиль)',
      'Математика П',
    ],
  },
  { code: 'PHYSICS', name: 'Физика', aliases: [] },
  { code: 'CHEMISTRY', name: 'Химия', aliases: [] },
  { code: 'BIOLOGY', name: 'Биология', aliases: [] },
  { code: 'HISTORY', name: 'История', aliases: ['История России'] },
  { code: 'SOCIAL_STUDIES', name: 'Обществознание', aliases: [] },
  { code: 'GEOGRAPHY', name: 'География', aliases: [] },
  { code: 'INFORMATICS', name: 'Информатика', aliases: ['Информатика и ИКТ'] },
  { code: 'LITERATURE', name: 'Литература', aliases: [] },
  { code: 'ENGLISH', name: 'Английский язык', aliases: ['Английский', 'Иностранный язык (английский)'] },
  { code: 'GERMAN', name: 'Немецкий язык', aliases: ['Немецкий', 'Иностранный язык (немецкий)'] },
  { code: 'FRENCH', name: 'Французский язык', aliases: ['Французский', 'Иностранный язык (французский)'] },
  { code: 'SPANISH', name: 'Испанский язык', aliases: ['Испанский', 'Иностранный язык (испанский)'] },
  { code: 'CHINESE', name: 'Китайский язык', aliases: ['Китайский', 'Иностранный язык (китайский)'] },
  { code: 'SURROUNDING_WORLD', name: 'Окружающий мир', aliases: [] },
  { code: 'READING_LITERACY', name: 'Читательская грамотность', aliases: [] },
  { code: 'MATHEMATICAL_LITERACY', name: 'Математическая грамотность', aliases: [] },
  { code: 'SCIENCE_LITERACY', name: 'Естественнонаучная грамотность', aliases: [] },
  { code: 'FINANCIAL_LITERACY', name: 'Финансовая грамотность', aliases: [] },
  { code: 'GLOBAL_COMPETENCE', name: 'Глобальные компетенции', aliases: [] },
  { code: 'CREATIVE_THINKING', name: 'Креативное мышление', aliases: [] },
];

/** Every spelling an import recognises for a subject. */
export const subjectSpellings = (s: SubjectReference): string[] => [s.name, s.code, ...s.aliases];
