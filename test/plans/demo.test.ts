import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setPlansClock } from '../../server/src/modules/plans/clock';
import { loadDemoSchools } from '../../server/src/seed/demo/school-profile';
import { selectWeakestSchools } from '../../server/src/seed/demo/weakest-schools';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());
afterEach(() => setPlansClock(null));

describe('demo progress', () => {
  it('is labelled: every row is demo and recorded by a demo person', async () => {
    for (const table of ['activity_progress', 'activity_progress_change']) {
      const [row] = await hub.sql(
        `SELECT count(*)::int AS total,
                count(*) FILTER (WHERE is_demo AND recorded_by LIKE '%(демо)' AND recorded_by_id LIKE 'demo-%')::int AS labelled
           FROM ${table}`,
      );
      expect(row!.total, table).toBeGreaterThan(1000);
      expect(row!.labelled, table).toBe(row!.total);
    }
    const names = await hub.sql(
      `SELECT DISTINCT regexp_replace(recorded_by, '\\d+', 'N') AS name FROM activity_progress_change ORDER BY 1`,
    );
    expect(names.map((r) => r.name)).toEqual([
      'Куратор N (демо)',
      'Муниципальный координатор (демо)',
      'Региональный координатор (демо)',
    ]);
    const links = await hub.sql(
      `SELECT DISTINCT substring(evidence_url from '^https://[^/]+/') AS host FROM activity_progress WHERE evidence_url IS NOT NULL`,
    );
    expect(links).toEqual([{ host: 'https://demo.example.org/' }]);
  });

  it('the ШНОР school work targets the 68 weakest schools in 17 municipalities, by demo strength', async () => {
    const targets = await hub.sql(
      `SELECT p.school_code, p.municipality_code FROM activity_progress p JOIN plan_activity a ON a.id = p.activity_id
        WHERE a.plan_code = 'shnor-roadmap-2023' AND a.number = '11' ORDER BY p.school_code`,
    );
    expect(targets).toHaveLength(68);
    expect(new Set(targets.map((t) => t.municipality_code)).size).toBe(17);
    const weakest = selectWeakestSchools(await loadDemoSchools(hub.hub.dataSource.manager), {
      count: 68,
      municipalities: 17,
    });
    expect(targets.map((t) => t.school_code)).toEqual(weakest.map((s) => s.code).sort());
    const municipal = await hub.sql(
      `SELECT DISTINCT p.municipality_code FROM activity_progress p JOIN plan_activity a ON a.id = p.activity_id
        WHERE a.plan_code = 'shnor-roadmap-2023' AND a.scope = 'municipality' ORDER BY 1`,
    );
    expect(municipal.map((m) => m.municipality_code)).toEqual(
      [...new Set(weakest.map((s) => s.municipalityCode))].sort(),
    );
  });

  it('each target’s history ends in its current state, oldest first from a planned registration', async () => {
    const [row] = await hub.sql(`
      WITH ordered AS (
        SELECT h.*, row_number() OVER (PARTITION BY activity_id, target_key ORDER BY recorded_at DESC, id DESC) AS newest,
                    row_number() OVER (PARTITION BY activity_id, target_key ORDER BY recorded_at, id) AS oldest
          FROM activity_progress_change h)
      SELECT count(*) FILTER (WHERE o.newest = 1 AND (o.status <> p.status OR o.recorded_at <> p.recorded_at))::int AS mismatched,
             count(*) FILTER (WHERE o.oldest = 1 AND (o.status <> 'planned' OR o.previous_status IS NOT NULL))::int AS bad_first,
             count(DISTINCT (o.activity_id, o.target_key))::int AS targets
        FROM ordered o JOIN activity_progress p ON p.activity_id = o.activity_id AND p.target_key = o.target_key`);
    const [current] = await hub.sql(`SELECT count(*)::int AS n FROM activity_progress`);
    expect(row).toEqual({ mismatched: 0, bad_first: 0, targets: current!.n });
  });

  it('tells a believable story as of 23 November 2026', async () => {
    setPlansClock({ now: () => new Date('2026-11-23T05:00:00Z') });
    const { plans } = await hub.gqlOk<{ plans: any[] }>(`{ plans { code activityCount doneShare overdueCount } }`);
    const byCode = Object.fromEntries(plans.map((p) => [p.code, p]));
    // The 2023 roadmap: most activities done, a few not, some overdue.
    expect(byCode['shnor-roadmap-2023'].doneShare).toBeGreaterThan(0.7);
    expect(byCode['shnor-roadmap-2023'].doneShare).toBeLessThan(1);
    expect(byCode['shnor-roadmap-2023'].overdueCount).toBeGreaterThan(0);
    // The 2025 plans: mixed, with some overdue.
    for (const code of ['school-ministry-2025', 'regional-model-2025']) {
      expect(byCode[code].doneShare, code).toBeGreaterThan(0.2);
      expect(byCode[code].doneShare, code).toBeLessThan(1);
      expect(byCode[code].overdueCount, code).toBeGreaterThan(0);
    }
  });
});
