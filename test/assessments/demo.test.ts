import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

it('seeds ВПР, ОГЭ and ЕГЭ results for 2023–2025, all labelled demo', async () => {
  const rows = await hub.sql<{ procedure_code: string; year: number; n: number; demo: boolean; sources: string }>(
    `SELECT procedure_code, year, count(*)::int AS n, bool_and(is_demo) AS demo, string_agg(DISTINCT source::text, ',') AS sources
       FROM assessment_result GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const by = (p: string) => rows.filter((r) => r.procedure_code === p);
  for (const p of ['VPR', 'OGE', 'EGE']) expect(by(p).map((r) => r.year)).toEqual([2023, 2024, 2025]);
  expect(rows.every((r) => r.demo)).toBe(true);
  expect(by('VPR').every((r) => r.sources === 'reported')).toBe(true);
  expect(by('OGE').every((r) => r.sources === 'derived')).toBe(true);
  expect(by('EGE').every((r) => r.sources === 'derived')).toBe(true);
  const participants = await hub.sql<{ n: number; demo: boolean }>(
    `SELECT count(*)::int AS n, bool_and(is_demo) AS demo FROM participant_result`,
  );
  expect(participants[0]!.demo).toBe(true);
  expect(participants[0]!.n).toBeLessThan(250_000);
});

it('derives every ОГЭ and ЕГЭ school row from the participant rows', async () => {
  const mismatches = await hub.sql(
    `SELECT r.id FROM assessment_result r
       LEFT JOIN (SELECT school_code, procedure_code, year, subject_code, grade, count(*)::int AS n
                    FROM participant_result GROUP BY 1, 2, 3, 4, 5) p
              USING (school_code, procedure_code, year, subject_code, grade)
      WHERE r.procedure_code IN ('OGE', 'EGE') AND r.participants IS DISTINCT FROM p.n`,
  );
  expect(mismatches).toEqual([]);
});

it('gives each school the procedures its type allows', async () => {
  const rows = await hub.sql<{ type: string; procedures: string; grades: number[] }>(
    `SELECT s.type, string_agg(DISTINCT r.procedure_code, ',' ORDER BY r.procedure_code) AS procedures,
            array_agg(DISTINCT r.grade ORDER BY r.grade) AS grades
       FROM assessment_result r JOIN school s ON s.code = r.school_code GROUP BY s.type`,
  );
  const of = (type: string) => rows.find((r) => r.type === type)!;
  expect(of('НОШ')).toMatchObject({ procedures: 'VPR', grades: [4] });
  expect(of('ООШ')).toMatchObject({ procedures: 'OGE,VPR', grades: [4, 5, 6, 7, 8, 9] });
  expect(of('гимназия').procedures).toBe('EGE,OGE,VPR');
});

it('labels the ШНОР lists demo and lists 68 schools in 17 municipalities in 2023', async () => {
  const { shnorListings } = await hub.gqlOk(
    '{ shnorListings(year: 2023) { isDemo curator category programmeStatus school { municipality { code } } } }',
  );
  expect(shnorListings).toHaveLength(68);
  expect(shnorListings.every((l: { isDemo: boolean }) => l.isDemo)).toBe(true);
  expect(new Set(shnorListings.map((l: any) => l.school.municipality.code)).size).toBe(17);
  expect(shnorListings.every((l: { curator: string }) => /^Куратор \d+ \(демо\)$/.test(l.curator))).toBe(true);
  const years = (await hub.gqlOk('{ shnorListings { year } }')).shnorListings.map((l: { year: number }) => l.year);
  expect(new Set(years)).toEqual(new Set([2023, 2024, 2025]));
});

it('shows the demo story: some schools meet the ШНОР-candidate rule, most of the 2025 list among them', async () => {
  const { shnorCandidates } = await hub.gqlOk('{ shnorCandidates(year: 2024) { schoolCode listed } }');
  expect(shnorCandidates.length).toBeGreaterThan(30);
  expect(shnorCandidates.length).toBeLessThan(200);
  expect(shnorCandidates.filter((c: { listed: boolean }) => c.listed).length).toBeGreaterThan(40);
});
