import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { copyRows, type CopyValue } from '../../db/copy';
import { recomputeSchoolResults } from '../../modules/assessments';
import { MUNICIPALITIES } from '../reference/municipalities';
import { SeededRandom } from '../random';
import { GENERATED_PREFIX, schoolStrength } from '../demo/school-profile';

export interface GenerateOptions {
  schools: number;
  participants: number;
  seed: number;
  year?: number;
  log?: (line: string) => void;
}

export interface GenerateReport {
  schools: number;
  participants: number;
  schoolResults: number;
  seconds: number;
}

/** Municipalities weighted like the region's real network (Tomsk the largest). */
const WEIGHTS = MUNICIPALITIES.map((m) =>
  m.code === 'tomsk' ? 25 : m.code === 'tomsky' ? 12 : m.kind === 'city_district' ? 4 : 5,
);

interface GeneratedSchool {
  code: string;
  municipality: string;
  urban: boolean;
  students: number;
  strength: number;
}

function* schools(random: SeededRandom, count: number): Generator<GeneratedSchool> {
  const total = WEIGHTS.reduce((a, b) => a + b, 0);
  for (let i = 1; i <= count; i++) {
    const roll = random.next() * total;
    let acc = 0;
    let index = 0;
    while ((acc += WEIGHTS[index]!) < roll) index++;
    const m = MUNICIPALITIES[index]!;
    const urban = m.kind === 'city_district' || random.chance(0.25);
    const students = urban ? random.int(300, 1500) : random.int(20, 600);
    const code = `${GENERATED_PREFIX}${String(i).padStart(6, '0')}`;
    const strength = schoolStrength({
      code,
      municipalityCode: m.code,
      type: 'СОШ',
      locality: urban ? 'urban' : 'rural',
      studentCount: students,
      distanceToTomskKm: m.distanceToTomskKm,
      yearRoundRoad: m.yearRoundRoad,
    });
    yield { code, municipality: m.code, urban, students, strength };
  }
}

const OGE_SUBJECTS = ['RUSSIAN', 'MATHEMATICS', 'SOCIAL_STUDIES', 'INFORMATICS'];
const EGE_SUBJECTS = ['RUSSIAN', 'MATHEMATICS_PROFILE', 'SOCIAL_STUDIES'];

/**
 * A deterministic national-scale dataset for benchmarks: synthetic schools
 * (all demo) spread over the municipalities, ОГЭ and ЕГЭ participant rows
 * loaded with COPY, school-level results derived from them in one statement.
 */
export async function generateNational(dataSource: DataSource, options: GenerateOptions): Promise<GenerateReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const year = options.year ?? 2025;
  const random = new SeededRandom(options.seed);
  const list = [...schools(random, options.schools)];
  const capacity = list.reduce((sum, s) => sum + s.students, 0);
  const client = await (
    dataSource.driver as unknown as { master: { connect(): Promise<PoolClient> } }
  ).master.connect();
  try {
    const [{ count }] = (
      await client.query(`SELECT count(*)::int AS count FROM school WHERE code LIKE '${GENERATED_PREFIX}%'`)
    ).rows;
    if (count > 0) throw new Error('Данные уже сгенерированы в этой базе: начните с чистой (pnpm hub db:reset --yes)');
    await client.query('BEGIN');
    await copyRows(
      client,
      'school',
      [
        'code',
        'municipality_code',
        'full_name',
        'short_name',
        'type',
        'founder',
        'locality',
        'student_count',
        'teacher_count',
        'is_demo',
      ],
      list.map((s): CopyValue[] => [
        s.code,
        s.municipality,
        `Сгенерированная школа ${s.code} (демо)`,
        `Ген. СОШ ${s.code}`,
        'СОШ',
        'municipal',
        s.urban ? 'urban' : 'rural',
        s.students,
        Math.max(5, Math.round(s.students / 12)),
        true,
      ]),
    );
    log(`Школ: ${list.length}`);

    function* participantRows(): Generator<CopyValue[]> {
      let left = options.participants;
      for (let i = 0; i < list.length && left > 0; i++) {
        const school = list[i]!;
        const share = i === list.length - 1 ? left : Math.round((options.participants * school.students) / capacity);
        const rows = Math.min(left, share);
        left -= rows;
        const rng = new SeededRandom(`${options.seed}:${school.code}`);
        for (let n = 0; n < rows; n++) {
          const ege = n % 7 >= 4;
          const subjects = ege ? EGE_SUBJECTS : OGE_SUBJECTS;
          const subject = subjects[n % subjects.length]!;
          const person = Math.floor(n / subjects.length);
          const quality = rng.normal(0.55 + school.strength * 0.12, 0.18, 0, 1);
          const primary = Math.round(quality * (ege ? 50 : 31));
          const mark = ege ? null : quality < 0.25 ? 2 : quality < 0.5 ? 3 : quality < 0.75 ? 4 : 5;
          yield [
            `${school.code}-${ege ? 'e' : 'o'}${person}`,
            ege ? 'EGE' : 'OGE',
            year,
            subject,
            school.code,
            ege ? 11 : 9,
            primary,
            ege ? Math.min(100, Math.round(quality * 100)) : null,
            mark,
            true,
          ];
        }
      }
    }
    const participants = await copyRows(
      client,
      'participant_result',
      [
        'participant_code',
        'procedure_code',
        'year',
        'subject_code',
        'school_code',
        'grade',
        'primary_score',
        'test_score',
        'mark',
        'is_demo',
      ],
      participantRows(),
    );
    log(`Участников: ${participants}`);
    await client.query('COMMIT');
    // Statistics for the derivation's plan: the table just grew by millions of rows.
    await client.query('ANALYZE participant_result');
    const derived = await dataSource.transaction((em) => recomputeSchoolResults(em, { years: [year] }));
    log(`Результатов школ выведено: ${derived.upserted}`);
    return {
      schools: list.length,
      participants,
      schoolResults: derived.upserted,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
