import type { EntityManager } from 'typeorm';
import type { ImportKind, RowProblem } from '../imports/import-kind';
import { parseBoolean, parseDecimal, parseInteger, parseText } from '../imports/reader/cells';
import { upsertFromStaging } from '../imports/staging';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import type { MunicipalityMatcher } from '../municipalities/municipality-name';
import { Locality } from '../shared/locality';
import { SchoolFounder } from './school.entity';

interface SchoolRow {
  code: string;
  municipalityCode: string;
  fullName: string;
  shortName: string | null;
  type: string | null;
  founder: SchoolFounder | null;
  locality: Locality | null;
  studentCount: number | null;
  teacherCount: number | null;
  distanceToTomskKm: number | null;
  yearRoundRoad: boolean | null;
}

const FOUNDERS: Record<string, SchoolFounder> = {
  муниципальный: SchoolFounder.MUNICIPAL,
  региональный: SchoolFounder.REGIONAL,
  областной: SchoolFounder.REGIONAL,
  федеральный: SchoolFounder.FEDERAL,
  частный: SchoolFounder.PRIVATE,
};

const LOCALITIES: Record<string, Locality> = {
  городская: Locality.URBAN,
  город: Locality.URBAN,
  сельская: Locality.RURAL,
  село: Locality.RURAL,
};

const CODE = /^[A-Za-z0-9_-]{3,32}$/;

const C = {
  code: 'Код ОО',
  municipality: 'Муниципалитет',
  fullName: 'Полное наименование',
  shortName: 'Краткое наименование',
  type: 'Тип ОО',
  founder: 'Учредитель',
  locality: 'Местность',
  students: 'Обучающихся',
  teachers: 'Педагогов',
  distance: 'Расстояние до Томска, км',
  road: 'Круглогодичное транспортное сообщение',
} as const;

/** The school register: `pnpm hub import schools <file>` (BRIEF §5). */
export const schoolsImport: ImportKind<SchoolRow, MunicipalityMatcher> = {
  kind: 'schools',
  title: 'Школы',
  columns: [
    { key: 'code', headers: [C.code, 'Код', 'Логин ОО'], required: true },
    { key: 'municipality', headers: [C.municipality, 'Муниципальное образование', 'МО'], required: true },
    { key: 'fullName', headers: [C.fullName, 'Наименование ОО', 'Полное наименование ОО'], required: true },
    { key: 'shortName', headers: [C.shortName, 'Краткое наименование ОО'], required: false },
    { key: 'type', headers: [C.type, 'Тип'], required: false },
    { key: 'founder', headers: [C.founder], required: false },
    { key: 'locality', headers: [C.locality, 'Местность (городская/сельская)'], required: false },
    { key: 'students', headers: [C.students, 'Количество обучающихся', 'Обучающихся, чел.'], required: false },
    { key: 'teachers', headers: [C.teachers, 'Количество педагогов', 'Педагогов, чел.'], required: false },
    { key: 'distance', headers: [C.distance, 'Расстояние до Томска (км)', 'Расстояние до Томска'], required: false },
    {
      key: 'road',
      headers: [C.road, 'Круглогодичное транспортное сообщение (да/нет)', 'Круглогодичная дорога'],
      required: false,
    },
  ],
  key: ['code'],
  describeKey: (row) => row.code,

  prepare: (em: EntityManager) => new MunicipalitiesService(em).matcher(),

  parse(values, matcher) {
    const problems: RowProblem[] = [];
    const code = parseText(values.code) ?? '';
    if (code === '') problems.push({ column: C.code, message: 'Не указан код ОО' });
    else if (!CODE.test(code)) {
      problems.push({ column: C.code, message: `Код ОО «${code}»: допустимы латинские буквы, цифры, «-» и «_»` });
    }
    const municipality = matcher.match(values.municipality ?? '');
    if ('error' in municipality) problems.push({ column: C.municipality, message: municipality.error });
    const fullName = parseText(values.fullName);
    if (fullName === null) problems.push({ column: C.fullName, message: 'Не указано полное наименование' });

    const pick = <T>(column: string, text: string | undefined, map: Record<string, T>, expected: string) => {
      const word = parseText(text)?.toLowerCase().replace(/ё/g, 'е');
      if (!word) return null;
      const found = map[word];
      if (found === undefined) problems.push({ column, message: `«${text!.trim()}» — ожидается ${expected}` });
      return found ?? null;
    };
    const founder = pick(C.founder, values.founder, FOUNDERS, 'муниципальный, региональный, федеральный или частный');
    const locality = pick(C.locality, values.locality, LOCALITIES, '«городская» или «сельская»');

    const count = (column: string, text: string | undefined, max: number) => {
      const parsed = parseInteger(text);
      if ('error' in parsed) problems.push({ column, message: parsed.error });
      else if (parsed.value !== null && (parsed.value < 0 || parsed.value > max)) {
        problems.push({ column, message: `${parsed.value} — вне допустимого диапазона 0…${max}` });
      } else return parsed.value;
      return null;
    };
    const studentCount = count(C.students, values.students, 10_000);
    const teacherCount = count(C.teachers, values.teachers, 1_000);
    const distance = parseDecimal(values.distance);
    if ('error' in distance) problems.push({ column: C.distance, message: distance.error });
    else if (distance.value !== null && (distance.value < 0 || distance.value > 3000)) {
      problems.push({ column: C.distance, message: `${distance.value} км — вне допустимого диапазона 0…3000` });
    }
    const road = parseBoolean(values.road);
    if ('error' in road) problems.push({ column: C.road, message: road.error });

    if (problems.length > 0) return { problems };
    return {
      value: {
        code,
        municipalityCode: (municipality as { code: string }).code,
        fullName: fullName!,
        shortName: parseText(values.shortName),
        type: parseText(values.type),
        founder,
        locality,
        studentCount,
        teacherCount,
        distanceToTomskKm: 'value' in distance ? distance.value : null,
        yearRoundRoad: 'value' in road ? road.value : null,
      },
    };
  },

  staging: [
    { name: 'code', type: 'text', get: (r) => r.code },
    { name: 'municipality_code', type: 'text', get: (r) => r.municipalityCode },
    { name: 'full_name', type: 'text', get: (r) => r.fullName },
    { name: 'short_name', type: 'text', get: (r) => r.shortName },
    { name: 'type', type: 'text', get: (r) => r.type },
    { name: 'founder', type: 'text', get: (r) => r.founder },
    { name: 'locality', type: 'text', get: (r) => r.locality },
    { name: 'student_count', type: 'integer', get: (r) => r.studentCount },
    { name: 'teacher_count', type: 'integer', get: (r) => r.teacherCount },
    { name: 'distance_to_tomsk_km', type: 'double precision', get: (r) => r.distanceToTomskKm },
    { name: 'year_round_road', type: 'boolean', get: (r) => r.yearRoundRoad },
  ],

  async merge(em, table) {
    // The municipality's figures stand in for the empty ones, as on every other
    // write of a school: compared after that, a second import finds no change.
    await em.query(
      `UPDATE ${table} s
          SET distance_to_tomsk_km = coalesce(s.distance_to_tomsk_km, m.distance_to_tomsk_km),
              year_round_road = coalesce(s.year_round_road, m.year_round_road)
         FROM municipality m
        WHERE m.code = s.municipality_code AND (s.distance_to_tomsk_km IS NULL OR s.year_round_road IS NULL)`,
    );
    return upsertFromStaging(em, table, {
      target: 'school',
      key: ['code'],
      values: [
        'municipality_code',
        'full_name',
        'short_name',
        'type',
        'founder',
        'locality',
        'student_count',
        'teacher_count',
        'distance_to_tomsk_km',
        'year_round_road',
        'is_demo',
      ],
      select: { founder: 's.founder::school_founder', locality: 's.locality::locality', is_demo: 'false' },
      touch: ['updated_at = now()'],
    });
  },
};
