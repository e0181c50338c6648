import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool } from '../harness/factories';
import { startTestHub, type TestHub } from '../harness/hub';
import { createUser, Role } from '../harness/users';
import { evaluate, list, result, riskOf, schoolWith, selfDiagnostic, setRule } from './crafted';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ template: 'empty', seedDemo: false });
});
afterAll(() => hub?.close());

// Default weights: ВСОКО high 3, moderate 1, listed 2, candidate 2, below base 2, share of «2» 2,
// journal 1 each, overdue 1. Cut-offs: attention 1, risk 4, high 7.
describe('the composite level', () => {
  it('sums the weights of the signals on, each rule once, and reads the level from the cut-offs', async () => {
    await evaluate(hub, 'sch700001', [4, 6, 2, 5]); // high zone: 3
    await list(hub, 'sch700001', 2025); // 2
    await selfDiagnostic(hub, 'sch700001', 2025, 2, 'below_base'); // 2
    await evaluate(hub, 'sch700002', [5, 7, 3, 4]); // moderate: 1
    const listedCandidate = await schoolWith(hub, [
      (c) => result(c, { subjectCode: 'RUSSIAN', grade: 5 }, { participants: 10, count2: 3 }),
      (c) => result(c, { subjectCode: 'MATHEMATICS', grade: 5 }, { participants: 10, count2: 3 }),
      (c) => result(c, { subjectCode: 'PHYSICS', grade: 8 }, { participants: 10, count2: 4 }),
    ]);
    await list(hub, listedCandidate, 2025); // 2 + candidate 2 (three results: still once)
    const quiet = (await createSchool(hub)).code;

    const high = await riskOf(hub, 'sch700001');
    expect([high.score, high.level]).toEqual([7, 'HIGH']);
    expect(high.signals.map((s) => [s.code, s.weight])).toEqual([
      ['vsoko_zone_high', 3],
      ['shnor_listed', 2],
      ['selfdiag_below_base', 2],
    ]);
    expect(await riskOf(hub, 'sch700002')).toMatchObject({ score: 1, level: 'ATTENTION' });
    const candidate = await riskOf(hub, listedCandidate);
    expect(candidate.signals.find((s) => s.code === 'shnor_candidate')!.evidence).toHaveLength(3);
    expect([candidate.score, candidate.level]).toEqual([4, 'RISK']);
    expect(await riskOf(hub, quiet)).toMatchObject({ score: 0, level: 'NONE', signals: [] });
  });

  it('follows the department’s edits of weights, switches and cut-offs', async () => {
    await setRule(hub, 'shnor_listed', { enabled: false });
    expect(await riskOf(hub, 'sch700001')).toMatchObject({ score: 5, level: 'RISK' });
    await setRule(hub, 'shnor_listed', { enabled: true, weight: 5 });
    expect(await riskOf(hub, 'sch700001')).toMatchObject({ score: 10, level: 'HIGH' });
    await setRule(hub, 'shnor_listed', { weight: 2 });
    await hub.gqlOk(`mutation { setRiskLevelCutoff(level: HIGH, minScore: 8) { level minScore } }`);
    expect(await riskOf(hub, 'sch700001')).toMatchObject({ score: 7, level: 'RISK' });
    const levels = await hub.gqlOk(`mutation { setRiskLevelCutoff(level: HIGH, minScore: 7) { level minScore } }`);
    expect(levels.setRiskLevelCutoff).toEqual([
      { level: 'NONE', minScore: 0 },
      { level: 'ATTENTION', minScore: 1 },
      { level: 'RISK', minScore: 4 },
      { level: 'HIGH', minScore: 7 },
    ]);
    expect(await riskOf(hub, 'sch700001')).toMatchObject({ level: 'HIGH' });
  });

  it('refuses bad rules and cut-offs with Russian messages, and writes to nobody but the region admin', async () => {
    const bad = await hub.gql(
      `mutation { updateRiskRule(input: { code: "assessment_share_2", params: { ratio: -1, x: 1 } }) { code } }`,
    );
    expect(bad.errors![0]!.extensions!.code).toBe('RISK_BAD_RULE');
    expect(bad.errors![0]!.message).toContain('Параметр «ratio» — положительное число');
    expect(bad.errors![0]!.message).toContain('У правила нет параметра «x»');
    const order = await hub.gql(`mutation { setRiskLevelCutoff(level: RISK, minScore: 9) { level } }`);
    expect(order.errors![0]!.extensions!.code).toBe('RISK_BAD_CUTOFFS');
    const unknown = await hub.gql(`mutation { updateRiskRule(input: { code: "nope", weight: 1 }) { code } }`);
    expect(unknown.errors![0]!.extensions!.code).toBe('RISK_UNKNOWN_RULE');

    const analyst = await createUser(hub, { role: Role.REGION_ANALYST });
    const refused = await analyst.client.gql(
      `mutation { updateRiskRule(input: { code: "plan_overdue", weight: 9 }) { code } }`,
    );
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const { riskRules } = await analyst.client.gqlOk(`{ riskRules { code weight params enabled } }`);
    expect(riskRules.find((r: { code: string }) => r.code === 'plan_overdue')).toEqual({
      code: 'plan_overdue',
      weight: 1,
      params: { minCount: 1 },
      enabled: true,
    });
  });

  it('audits a rule change with the row before and after', async () => {
    await setRule(hub, 'journal_raised', { params: { share: 0.2 } });
    const [entry] = await hub.sql(
      `SELECT action, entity_key, before, after FROM audit_log WHERE entity = 'risk_signal_rule' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toEqual({
      action: 'updateRiskRule',
      entity_key: 'journal_raised',
      before: { weight: 1, enabled: true, params: { share: 0.1, minParticipants: 10 } },
      after: { weight: 1, enabled: true, params: { share: 0.2, minParticipants: 10 } },
    });
  });
});

describe('the change since the previous period', () => {
  it('compares with the data a year earlier', async () => {
    const left = (await createSchool(hub)).code;
    const stayed = (await createSchool(hub)).code;
    const joined = (await createSchool(hub)).code;
    await list(hub, left, 2024);
    await list(hub, stayed, 2024);
    await list(hub, stayed, 2025);
    await list(hub, joined, 2025);
    expect(await riskOf(hub, left)).toMatchObject({
      level: 'NONE',
      previousLevel: 'ATTENTION',
      previousScore: 2,
      change: 'IMPROVED',
      previousSignalCodes: ['shnor_listed'],
    });
    expect(await riskOf(hub, stayed)).toMatchObject({ level: 'ATTENTION', change: 'UNCHANGED' });
    expect(await riskOf(hub, joined)).toMatchObject({ level: 'ATTENTION', previousLevel: 'NONE', change: 'WORSENED' });
  });
});
