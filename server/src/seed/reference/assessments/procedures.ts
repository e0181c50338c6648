/**
 * Assessment procedures as reference data. `grades` are the grades a procedure
 * runs in (a result names one of them; an empty list would mean "no grade").
 * ВПР: grades 4–8 every year; the federal system ran it in grade 11 up to 2024
 * and in grade 10 from 2025, so both stay valid for the archive.
 * Editable reference data: the department can add procedures and spellings.
 */
export interface ProcedureReference {
  /** Stable code, e.g. `VPR`. */
  code: string;
  /** The abbreviation officials write: «ВПР». */
  shortName: string;
  name: string;
  grades: number[];
  /** Spellings source files use besides the short name, the name and the code. */
  aliases: string[];
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const PROCEDURES: ProcedureReference[] = [
  {
    code: 'VPR',
    shortName: 'ВПР',
    name: 'Всероссийские проверочные работы',
    grades: [4, 5, 6, 7, 8, 10, 11],
    aliases: ['Всероссийская проверочная работа', 'ВПР (Всероссийские проверочные работы)'],
  },
  {
    code: 'OGE',
    shortName: 'ОГЭ',
    name: 'Основной государственный экзамен',
    grades: [9],
    aliases: ['ОГЭ-9', 'ГИА-9 ОГЭ', 'ГИА-9 (ОГЭ)'],
  },
  {
    code: 'EGE',
    shortName: 'ЕГЭ',
    name: 'Единый государственный экзамен',
    grades: [11],
    aliases: ['ЕГЭ-11', 'ГИА-11 ЕГЭ', 'ГИА-11 (ЕГЭ)'],
  },
  {
    code: 'GVE',
    shortName: 'ГВЭ',
    name: 'Государственный выпускной экзамен',
    grades: [9, 11],
    aliases: ['ГВЭ-9', 'ГВЭ-11'],
  },
  {
    code: 'REGIONAL_DIAGNOSTICS',
    shortName: 'РДР',
    name: 'Региональная диагностическая работа',
    grades: range(1, 11),
    aliases: ['Региональная диагностика', 'Региональные диагностические работы', 'Региональная диагностическая'],
  },
  {
    code: 'FUNCTIONAL_LITERACY',
    shortName: 'ФГ',
    name: 'Оценка функциональной грамотности',
    grades: range(4, 9),
    aliases: [
      'Функциональная грамотность',
      'Региональная оценка функциональной грамотности',
      'Исследование функциональной грамотности',
    ],
  },
];

/** Every spelling an import recognises for a procedure. */
export const procedureSpellings = (p: ProcedureReference): string[] => [p.shortName, p.name, p.code, ...p.aliases];
