import type { GraphqlClient } from '../harness/client';
import type { TestHub } from '../harness/hub';
import { createUser, Role } from '../harness/users';

/** Every school code anywhere in a response (School.code, schoolCode, aggregate row keys…). */
export function schoolCodesIn(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (/^sch\d{6}$/.test(value)) found.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) schoolCodesIn(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) schoolCodesIn(item, found);
  }
  return found;
}

export type RoleName = 'admin' | 'analyst' | 'officer' | 'coordinator' | 'expert' | 'curator';
export const ROLE_NAMES: RoleName[] = ['admin', 'analyst', 'officer', 'coordinator', 'expert', 'curator'];

export interface Caller {
  name: RoleName;
  client: GraphqlClient;
  /** Whether the role's scope holds the school. */
  sees(code: string): boolean;
  /** A school in its scope, to start chained paths from. */
  home: string;
}

/** A school outside every scoped caller's scope (г. Томск, in the 2024 ВСОКО sample). */
export const FOREIGN = 'sch700017';

/**
 * One caller per role on the seeded data: a municipal officer of Томский
 * район, the coordinator of sch700053 (Томский район), an expert assigned a
 * school there and one in Александровский район, a curator of two ШНОР schools.
 */
export async function callersOf(hub: TestHub): Promise<Record<RoleName, Caller>> {
  const municipalityOf = new Map(
    (await hub.sql<{ code: string; municipality_code: string }>('SELECT code, municipality_code FROM school')).map(
      (r) => [r.code, r.municipality_code],
    ),
  );
  const shnor = await hub.sql<{ school_code: string; municipality_code: string }>(
    `SELECT DISTINCT ON (s.municipality_code = 'tomsky') l.school_code, s.municipality_code
       FROM shnor_listing l JOIN school s ON s.code = l.school_code
      WHERE l.year = 2024 AND s.municipality_code <> 'tomsk' AND l.school_code <> 'sch700001'
      ORDER BY s.municipality_code = 'tomsky', l.school_code`,
  );
  const curated = shnor.map((r) => r.school_code);
  const assignedTo = (codes: string[]) => (code: string) => codes.includes(code);
  const officer = await createUser(hub, { role: Role.MUNICIPAL_OFFICER, municipalityCode: 'tomsky' });
  const coordinator = await createUser(hub, { role: Role.SCHOOL_COORDINATOR, schoolCode: 'sch700053' });
  const expert = await createUser(hub, { role: Role.EXPERT, assignedSchools: ['sch700054', 'sch700001'] });
  const curator = await createUser(hub, { role: Role.CURATOR, assignedSchools: curated });
  const analyst = await createUser(hub, { role: Role.REGION_ANALYST });
  return {
    admin: { name: 'admin', client: hub.admin, sees: () => true, home: 'sch700053' },
    analyst: { name: 'analyst', client: analyst.client, sees: () => true, home: 'sch700053' },
    officer: {
      name: 'officer',
      client: officer.client,
      sees: (code) => municipalityOf.get(code) === 'tomsky',
      home: 'sch700053',
    },
    coordinator: {
      name: 'coordinator',
      client: coordinator.client,
      sees: assignedTo(['sch700053']),
      home: 'sch700053',
    },
    expert: { name: 'expert', client: expert.client, sees: assignedTo(['sch700054', 'sch700001']), home: 'sch700001' },
    curator: { name: 'curator', client: curator.client, sees: assignedTo(curated), home: curated[0]! },
  };
}
