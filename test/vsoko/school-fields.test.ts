import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

async function countStatements(query: string): Promise<{ statements: number; data: any }> {
  const before = hub.queries.count;
  const data = await hub.gqlOk(query);
  return { statements: hub.queries.count - before, data };
}

it('300 schools with vsoko { zone } and selfDiagnostics(year: 2025) { level } take a fixed, small number of statements', async () => {
  const { statements, data } = await countStatements(`{
    schools(first: 500) { edges { node { code
      vsoko { zone { code } riskyBlockCount }
      selfDiagnostics(year: 2025) { level round }
    } } }
  }`);
  const nodes = data.schools.edges.map((e: any) => e.node);
  expect(nodes).toHaveLength(299);
  expect(nodes.filter((n: any) => n.vsoko !== null)).toHaveLength(65);
  expect(nodes.every((n: any) => n.selfDiagnostics.map((r: any) => r.round).join() === '2,1')).toBe(true);
  // schools page + evaluations + campaign rules + self-diagnostic results
  expect(statements).toBeLessThanOrEqual(4);
});

it('every ВСОКО and self-diagnostic field of every school stays batched', async () => {
  const query = (first: number) => `{
    schools(first: ${first}) { edges { node { code
      vsoko(year: 2024) { school { code } campaign { year } blocks { risky } riskProfile { risk } zone { title }
        passport { managementPositions { code } } documents { provided } providedDocumentCount total }
      latest: vsoko { year }
      vsokoHistory { year zone { code } }
      selfDiagnostics { year round level levelTitle total school { code } scores { direction { name } score } }
      firstRounds: selfDiagnostics(round: 1) { year }
    } } }
  }`;
  const small = await countStatements(query(3));
  const large = await countStatements(query(500));
  expect(large.data.schools.edges).toHaveLength(299);
  expect(large.statements).toBe(small.statements);
  // page + two evaluation lookups + history + rules + two result lookups + directions
  expect(large.statements).toBeLessThanOrEqual(8);
});

it('a page of evaluations and of results with their schools and campaigns stays batched', async () => {
  const { statements } = await countStatements(`{
    vsokoEvaluations(first: 500) { totalCount edges { node { school { code municipality { name } } campaign { year }
      zone { code } documents { provided } } } }
    selfDiagnosticResults(first: 500) { totalCount edges { node { school { code } scores { score } } } }
  }`);
  // two pages + two counts + municipalities + campaign rules + directions
  expect(statements).toBeLessThanOrEqual(7);
});
