import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool } from '../harness/factories';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const LIVE = `subscription ($filter: RiskRadarFilter) {
  riskRadarUpdated(filter: $filter, groupBy: SCHOOL, first: 500) {
    ... on RiskSchoolConnection {
      version totalCount
      edges { node { schoolCode level score signals { code explanation evidence { source { key } } } } }
    }
  }
}`;
type Node = {
  schoolCode: string;
  signals: { code: string; explanation: string; evidence: { source: { key: string } }[] }[];
};
type Live = { riskRadarUpdated: { version: number; edges: { node: Node }[] } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function upload(content: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([content]), 'results.csv');
  const response = await fetch(`${hub.url}api/imports/assessment-results`, {
    method: 'POST',
    body: form,
    headers: hub.admin.headers,
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

describe('riskRadarUpdated', () => {
  it('reaches a subscriber when an imported file pushes a school’s «2» share over the threshold', async () => {
    // A demo school with a ВПР maths result of 2025 and no share-of-«2» signal yet.
    const [row] = await hub.sql(
      `SELECT r.school_code, r.grade, r.participants, s.municipality_code
         FROM assessment_result r JOIN school s ON s.code = r.school_code
        WHERE r.procedure_code = 'VPR' AND r.year = 2025 AND r.subject_code = 'MATHEMATICS' AND r.participants >= 20
          AND r.count2 * 10 < r.participants
        ORDER BY r.school_code LIMIT 1`,
    );
    const { school_code: code, grade, participants, municipality_code: municipality } = row!;
    const live = hub.subscribe<Live>(LIVE, { filter: { municipalityCodes: [municipality] } });
    const node = (m: { data?: Live | null }) =>
      m.data!.riskRadarUpdated.edges.find((e) => e.node.schoolCode === code)!.node;
    const before = node(await live.next());
    const key = `VPR/2025/MATHEMATICS/${grade}`;
    const has = (n: Node) =>
      n.signals.some((s) => s.code === 'assessment_share_2' && s.evidence.some((e) => e.source.key === key));
    expect(has(before)).toBe(false);

    const failed = Math.ceil(participants * 0.6);
    await upload(
      [
        'Код ОО;Процедура;Год;Предмет;Класс;Участников;2;3;4;5',
        `${code};ВПР;2025;Математика;${grade};${participants};${failed};${participants - failed};0;0`,
      ].join('\n'),
    );
    let after = node(await live.next(10_000));
    while (!has(after)) after = node(await live.next(10_000));
    const signal = after.signals.find((s) => s.code === 'assessment_share_2')!;
    expect(signal.explanation).toContain(`ВПР, математика, ${grade} кл. (2025): `);
    await live.close();
  });

  it('sends nothing when a change does not move what the subscriber sees', async () => {
    const live = hub.subscribe<Live>(LIVE, { filter: { municipalityCodes: ['kedrovy'] } });
    await live.next();
    await createSchool(hub, { municipality_code: 'tomsk' });
    await sleep(800);
    expect(live.pending()).toBe(0);
    await live.close();
  });

  it('pushes a rule change to every subscriber at once', async () => {
    const live = hub.subscribe<Live>(LIVE, { filter: { signalCodes: ['journal_raised'] } });
    const first = await live.next();
    expect(first.data!.riskRadarUpdated.edges.length).toBeGreaterThan(0);
    await hub.gqlOk(`mutation { updateRiskRule(input: { code: "journal_raised", enabled: false }) { enabled } }`);
    const next = await live.next(3000);
    expect(next.data!.riskRadarUpdated.edges).toEqual([]);
    await hub.gqlOk(`mutation { updateRiskRule(input: { code: "journal_raised", enabled: true }) { enabled } }`);
    await live.close();
  });
});
