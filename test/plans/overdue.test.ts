import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setPlansClock } from '../../server/src/modules/plans/clock';
import { startTestHub, type TestHub } from '../harness/hub';

// Reference data only (no demo progress), so every status here is one the test recorded.
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ template: 'empty', seedDemo: false });
});
afterAll(() => hub?.close());
afterEach(() => setPlansClock(null));

/** Fixes "now"; Tomsk is UTC+7, so 17:00 UTC is midnight there. */
const at = (iso: string) => setPlansClock({ now: () => new Date(iso) });

async function activity(id: string) {
  const { activity } = await hub.gqlOk<{ activity: any }>(
    `query ($id: ID!) { activity(id: $id) { status overdue progressSummary { targets overdue } progress { status overdue } } }`,
    { id },
  );
  return activity;
}

async function overdueCount(code: string): Promise<number> {
  return (await hub.gqlOk<{ plan: any }>(`query ($code: String!) { plan(code: $code) { overdueCount } }`, { code }))
    .plan.overdueCount;
}

const record = (
  activityNumber: string,
  target: Record<string, unknown>,
  status: string,
  planCode = 'shnor-roadmap-2023',
) =>
  hub.gqlOk(`mutation ($input: RecordActivityProgressInput!) { recordActivityProgress(input: $input) { status } }`, {
    input: { planCode, activityNumber, target, status },
  });

describe('overdue on and around the deadline day (Tomsk time)', () => {
  // Activity 31 «Май 2023»: the last day is 2023-05-31.
  it('is not overdue until the deadline day is over in Tomsk', async () => {
    at('2023-05-31T16:59:59Z'); // 23:59:59 on 31 May in Tomsk
    expect(await activity('shnor-roadmap-2023:31')).toMatchObject({ status: 'PLANNED', overdue: false });
    at('2023-05-31T17:00:00Z'); // 00:00 on 1 June in Tomsk, still 31 May in UTC
    expect(await activity('shnor-roadmap-2023:31')).toMatchObject({ status: 'PLANNED', overdue: true });
  });

  it('stays overdue while in progress and stops once done', async () => {
    at('2023-06-01T03:00:00Z');
    await record('31', { level: 'REGION' }, 'IN_PROGRESS');
    expect(await activity('shnor-roadmap-2023:31')).toMatchObject({
      status: 'IN_PROGRESS',
      overdue: true,
      progress: [{ status: 'IN_PROGRESS', overdue: true }],
    });
    await record('31', { level: 'REGION' }, 'DONE');
    expect(await activity('shnor-roadmap-2023:31')).toMatchObject({
      status: 'DONE',
      overdue: false,
      progress: [{ status: 'DONE', overdue: false }],
    });
  });

  it('counts in the plan’s overdueCount from the day after', async () => {
    // Roadmap activities end on 31 March, 30 April, 31 May, 30 June… of 2023.
    at('2023-03-31T10:00:00Z');
    const onLastDay = await overdueCount('shnor-roadmap-2023');
    at('2023-04-01T10:00:00Z');
    const dayAfter = await overdueCount('shnor-roadmap-2023');
    // Activities 2, 5, 6, 7, 8, 15, 28 end in March; activity 1 (January–March) too.
    expect(dayAfter - onLastDay).toBe(8);
  });
});

describe('per-target overdue', () => {
  it('a school’s progress is overdue after the activity’s end unless that school is done', async () => {
    at('2023-04-15T05:00:00Z');
    await record('11', { level: 'SCHOOL', schoolCode: 'sch700001' }, 'IN_PROGRESS');
    await record('11', { level: 'SCHOOL', schoolCode: 'sch700002' }, 'DONE');
    expect(await activity('shnor-roadmap-2023:11')).toMatchObject({
      status: 'IN_PROGRESS',
      overdue: false,
      progressSummary: { targets: 2, overdue: 0 },
    });
    at('2023-04-30T17:00:00Z'); // 1 May in Tomsk
    const late = await activity('shnor-roadmap-2023:11');
    expect(late).toMatchObject({ status: 'IN_PROGRESS', overdue: true, progressSummary: { targets: 2, overdue: 1 } });
    expect(late.progress.map((p: any) => [p.status, p.overdue])).toEqual([
      ['IN_PROGRESS', true],
      ['DONE', false],
    ]);
  });
});

describe('recurring and open deadlines', () => {
  it('a monthly activity is overdue only once the plan’s year is over', async () => {
    at('2023-12-31T16:59:00Z'); // 31 December, 23:59 in Tomsk
    expect((await activity('shnor-roadmap-2023:13')).overdue).toBe(false);
    at('2023-12-31T17:00:00Z'); // 1 January 2024 in Tomsk
    expect((await activity('shnor-roadmap-2023:13')).overdue).toBe(true);
  });

  it('«1-2 раза в квартал» in the regional model falls due at the end of its deadline year', async () => {
    at('2026-12-31T12:00:00Z');
    expect((await activity('regional-model-2025:3.10')).overdue).toBe(false);
    at('2027-01-01T12:00:00Z');
    expect((await activity('regional-model-2025:3.10')).overdue).toBe(true);
  });

  it('«постоянно», «по запросу» and an unparsed deadline are never overdue', async () => {
    at('2099-01-01T00:00:00Z');
    for (const id of ['seminar-decisions-2021:7', 'school-ministry-2025:9', 'regional-model-2025:3.7']) {
      expect((await activity(id)).overdue, id).toBe(false);
    }
  });
});
