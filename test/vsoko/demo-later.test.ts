import { afterAll, beforeAll, expect, it } from 'vitest';
import { runSeeds } from '../../server/src/seed/run-seeds';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ template: 'empty', seedDemo: false });
});
afterAll(() => hub?.close());

it('without demo data there are the campaign and the directions, and no evaluations or results', async () => {
  const data = await hub.gqlOk(`{
    vsokoCampaigns { year sampleSize evaluationCount }
    vsokoEvaluations { totalCount }
    selfDiagnosticDirections { code }
    selfDiagnosticRounds { year round resultCount }
    selfDiagnosticResults { totalCount }
  }`);
  expect(data).toEqual({
    vsokoCampaigns: [{ year: 2024, sampleSize: 65, evaluationCount: 0 }],
    vsokoEvaluations: { totalCount: 0 },
    selfDiagnosticDirections: expect.arrayContaining([{ code: 'knowledge' }]),
    selfDiagnosticRounds: [
      { year: 2025, round: 2, resultCount: 0 },
      { year: 2025, round: 1, resultCount: 0 },
    ],
    selfDiagnosticResults: { totalCount: 0 },
  });
});

it('demo data switched on later fill the gaps and leave real records alone', async () => {
  await hub.gqlOk(
    `mutation { recordVsokoEvaluation(input: { schoolCode: "sch700001", year: 2024, expert: "Реальный эксперт",
      blocks: [{ number: 1, score: 1 }, { number: 2, score: 2 }, { number: 3, score: 3 }, { number: 4, score: 4 }] }) { year } }`,
  );
  await hub.gqlOk(
    `mutation { submitSelfDiagnostic(input: { schoolCode: "sch700001", year: 2025, round: 1, total: 10, level: BASE }) { year } }`,
  );
  await runSeeds(hub.hub.dataSource, { demo: true });
  const data = await hub.gqlOk(`{
    real: vsokoEvaluations(filter: { isDemo: false }) { edges { node { school { code } expert total } } }
    demo: vsokoEvaluations(filter: { isDemo: true }) { totalCount }
    school(code: "sch700001") { selfDiagnostics(year: 2025, round: 1) { isDemo total level scores { score } } }
    results: selfDiagnosticResults(filter: { isDemo: true }) { totalCount }
  }`);
  expect(data.real.edges).toEqual([{ node: { school: { code: 'sch700001' }, expert: 'Реальный эксперт', total: 10 } }]);
  expect(data.demo.totalCount).toBe(64);
  expect(data.school.selfDiagnostics).toEqual([
    { isDemo: false, total: 10, level: 'BASE', scores: expect.arrayContaining([{ score: null }]) },
  ]);
  expect(data.results.totalCount).toBe(299 * 4 - 1);
});
