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
});
