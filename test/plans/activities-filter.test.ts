import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setPlansClock } from '../../server/src/modules/plans/clock';
import { startTestHub, type TestHub } from '../harness/hub';

// Reference plans without demo progress: every progress row here is recorded by the test.
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ template: 'empty', seedDemo: false });
  const record = (planCode: string, activityNumber: string, target: Record<string, unknown>, status: string) =>
    hub.gqlOk(`mutation ($input: RecordActivityProgressInput!) { recordActivityProgress(input: $input) { status } }`, {
      input: { planCode, activityNumber, target, status },
    });
  await record('shnor-roadmap-2023', '1', { level: 'REGION' }, 'DONE');
  await record('shnor-roadmap-2023', '2', { level: 'REGION' }, 'IN_PROGRESS');
  await record('shnor-roadmap-2023', '10', { level: 'MUNICIPALITY', municipalityCode: 'tomsk' }, 'DONE');
  await record('shnor-roadmap-2023', '14', { level: 'MUNICIPALITY', municipalityCode: 'kedrovy' }, 'IN_PROGRESS');
  const [tomskSchool] = await hub.sql(
    `SELECT code FROM school WHERE municipality_code = 'tomsk' ORDER BY code LIMIT 1`,
  );
  await record('shnor-roadmap-2023', '11', { level: 'SCHOOL', schoolCode: tomskSchool!.code }, 'PLANNED');
});
afterAll(() => hub?.close());
afterEach(() => setPlansClock(null));

async function ids(filter: Record<string, unknown>): Promise<string[]> {
  const { activities } = await hub.gqlOk<{ activities: { id: string }[] }>(
    `query ($filter: ActivityFilter) { activities(filter: $filter) { id } }`,
    { filter },
  );
  return activities.map((a) => a.id);
}

describe('activities(filter)', () => {
  it('lists every activity of every plan in order without a filter', async () => {
    const all = await ids({});
    expect(all).toHaveLength(81);
    expect(all[0]).toBe('shnor-roadmap-2023:1');
    expect(all.at(-1)).toBe('seminar-decisions-2021:10');
  });

  it('planCode', async () => {
    expect(await ids({ planCode: 'school-ministry-2025' })).toEqual(
      Array.from({ length: 13 }, (_, i) => `school-ministry-2025:${i + 1}`),
    );
    expect(await ids({ planCode: 'nope' })).toEqual([]);
  });

  it('status, derived from progress (no progress is PLANNED)', async () => {
    expect(await ids({ status: 'DONE' })).toEqual(['shnor-roadmap-2023:1', 'shnor-roadmap-2023:10']);
    expect(await ids({ status: 'IN_PROGRESS' })).toEqual(['shnor-roadmap-2023:2', 'shnor-roadmap-2023:14']);
    const planned = await ids({ status: 'PLANNED', planCode: 'shnor-roadmap-2023' });
    expect(planned).toHaveLength(31);
    expect(planned).toContain('shnor-roadmap-2023:11');
  });

  it('overdue, against the fixed date', async () => {
    setPlansClock({ now: () => new Date('2023-04-01T03:00:00Z') });
    // Ended by 31 March and not done: 2, 5, 6, 7, 8, 15, 28 (1 is done).
    const overdue = await ids({ overdue: true, planCode: 'shnor-roadmap-2023' });
    expect(overdue).toEqual(['2', '5', '6', '7', '8', '15', '28'].map((n) => `shnor-roadmap-2023:${n}`));
    expect(await ids({ overdue: false, planCode: 'shnor-roadmap-2023' })).toHaveLength(35 - 7);
    expect(await ids({ overdue: true, status: 'IN_PROGRESS' })).toEqual(['shnor-roadmap-2023:2']);
  });

  it('municipalityCode: targets in the municipality or its schools, and МОУО work not yet assigned', async () => {
    const tomsk = await ids({ municipalityCode: 'tomsk', planCode: 'shnor-roadmap-2023' });
    // 10 has a Tomsk target, 11 a Tomsk school; 13, 18 and 22 are МОУО work with no progress anywhere yet;
    // 14 is МОУО work already assigned to Kedrovy only; 19 (municipal, by ТОИПКРО) and region-scope
    // activities match only through targets.
    expect(tomsk).toEqual(['10', '11', '13', '18', '22'].map((n) => `shnor-roadmap-2023:${n}`));
    const kedrovy = await ids({ municipalityCode: 'kedrovy', planCode: 'shnor-roadmap-2023' });
    expect(kedrovy).toEqual(['13', '14', '18', '22'].map((n) => `shnor-roadmap-2023:${n}`));
    const ministry = await ids({ municipalityCode: 'kedrovy', planCode: 'school-ministry-2025' });
    expect(ministry).toEqual(['2', '4', '5', '11', '13'].map((n) => `school-ministry-2025:${n}`));
  });

  it('combines conditions', async () => {
    expect(await ids({ municipalityCode: 'tomsk', status: 'DONE' })).toEqual(['shnor-roadmap-2023:10']);
  });
});
