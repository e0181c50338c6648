import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const AGGREGATE = `query ($indicator: String!, $groupBy: GroupBy!, $filter: AggregateFilter) {
  aggregate(indicator: $indicator, groupBy: $groupBy, filter: $filter) {
    indicator groupBy version computedAt rows { key label value numerator denominator }
  }
}`;

type Row = { key: string; label: string; value: number | null; numerator: number; denominator: number };
const aggregate = async (indicator: string, groupBy: string, filter?: Record<string, unknown>) =>
  (await hub.gqlOk<{ aggregate: { rows: Row[]; version: number } }>(AGGREGATE, { indicator, groupBy, filter }))
    .aggregate;

describe('the indicator catalogue', () => {
  it('describes each indicator: title, unit, definition, domain, filters', async () => {
    const { indicators } = await hub.gqlOk(
      '{ indicators { code title unit description domain filters numerator denominator } }',
    );
    expect(indicators.find((i: { code: string }) => i.code === 'schools.count')).toEqual({
      code: 'schools.count',
      title: 'Число школ',
      unit: 'школ',
      description: 'Общеобразовательные организации в реестре хаба',
      domain: 'school',
      filters: [],
      numerator: 'школы',
      denominator: 'школы',
    });
  });
});

describe('aggregate', () => {
  it('sums by region, municipality, cluster and school consistently', async () => {
    const region = await aggregate('schools.count', 'REGION');
    expect(region.rows).toEqual([
      { key: 'region', label: 'Томская область', value: 299, numerator: 299, denominator: 299 },
    ]);

    const byMunicipality = await aggregate('schools.count', 'MUNICIPALITY');
    expect(byMunicipality.rows).toHaveLength(20);
    const { municipalities } = await hub.gqlOk<{ municipalities: { code: string; schoolCount: number }[] }>(
      '{ municipalities { code schoolCount } }',
    );
    expect(byMunicipality.rows.map((r) => [r.key, r.value])).toEqual(
      municipalities.map((m) => [m.code, m.schoolCount]),
    );

    const byCluster = await aggregate('schools.count', 'CLUSTER');
    expect(byCluster.rows.map((r) => r.key)).toEqual(['K5', 'K1', 'K2', 'K3', 'K4']);
    expect(byCluster.rows.reduce((s, r) => s + r.numerator, 0)).toBe(299);
    expect(byCluster.rows[1]!.label).toBe('К1 · Городские крупные');

    const bySchool = await aggregate('schools.count', 'SCHOOL');
    expect(bySchool.rows).toHaveLength(299);
    expect(bySchool.rows[0]).toMatchObject({ key: 'sch700001', label: 'МАОУ СОШ №2 с. Александровское', value: 1 });
  });

  it('filters by municipality, cluster and demo data', async () => {
    expect((await aggregate('schools.count', 'REGION', { includeDemo: false })).rows[0]!.value).toBe(65);
    const two = await aggregate('schools.count', 'MUNICIPALITY', { municipalityCodes: ['tomsky', 'tomsk'] });
    expect(two.rows.map((r) => [r.key, r.value])).toEqual([
      ['tomsk', 77],
      ['tomsky', 38],
    ]);
    const k5 = await aggregate('schools.count', 'MUNICIPALITY', { clusterCodes: ['K5'] });
    expect(k5.rows.find((r) => r.key === 'tomsk')!.value).toBe(0);
    expect(k5.rows.find((r) => r.key === 'strezhevoy')!.value).toBe(7);
  });

  it('refuses an unknown indicator and a filter the indicator does not support', async () => {
    const unknown = await hub.gql(AGGREGATE, { indicator: 'schools.cnt', groupBy: 'REGION' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('AGGREGATE_UNKNOWN_INDICATOR');
    expect(unknown.errors?.[0]?.message).toMatch(/Неизвестный показатель «schools\.cnt»/);
    const unsupported = await hub.gql(AGGREGATE, {
      indicator: 'schools.count',
      groupBy: 'REGION',
      filter: { year: 2025 },
    });
    expect(unsupported.errors?.[0]?.extensions?.code).toBe('AGGREGATE_UNSUPPORTED_FILTER');
    expect(unsupported.errors?.[0]?.message).toMatch(/не поддерживает фильтр year/);
  });

  it('sees a committed change at once (the cache is keyed by the change version)', async () => {
    const before = await aggregate('schools.count', 'REGION');
    await hub.sql(
      `INSERT INTO school (code, municipality_code, full_name) VALUES ('sch799999', 'tomsk', 'Новая школа')`,
    );
    const after = await aggregate('schools.count', 'REGION');
    expect(after.rows[0]!.value).toBe(before.rows[0]!.value! + 1);
    expect(after.version).toBeGreaterThan(before.version);
    await hub.sql(`DELETE FROM school WHERE code = 'sch799999'`);
    expect((await aggregate('schools.count', 'REGION')).rows[0]!.value).toBe(before.rows[0]!.value);
  });

  it('keeps a question current school by school: a write re-reads only the schools it names', async () => {
    const filter = { year: 2025, procedure: 'VPR' };
    const [target] = await hub.sql<{ school_code: string; municipality_code: string }>(
      `SELECT r.school_code, s.municipality_code FROM assessment_result r JOIN school s ON s.code = r.school_code
        WHERE r.year = 2025 AND r.procedure_code = 'VPR' AND r.count3 > 0 ORDER BY r.school_code LIMIT 1`,
    );
    const before = await aggregate('assessment.share_2', 'MUNICIPALITY', filter);
    const reads = await factReads();
    await hub.sql(
      `UPDATE assessment_result SET count2 = count2 + 1, count3 = count3 - 1
        WHERE school_code = $1 AND year = 2025 AND procedure_code = 'VPR' AND count3 > 0
          AND (subject_code, grade) = (SELECT subject_code, grade FROM assessment_result
                WHERE school_code = $1 AND year = 2025 AND procedure_code = 'VPR' AND count3 > 0
                ORDER BY subject_code, grade LIMIT 1)`,
      [target!.school_code],
    );
    // Once the change has reached the server, the next answer reads that school and nothing else.
    await expect.poll(async () => (await factReads()).notified, { timeout: 5000 }).toBeGreaterThan(reads.notified);
    const after = await aggregate('assessment.share_2', 'MUNICIPALITY', filter);
    const moved = (rows: Row[]) => rows.find((r) => r.key === target!.municipality_code)!;
    expect(moved(after.rows).numerator).toBe(moved(before.rows).numerator + 1);
    expect(moved(after.rows).denominator).toBe(moved(before.rows).denominator);
    for (const row of after.rows.filter((r) => r.key !== target!.municipality_code)) {
      expect(row).toEqual(before.rows.find((r) => r.key === row.key));
    }
    const now = await factReads();
    expect(now.schools).toBe(reads.schools + 1);
    expect(now.whole, 'no whole read after the first').toBe(reads.whole);
  });

  it('follows a school to another municipality and a renamed municipality', async () => {
    const [school] = await hub.sql<{ code: string; municipality_code: string }>(
      `SELECT code, municipality_code FROM school WHERE municipality_code <> 'seversk' ORDER BY code LIMIT 1`,
    );
    const count = async (municipality: string) =>
      (await aggregate('schools.count', 'MUNICIPALITY')).rows.find((r) => r.key === municipality)!;
    const from = (await count(school!.municipality_code)).value!;
    const to = (await count('seversk')).value!;
    await hub.sql(`UPDATE school SET municipality_code = 'seversk' WHERE code = $1`, [school!.code]);
    expect((await count(school!.municipality_code)).value).toBe(from - 1);
    expect((await count('seversk')).value).toBe(to + 1);
    await hub.sql(`UPDATE school SET municipality_code = $2 WHERE code = $1`, [
      school!.code,
      school!.municipality_code,
    ]);
    const [{ name } = { name: '' }] = await hub.sql<{ name: string }>(
      `SELECT name FROM municipality WHERE code = 'seversk'`,
    );
    await hub.sql(`UPDATE municipality SET name = 'ЗАТО Северск (переименован)' WHERE code = 'seversk'`);
    expect((await count('seversk')).label).toBe('ЗАТО Северск (переименован)');
    await hub.sql(`UPDATE municipality SET name = $1 WHERE code = 'seversk'`, [name]);
    expect((await count('seversk')).label).toBe(name);
    expect((await count('seversk')).value).toBe(to);
  });
});

/** From the server's metrics: its fact reads, whole and by school, and the assessment changes it was told of. */
async function factReads(): Promise<{ whole: number; schools: number; notified: number }> {
  const text = await (await fetch(`${hub.url}metrics`)).text();
  const count = (series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(series + ' '));
    return Number(line?.slice(series.length + 1) ?? 0);
  };
  return {
    whole: count('hub_aggregate_fact_reads_total{scope="whole"}'),
    schools: count('hub_aggregate_fact_reads_total{scope="schools"}'),
    notified: count('hub_change_notifications_total{domain="assessment"}'),
  };
}
