import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const PLAN_TREE = `query ($code: String!) {
  plan(code: $code) {
    code kind title year deadlineYear approvedBy sourceDocument activityCount
    sections { number title activities { id number title } }
  }
}`;

async function tree(code: string) {
  const { plan } = await hub.gqlOk<{ plan: any }>(PLAN_TREE, { code });
  return plan;
}

const activityTotal = (plan: any) => plan.sections.reduce((n: number, s: any) => n + s.activities.length, 0);

describe('the four plans from the documents', () => {
  it('lists the four plans in order', async () => {
    const { plans } = await hub.gqlOk<{ plans: any[] }>(`{ plans { code kind year activityCount } }`);
    expect(plans).toEqual([
      { code: 'shnor-roadmap-2023', kind: 'SHNOR_ROADMAP', year: 2023, activityCount: 35 },
      { code: 'school-ministry-2025', kind: 'SCHOOL_MINISTRY_PLAN', year: 2025, activityCount: 13 },
      { code: 'regional-model-2025', kind: 'REGIONAL_MODEL', year: 2025, activityCount: 23 },
      { code: 'seminar-decisions-2021', kind: 'SEMINAR_DECISIONS', year: 2021, activityCount: 10 },
    ]);
  });

  it('plan(code: "shnor-roadmap-2023") answers 35 activities in 4 sections', async () => {
    const plan = await tree('shnor-roadmap-2023');
    expect(plan.sections.map((s: any) => [s.number, s.title, s.activities.length])).toEqual([
      ['1', 'Организационно-управленческая деятельность', 14],
      ['2', 'Организационно-технологическая деятельность', 6],
      ['3', 'Методическое сопровождение', 7],
      ['4', 'Аналитическая деятельность', 8],
    ]);
    expect(activityTotal(plan)).toBe(35);
    expect(plan.sections.flatMap((s: any) => s.activities.map((a: any) => a.number))).toEqual(
      Array.from({ length: 35 }, (_, i) => String(i + 1)),
    );
    expect(plan.approvedBy).toContain('№ 352-р');
  });

  it('the «Школа Минпросвещения» plan has 13 activities in 3 sections', async () => {
    const plan = await tree('school-ministry-2025');
    expect(plan.sections).toHaveLength(3);
    expect(activityTotal(plan)).toBe(13);
  });

  it('the regional model has 23 activities in 7 blocks; block 7 is labelled as untitled', async () => {
    const plan = await tree('regional-model-2025');
    expect(plan.sections.map((s: any) => s.number)).toEqual([
      'Блок 1',
      'Блок 2',
      'Блок 3',
      'Блок 4',
      'Блок 5',
      'Блок 6',
      'Блок 7',
    ]);
    expect(activityTotal(plan)).toBe(23);
    expect(plan.sections[6].title).toBe('Название блока в документе не сохранилось');
    expect(plan.year).toBe(2025);
    expect(plan.deadlineYear).toBe(2026);
  });

  it('the 2021 seminar has its 10 decisions', async () => {
    const plan = await tree('seminar-decisions-2021');
    expect(activityTotal(plan)).toBe(10);
  });

  it('an unknown plan is null', async () => {
    expect((await hub.gqlOk<{ plan: null }>(`{ plan(code: "nope") { code } }`)).plan).toBeNull();
  });
});

describe('an activity', () => {
  it('carries its deadline as written and parsed, target, executors and scope', async () => {
    const { activity } = await hub.gqlOk<{ activity: any }>(`{
      activity(id: "shnor-roadmap-2023:11") {
        id number title scope executors indicator expectedResult
        target { value unit }
        deadline { text start end parsed recurrence { kind } }
        section { number plan { code } }
        plan { code }
      }
    }`);
    expect(activity).toMatchObject({
      id: 'shnor-roadmap-2023:11',
      number: '11',
      scope: 'SCHOOL',
      executors: ['МОУО', 'кураторы', 'руководители ОО'],
      indicator: 'Разработано/откорректировано 68 школьных программ',
      target: { value: 68, unit: 'школьных программ' },
      deadline: { text: 'Апрель 2023г.', start: '2023-04-01', end: '2023-04-30', parsed: true, recurrence: null },
      section: { number: '1', plan: { code: 'shnor-roadmap-2023' } },
      plan: { code: 'shnor-roadmap-2023' },
    });
  });

  it('gives recurrences and says when a deadline could not be read', async () => {
    const { a, b, c } = await hub.gqlOk<{ a: any; b: any; c: any }>(`{
      a: activity(id: "regional-model-2025:3.10") { deadline { text start end parsed recurrence { kind timesPerPeriod { min max } } } }
      b: activity(id: "regional-model-2025:3.7") { overdue deadline { text start end parsed recurrence { kind } } }
      c: activity(id: "seminar-decisions-2021:7") { overdue deadline { end parsed recurrence { kind timesPerPeriod { min } } } }
    }`);
    expect(a.deadline).toEqual({
      text: '1-2 раза в квартал',
      start: '2026-01-01',
      end: '2026-12-31',
      parsed: true,
      recurrence: { kind: 'QUARTERLY', timesPerPeriod: { min: 1, max: 2 } },
    });
    expect(b).toEqual({
      overdue: false,
      deadline: {
        text: 'Согласно плану работы регионального профессионального сообщества коррекционных школ ТО',
        start: null,
        end: null,
        parsed: false,
        recurrence: null,
      },
    });
    expect(c).toEqual({
      overdue: false,
      deadline: { end: null, parsed: true, recurrence: { kind: 'CONTINUOUS', timesPerPeriod: null } },
    });
  });

  it('an unknown or malformed id is null', async () => {
    const data = await hub.gqlOk<{ a: null; b: null }>(
      `{ a: activity(id: "shnor-roadmap-2023:99") { id } b: activity(id: "x") { id } }`,
    );
    expect(data).toEqual({ a: null, b: null });
  });

  it('every activity in the database has its deadline parsed as the parser says', async () => {
    const rows = await hub.sql(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE NOT deadline_parsed)::int AS unparsed FROM plan_activity`,
    );
    expect(rows[0]).toEqual({ total: 81, unparsed: 1 });
  });
});
