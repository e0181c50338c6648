import type { EntityManager } from 'typeorm';
import { SeededRandom } from '../random';

/** What demo generators know of a school. */
export interface DemoSchool {
  code: string;
  municipalityCode: string;
  type: string | null;
  locality: 'urban' | 'rural' | null;
  studentCount: number | null;
  distanceToTomskKm: number | null;
  yearRoundRoad: boolean | null;
  /**
   * The school's latent strength, roughly −2 (struggling) … +2 (strong): the one
   * source of every demo figure, so that the domains tell the same story — a weak
   * remote school has ВСОКО risks, low self-diagnostics, many «2» and a place on
   * the ШНОР list; a gymnasium in Tomsk does well everywhere.
   */
  strength: number;
}

const TYPE_EFFECT: Record<string, number> = {
  гимназия: 0.9,
  лицей: 0.9,
  СОШ: 0,
  'СОШ-интернат': -0.3,
  ООШ: -0.35,
  НОШ: -0.1,
  коррекционная: -0.7,
};

/** Deterministic per school: attributes plus a fixed per-code noise. */
export function schoolStrength(school: Omit<DemoSchool, 'strength'>): number {
  let strength = TYPE_EFFECT[school.type ?? 'СОШ'] ?? 0;
  if (school.locality === 'urban') strength += 0.3;
  const distance = school.distanceToTomskKm ?? 0;
  if (distance > 100) strength -= 0.35 * Math.log(distance / 100);
  if (school.yearRoundRoad === false) strength -= 0.45;
  if ((school.studentCount ?? 0) < 60) strength -= 0.25;
  strength += new SeededRandom(`strength:${school.code}`).normal(0, 0.45);
  return Math.max(-2, Math.min(2, strength));
}

/** Codes of the synthetic national-scale schools of `hub generate` start with this (one generation per database). */
export const GENERATED_PREFIX = 'gen';

/**
 * Every school of the region (real and demo) with its demo strength, in code order. Not the
 * synthetic schools of `hub generate`, which come with their own generated results: demo data
 * for tens of thousands of them, built in memory at once, ran the demo seed out of memory.
 */
export async function loadDemoSchools(em: EntityManager): Promise<DemoSchool[]> {
  const rows: Omit<DemoSchool, 'strength'>[] = await em.query(
    `SELECT code, municipality_code AS "municipalityCode", type, locality, student_count AS "studentCount",
            distance_to_tomsk_km AS "distanceToTomskKm", year_round_road AS "yearRoundRoad"
       FROM school WHERE code NOT LIKE $1 ORDER BY code`,
    [`${GENERATED_PREFIX}%`],
  );
  return rows.map((row) => ({ ...row, strength: schoolStrength(row) }));
}
