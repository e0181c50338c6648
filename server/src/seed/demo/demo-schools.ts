import { SchoolFounder } from '../../modules/schools/school.entity';
import { Locality } from '../../modules/shared/locality';
import { MUNICIPALITIES, type MunicipalityReference } from '../reference/municipalities';
import { SAMPLE_SCHOOLS, type SchoolReference } from '../reference/sample-schools';
import { SeededRandom } from '../random';

/**
 * Schools per municipality in the demo region (≈ the real network: 299 schools
 * in 2024). The real sample schools count towards these; demo schools fill the rest.
 */
const TOTAL_SCHOOLS: Record<string, number> = {
  tomsk: 77,
  seversk: 13,
  strezhevoy: 7,
  kedrovy: 3,
  aleksandrovsky: 6,
  asinovsky: 16,
  bakcharsky: 11,
  verkhneketsky: 12,
  zyryansky: 9,
  kargasoksky: 16,
  kozhevnikovsky: 12,
  kolpashevsky: 17,
  krivosheinsky: 10,
  molchanovsky: 8,
  parabelsky: 8,
  pervomaysky: 12,
  teguldetsky: 6,
  tomsky: 38,
  chainsky: 8,
  shegarsky: 10,
};

/** Share of a municipality's schools that stand in a town (urban locality). */
const URBAN_SHARE: Record<string, number> = {
  tomsk: 1,
  seversk: 1,
  strezhevoy: 1,
  kedrovy: 0.5,
  asinovsky: 0.4,
  kolpashevsky: 0.4,
  verkhneketsky: 0.2,
};

/** Northern districts where some villages have only winter roads and river crossings. */
const SEASONAL_ROAD_SHARE: Record<string, number> = {
  kargasoksky: 0.35,
  parabelsky: 0.3,
  verkhneketsky: 0.25,
  kolpashevsky: 0.15,
  bakcharsky: 0.15,
  teguldetsky: 0.15,
  molchanovsky: 0.1,
  chainsky: 0.1,
};

const TYPE_NAMES: Record<string, string> = {
  СОШ: 'средняя общеобразовательная школа',
  ООШ: 'основная общеобразовательная школа',
  НОШ: 'начальная общеобразовательная школа',
  гимназия: 'гимназия',
  лицей: 'лицей',
  коррекционная: 'школа для обучающихся с ОВЗ',
};

const FOUNDER_PREFIX: Record<SchoolFounder, string> = {
  [SchoolFounder.MUNICIPAL]: 'Муниципальное бюджетное общеобразовательное учреждение',
  [SchoolFounder.REGIONAL]: 'Областное государственное казённое общеобразовательное учреждение',
  [SchoolFounder.FEDERAL]: 'Федеральное государственное общеобразовательное учреждение',
  [SchoolFounder.PRIVATE]: 'Частное общеобразовательное учреждение',
};

function students(random: SeededRandom, type: string, locality: Locality, m: MunicipalityReference): number {
  const near = m.distanceToTomskKm <= 100;
  if (locality === Locality.URBAN) {
    if (type === 'гимназия' || type === 'лицей') return Math.round(random.normal(950, 200, 550, 1500));
    if (type === 'ООШ') return random.int(150, 420);
    if (type === 'НОШ' || type === 'коррекционная') return random.int(80, 260);
    return Math.round(random.normal(m.code === 'tomsk' ? 950 : 700, 260, 300, 1700));
  }
  if (type === 'ООШ') return random.int(15, 110);
  if (type === 'НОШ') return random.int(5, 40);
  if (type === 'коррекционная') return random.int(40, 150);
  return Math.round(random.normal(near ? 380 : 220, near ? 150 : 110, 60, 900));
}

function demoSchool(random: SeededRandom, m: MunicipalityReference, n: number, code: string): SchoolReference {
  const locality = random.chance(URBAN_SHARE[m.code] ?? 0) ? Locality.URBAN : Locality.RURAL;
  const type =
    locality === Locality.URBAN
      ? random.weighted([
          ['СОШ', 70],
          ['гимназия', 9],
          ['лицей', 7],
          ['ООШ', 6],
          ['коррекционная', 5],
          ['НОШ', 3],
        ] as const)
      : random.weighted([
          ['СОШ', 68],
          ['ООШ', 24],
          ['НОШ', 5],
          ['коррекционная', 3],
        ] as const);
  const founder =
    type === 'коррекционная'
      ? SchoolFounder.REGIONAL
      : m.code === 'tomsk' && random.chance(0.03)
        ? SchoolFounder.PRIVATE
        : SchoolFounder.MUNICIPAL;
  const studentCount = students(random, type, locality, m);
  const teacherCount = Math.max(
    4,
    Math.round(studentCount / (locality === Locality.URBAN ? 16 : 9)) + random.int(2, 6),
  );
  const distanceToTomskKm =
    locality === Locality.URBAN || m.kind === 'city_district'
      ? m.distanceToTomskKm
      : m.code === 'tomsky'
        ? random.int(8, 75)
        : Math.round(m.distanceToTomskKm * (0.8 + random.next() * 0.5));
  const seasonal = locality === Locality.RURAL && random.chance(SEASONAL_ROAD_SHARE[m.code] ?? 0);
  const typeName = TYPE_NAMES[type] ?? type;
  return {
    code,
    municipalityCode: m.code,
    fullName: `${FOUNDER_PREFIX[founder]} «Демонстрационная ${typeName} № ${n}» (${m.name}) — демо`,
    shortName: `Демо ${type} № ${n} (${m.name})`,
    type,
    founder,
    locality,
    studentCount,
    teacherCount,
    distanceToTomskKm,
    yearRoundRoad: seasonal ? false : null,
  };
}

/**
 * Deterministic demo schools that bring the region to ≈ 300 schools with
 * plausible sizes: large urban schools in Tomsk and Seversk, small rural ones
 * in the north, a few villages without a year-round road. Codes `sch79xxxx`
 * and names that say «демо».
 */
export function generateDemoSchools(seed = 'demo-schools-v1'): SchoolReference[] {
  const random = new SeededRandom(seed);
  const result: SchoolReference[] = [];
  for (const m of MUNICIPALITIES) {
    const real = SAMPLE_SCHOOLS.filter((s) => s.municipalityCode === m.code).length;
    const count = (TOTAL_SCHOOLS[m.code] ?? real) - real;
    for (let n = 1; n <= count; n++) {
      result.push(demoSchool(random, m, n, `sch79${String(result.length + 1).padStart(4, '0')}`));
    }
  }
  return result;
}
