import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool } from '../harness/factories';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ template: 'empty', seedDemo: false });
});
afterAll(() => hub?.close());

describe('clusters', () => {
  it('lists the five default clusters with their rules in words', async () => {
    const { clusters } = await hub.gqlOk('{ clusters { code shortName name description schoolCount } }');
    expect(clusters.map((c: { code: string }) => c.code)).toEqual(['K5', 'K1', 'K2', 'K3', 'K4']);
    expect(clusters[1]).toMatchObject({
      shortName: 'К1',
      name: 'Городские крупные',
      description: 'Городские; не менее 700 обучающихся',
    });
  });

  it.each([
    ['urban, 700 students', { locality: 'urban', student_count: 700 }, 'K1'],
    ['urban, 699 students', { locality: 'urban', student_count: 699 }, 'K2'],
    ['rural, 100 km, road', { locality: 'rural', municipality_code: 'tomsky', distance_to_tomsk_km: 100 }, 'K3'],
    ['rural, 101 km, road', { locality: 'rural', municipality_code: 'asinovsky', distance_to_tomsk_km: 101 }, 'K4'],
    ['rural, 100.5 km, road', { locality: 'rural', municipality_code: 'asinovsky', distance_to_tomsk_km: 100.5 }, 'K4'],
    [
      'urban without a year-round road, 1500 students',
      { locality: 'urban', municipality_code: 'strezhevoy', student_count: 1500 },
      'K5',
    ],
    [
      'rural, 30 km, explicitly no road',
      { locality: 'rural', municipality_code: 'tomsky', distance_to_tomsk_km: 30, year_round_road: false },
      'K5',
    ],
    ['urban, size unknown', { locality: 'urban', student_count: null }, null],
    ['locality unknown', { locality: null }, null],
  ])('%s → %s', async (_label, overrides, cluster) => {
    const school = await createSchool(hub, overrides as never);
    expect(school.cluster_code).toBe(cluster);
  });

  it("takes the municipality's distance and road when the school gives none", async () => {
    const school = await createSchool(hub, { locality: 'rural', municipality_code: 'kargasoksky' });
    expect(school.distance_to_tomsk_km).toBe(460);
    expect(school.year_round_road).toBe(true);
    expect(school.cluster_code).toBe('K4');
    const northern = await createSchool(hub, { locality: 'rural', municipality_code: 'aleksandrovsky' });
    expect(northern.year_round_road).toBe(false);
    expect(northern.cluster_code).toBe('K5');
  });

  it('re-clusters a school when its data change', async () => {
    const school = await createSchool(hub, { locality: 'urban', student_count: 650 });
    expect(school.cluster_code).toBe('K2');
    const [updated] = await hub.sql(`UPDATE school SET student_count = 720 WHERE code = $1 RETURNING cluster_code`, [
      school.code,
    ]);
    expect(updated!.cluster_code).toBe('K1');
  });

  it('re-clusters every school when the department edits a rule', async () => {
    const school = await createSchool(hub, { locality: 'urban', student_count: 750 });
    expect(school.cluster_code).toBe('K1');
    await hub.sql(`UPDATE cluster SET students_at_least = 800 WHERE code = 'K1'`);
    await hub.sql(`UPDATE cluster SET students_below = 800 WHERE code = 'K2'`);
    const [after] = await hub.sql(`SELECT cluster_code FROM school WHERE code = $1`, [school.code]);
    expect(after!.cluster_code).toBe('K2');
    const { clusters } = await hub.gqlOk('{ clusters { code description } }');
    expect(clusters.find((c: { code: string }) => c.code === 'K1').description).toBe(
      'Городские; не менее 800 обучающихся',
    );
    await hub.sql(`UPDATE cluster SET students_at_least = 700 WHERE code = 'K1'`);
    await hub.sql(`UPDATE cluster SET students_below = 700 WHERE code = 'K2'`);
    const [restored] = await hub.sql(`SELECT cluster_code FROM school WHERE code = $1`, [school.code]);
    expect(restored!.cluster_code).toBe('K1');
  });

  it('counts schools per cluster', async () => {
    const { clusters } = await hub.gqlOk('{ clusters { code schoolCount } }');
    const count = (
      await hub.sql<{ count: number }>(`SELECT count(*)::int AS count FROM school WHERE cluster_code = 'K5'`)
    )[0]!.count;
    expect(clusters.find((c: { code: string }) => c.code === 'K5').schoolCount).toBe(count);
  });
});
