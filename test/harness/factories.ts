import type { TestHub } from './hub';

export interface SchoolRow {
  code: string;
  municipality_code: string;
  full_name: string;
  short_name: string | null;
  type: string | null;
  locality: 'urban' | 'rural' | null;
  student_count: number | null;
  teacher_count: number | null;
  distance_to_tomsk_km: number | null;
  year_round_road: boolean | null;
  is_demo: boolean;
  cluster_code: string | null;
}

let sequence = 0;

/** Inserts a school with sensible defaults; returns the row as PostgreSQL stored it (cluster derived). */
export async function createSchool(hub: TestHub, overrides: Partial<SchoolRow> = {}): Promise<SchoolRow> {
  sequence += 1;
  const row = {
    code: `sch7t${String(sequence).padStart(4, '0')}${Math.random().toString(36).slice(2, 5)}`,
    municipality_code: 'tomsk',
    full_name: `Тестовая школа № ${sequence}`,
    short_name: null,
    type: 'СОШ',
    locality: 'urban',
    student_count: 500,
    teacher_count: 40,
    distance_to_tomsk_km: null,
    year_round_road: null,
    is_demo: false,
    ...overrides,
  };
  const columns = Object.keys(row);
  const [stored] = await hub.sql<SchoolRow>(
    `INSERT INTO school (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
    Object.values(row),
  );
  return stored!;
}
