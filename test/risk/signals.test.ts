import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setPlansClock } from '../../server/src/modules/plans/clock';
import { createSchool } from '../harness/factories';
import { startTestHub, type TestHub } from '../harness/hub';
import { evaluate, list, result, riskOf, schoolWith, selfDiagnostic, setRule, signalCodes } from './crafted';

// Reference data only: every figure a rule compares with is made here.
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ template: 'empty', seedDemo: false });
});
afterAll(() => hub?.close());
afterEach(() => setPlansClock(null));

describe('ВСОКО zone', () => {
  it('flags high (3 blocks below) and moderate (1 block), not a school scoring exactly the thresholds', async () => {
    await evaluate(hub, 'sch700001', [4, 6, 2, 5]);
    await evaluate(hub, 'sch700002', [5, 7, 3, 4]);
    await evaluate(hub, 'sch700003', [5, 7, 3, 5]);
    const high = await riskOf(hub, 'sch700001');
    expect(high.signals.map((s) => s.code)).toEqual(['vsoko_zone_high']);
    expect(high.signals[0]!.explanation).toMatch(/^Зона высокого риска ВСОКО \(кампания 2024\): 3 блока ниже порога/);
    expect(high.signals[0]!.explanation).toContain('блок 1 «Нормативно-организационные');
    expect(high.signals[0]!.explanation).toContain('4 из 13 при пороге 5');
    expect(high.signals[0]!.source).toEqual({ domain: 'vsoko', section: 'vsoko', key: '2024' });
    expect(await signalCodes(hub, 'sch700002')).toEqual(['vsoko_zone_moderate']);
    expect(await signalCodes(hub, 'sch700003')).toEqual([]);
  });
});

describe('ШНОР list', () => {
  it('flags a school on the latest list, not one listed only the year before', async () => {
    const listed = (await createSchool(hub)).code;
    const earlier = (await createSchool(hub)).code;
    await list(hub, listed, 2025, 'shnor_and_shnsu');
    await list(hub, earlier, 2024);
    const risk = await riskOf(hub, listed);
    expect(risk.signals.map((s) => s.code)).toEqual(['shnor_listed']);
    expect(risk.signals[0]!.explanation).toMatch(/^В списке ШНОР и ШНСУ 2025 года/);
    expect(await signalCodes(hub, earlier)).toEqual([]);
  });
});

describe('ШНОР-candidate rule', () => {
  it('flags 30 % «2» in two procedures of the latest year, not 29.9 % in one of them', async () => {
    const on = await schoolWith(hub, [
      (c) => result(c, { subjectCode: 'RUSSIAN', grade: 5 }, { participants: 10, count2: 3 }),
      (c) => result(c, { subjectCode: 'MATHEMATICS', grade: 5 }, { participants: 10, count2: 3 }),
    ]);
    const off = await schoolWith(hub, [
      (c) => result(c, { subjectCode: 'RUSSIAN', grade: 6 }, { participants: 10, count2: 3 }),
      (c) => result(c, { subjectCode: 'MATHEMATICS', grade: 6 }, { participants: 1000, count2: 299 }),
    ]);
    const risk = await riskOf(hub, on);
    expect(risk.signals.map((s) => s.code)).toEqual(['shnor_candidate']);
    expect(risk.signals[0]!.evidence.map((e) => e.source.key).sort()).toEqual([
      'VPR/2025/MATHEMATICS/5',
      'VPR/2025/RUSSIAN/5',
    ]);
    expect(risk.signals[0]!.explanation).toContain(
      'ВПР, математика, 5 кл. (2025) — «2» у 30,0 % (3 из 10); порог — 30,0 %',
    );
    expect(await signalCodes(hub, off)).toEqual([]);
  });
});

describe('self-diagnostics', () => {
  it('flags «ниже базового» in the latest round, not in an earlier one', async () => {
    const below = (await createSchool(hub)).code;
    const recovered = (await createSchool(hub)).code;
    await selfDiagnostic(hub, below, 2025, 2, 'below_base');
    await selfDiagnostic(hub, recovered, 2025, 1, 'below_base');
    await selfDiagnostic(hub, recovered, 2025, 2, 'base');
    const risk = await riskOf(hub, below);
    expect(risk.signals.map((s) => s.code)).toEqual(['selfdiag_below_base']);
    expect(risk.signals[0]!.explanation).toContain('2025, этап 2: уровень «ниже базового»');
    expect(risk.signals[0]!.source).toMatchObject({ section: 'self-diagnostics', key: '2025/2' });
    expect(await signalCodes(hub, recovered)).toEqual([]);
  });
});

describe('share of «2» against the region', () => {
  // Region: 100 «2» of 1000; the school: 6 of 20 = 30 % = 3 × the region's 10 %.
  let school: string;
  beforeAll(async () => {
    school = await schoolWith(hub, [
      (c) => result(c, { subjectCode: 'MATHEMATICS', grade: 7 }, { participants: 20, count2: 6 }),
    ]);
    await schoolWith(hub, [
      (c) => result(c, { subjectCode: 'MATHEMATICS', grade: 7 }, { participants: 980, count2: 94 }),
    ]);
  });
  afterAll(() => setRule(hub, 'assessment_share_2', { params: { ratio: 1.5, minShare: 0.15, minParticipants: 10 } }));

  it('flags it with the figures and the threshold in the explanation', async () => {
    const risk = await riskOf(hub, school);
    expect(risk.signals.map((s) => s.code)).toEqual(['assessment_share_2']);
    expect(risk.signals[0]!.explanation).toBe(
      'Доля «2» по ВПР, математика, 7 кл. (2025): 30,0 % (6 из 20) при региональных 10,0 %; ' +
        'порог — выше региональной в 1,5 раза и не менее 15,0 %',
    );
    expect(risk.signals[0]!.source).toEqual({
      domain: 'assessment',
      section: 'assessments',
      key: 'VPR/2025/MATHEMATICS/7',
    });
  });

  it('at exactly the ratio counts; just above it does not', async () => {
    await setRule(hub, 'assessment_share_2', { params: { ratio: 3 } });
    expect(await signalCodes(hub, school)).toEqual(['assessment_share_2']);
    await setRule(hub, 'assessment_share_2', { params: { ratio: 3.01 } });
    expect(await signalCodes(hub, school)).toEqual([]);
  });

  it('needs the minimum number of participants and the minimum share', async () => {
    await setRule(hub, 'assessment_share_2', { params: { ratio: 1.5, minParticipants: 20 } });
    expect(await signalCodes(hub, school)).toEqual(['assessment_share_2']);
    await setRule(hub, 'assessment_share_2', { params: { minParticipants: 21 } });
    expect(await signalCodes(hub, school)).toEqual([]);
    await setRule(hub, 'assessment_share_2', { params: { minParticipants: 10, minShare: 0.3 } });
    expect(await signalCodes(hub, school)).toEqual(['assessment_share_2']);
    await setRule(hub, 'assessment_share_2', { params: { minShare: 0.31 } });
    expect(await signalCodes(hub, school)).toEqual([]);
  });
});

describe('journal comparison', () => {
  it('flags «понизили» at 30 %, not at 25 %', async () => {
    const on = await schoolWith(hub, [
      (c) => result(c, { subjectCode: 'RUSSIAN', grade: 7 }, { participants: 20, count2: 0, lowered: 6 }),
    ]);
    const off = await schoolWith(hub, [
      (c) => result(c, { subjectCode: 'RUSSIAN', grade: 7 }, { participants: 20, count2: 0, lowered: 5 }),
    ]);
    const risk = await riskOf(hub, on);
    expect(risk.signals.map((s) => s.code)).toEqual(['journal_lowered']);
    expect(risk.signals[0]!.explanation).toBe(
      'Понизили отметку по журналу, ВПР, русский язык, 7 кл. (2025): 30,0 % (6 из 20) при региональных 27,5 %; порог — 30,0 %',
    );
    expect(await signalCodes(hub, off)).toEqual([]);
  });

  it('flags «повысили» at 10 %, not at 5 %', async () => {
    const on = await schoolWith(hub, [
      (c) => result(c, { subjectCode: 'RUSSIAN', grade: 8 }, { participants: 20, count2: 0, raised: 2 }),
    ]);
    const off = await schoolWith(hub, [
      (c) => result(c, { subjectCode: 'RUSSIAN', grade: 8 }, { participants: 20, count2: 0, raised: 1 }),
    ]);
    expect(await signalCodes(hub, on)).toEqual(['journal_raised']);
    expect(await signalCodes(hub, off)).toEqual([]);
  });
});

describe('overdue plan activities', () => {
  it('flags a school target not done after its deadline (Tomsk date), not on the deadline day, not when done', async () => {
    const [activity] = await hub.sql<{ id: number; end: string; number: string }>(
      `SELECT id, to_char(deadline_end, 'YYYY-MM-DD') AS end, number FROM plan_activity
        WHERE plan_code = 'shnor-roadmap-2023' AND deadline_end IS NOT NULL ORDER BY id LIMIT 1`,
    );
    const late = (await createSchool(hub)).code;
    const done = (await createSchool(hub)).code;
    for (const [code, status] of [
      [late, 'in_progress'],
      [done, 'done'],
    ]) {
      await hub.sql(
        `INSERT INTO activity_progress (activity_id, target_level, target_key, municipality_code, school_code, status, recorded_by, recorded_at)
         VALUES ($1, 'school', 'school:' || $2, 'tomsk', $2, $3, 'тест', now())`,
        [activity!.id, code, status],
      );
    }
    // 17:00 UTC on the deadline day is midnight of the next day in Tomsk (UTC+7).
    setPlansClock({ now: () => new Date(`${activity!.end}T16:59:00Z`) });
    expect(await signalCodes(hub, late)).toEqual([]);
    setPlansClock({ now: () => new Date(`${activity!.end}T17:00:00Z`) });
    const risk = await riskOf(hub, late);
    expect(risk.signals.map((s) => s.code)).toEqual(['plan_overdue']);
    expect(risk.signals[0]!.explanation).toMatch(new RegExp(`^Просрочено мероприятие ${activity!.number} «`));
    expect(risk.signals[0]!.explanation).toContain('статус — выполняется');
    expect(risk.signals[0]!.source).toEqual({
      domain: 'plan',
      section: 'plans',
      key: `shnor-roadmap-2023:${activity!.number}`,
    });
    expect(await signalCodes(hub, done)).toEqual([]);
  });
});
