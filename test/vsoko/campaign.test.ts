import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

describe('the 2024 ВСОКО campaign (распоряжение № 1384)', () => {
  it('has the dates, act, and the four blocks with maxima, thresholds, risks and indicators', async () => {
    const { vsokoCampaigns } = await hub.gqlOk(`{ vsokoCampaigns {
      year title startsOn endsOn orderedBy maxTotal
      blocks { number name maxScore threshold risk riskIndicator }
    } }`);
    expect(vsokoCampaigns).toHaveLength(1);
    const campaign = vsokoCampaigns[0];
    expect(campaign).toMatchObject({
      year: 2024,
      startsOn: '2024-10-14',
      endsOn: '2024-11-27',
      orderedBy: 'Распоряжение Департамента образования Томской области от 01.10.2024 № 1384',
      maxTotal: 49,
    });
    expect(campaign.blocks.map((b: any) => [b.number, b.maxScore, b.threshold])).toEqual([
      [1, 13, 5],
      [2, 16, 7],
      [3, 8, 3],
      [4, 12, 5],
    ]);
    expect(campaign.blocks[0]).toMatchObject({
      name: 'Нормативно-организационные условия функционирования ВСОКО',
      risk: 'Барьеры локального регулирования ВСОКО',
      riskIndicator: 'Отсутствие аутентичных локальных норм функционирования ВСОКО',
    });
    expect(campaign.blocks[3].risk).toBe('Преобладание контрольно-инспекционной парадигмы управления качеством');
  });

  it('lists the six required documents, two of them «при наличии»', async () => {
    const { vsokoCampaign } = await hub.gqlOk(
      `{ vsokoCampaign(year: 2024) { documents { code title optional position } } }`,
    );
    expect(vsokoCampaign.documents).toHaveLength(6);
    expect(vsokoCampaign.documents.map((d: any) => d.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(vsokoCampaign.documents[0]).toEqual({
      code: 'self-examination-report',
      title: 'Отчет о самообследовании',
      optional: false,
      position: 1,
    });
    expect(vsokoCampaign.documents.filter((d: any) => d.optional).map((d: any) => d.code)).toEqual([
      'vsoko-regulation',
      'individual-achievements-regulation',
    ]);
  });

  it('has the passport with ten management positions and two head counts, and the five-stage schedule', async () => {
    const { vsokoCampaign } = await hub.gqlOk(`{ vsokoCampaign(year: 2024) {
      passportItems { code title kind } schedule { position stage responsible period }
    } }`);
    const kinds = vsokoCampaign.passportItems.map((i: any) => i.kind);
    expect(kinds.filter((k: string) => k === 'POSITION')).toHaveLength(10);
    expect(vsokoCampaign.passportItems.filter((i: any) => i.kind === 'COUNT').map((i: any) => i.code)).toEqual([
      'teaching-staff-count',
      'student-count',
    ]);
    expect(vsokoCampaign.schedule).toHaveLength(5);
    expect(vsokoCampaign.schedule[2]).toEqual({
      position: 3,
      stage: 'Внешняя экспертная оценка',
      responsible: 'Региональный оператор, экспертная группа, общеобразовательные организации, вошедшие в выборку',
      period: 'С 24.10.2024 по 13.11.2024',
    });
  });

  it('stores the default zone rule as data: 0 → низкий, 1–2 → умеренный, 3–4 → высокий', async () => {
    const { vsokoCampaign } = await hub.gqlOk(`{ vsokoCampaign(year: 2024) {
      zoneRules { zone title minRiskyBlocks maxRiskyBlocks }
    } }`);
    expect(vsokoCampaign.zoneRules).toEqual([
      { zone: 'LOW', title: 'Низкий риск', minRiskyBlocks: 0, maxRiskyBlocks: 0 },
      { zone: 'MODERATE', title: 'Умеренный риск', minRiskyBlocks: 1, maxRiskyBlocks: 2 },
      { zone: 'HIGH', title: 'Высокий риск', minRiskyBlocks: 3, maxRiskyBlocks: 4 },
    ]);
  });

  it('samples the 65 real schools sch700001…sch700065, a page at a time', async () => {
    const first = await hub.gqlOk(`{ vsokoCampaign(year: 2024) {
      sampleSize evaluationCount
      sampleSchools(first: 50) { totalCount edges { node { code isDemo } } pageInfo { hasNextPage endCursor } }
    } }`);
    const campaign = first.vsokoCampaign;
    expect(campaign.sampleSize).toBe(65);
    expect(campaign.sampleSchools.totalCount).toBe(65);
    expect(campaign.sampleSchools.pageInfo.hasNextPage).toBe(true);
    const rest = await hub.gqlOk(
      `query ($after: String) { vsokoCampaign(year: 2024) { sampleSchools(first: 50, after: $after) {
        edges { node { code } } pageInfo { hasNextPage } } } }`,
      { after: campaign.sampleSchools.pageInfo.endCursor },
    );
    const codes = [...campaign.sampleSchools.edges, ...rest.vsokoCampaign.sampleSchools.edges].map(
      (e: any) => e.node.code,
    );
    expect(codes).toEqual(Array.from({ length: 65 }, (_, i) => `sch7${String(i + 1).padStart(5, '0')}`));
    expect(campaign.sampleSchools.edges.every((e: any) => e.node.isDemo === false)).toBe(true);
    expect(rest.vsokoCampaign.sampleSchools.pageInfo.hasNextPage).toBe(false);
    expect(campaign.evaluationCount).toBe(65);
  });

  it('answers null for a year without a campaign', async () => {
    expect(await hub.gqlOk(`{ vsokoCampaign(year: 2019) { year } }`)).toEqual({ vsokoCampaign: null });
  });
});
