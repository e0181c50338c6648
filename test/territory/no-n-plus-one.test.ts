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

it('300 schools with municipality and cluster take a fixed, small number of statements', async () => {
  const { statements, data } = await countStatements(`{
    schools(first: 500) { totalCount edges { node { code municipality { code name } cluster { code name } } } }
  }`);
  expect(data.schools.edges).toHaveLength(299);
  expect(data.schools.edges.every((e: any) => e.node.municipality.code && e.node.cluster.code)).toBe(true);
  // page + count + municipalities + clusters
  expect(statements).toBeLessThanOrEqual(4);
});

it('every municipality with a page of its schools and their clusters stays batched', async () => {
  const { statements, data } = await countStatements(`{
    municipalities { code schoolCount aliases schools(first: 5) { totalCount edges { node { code cluster { code schoolCount } } } } }
  }`);
  expect(data.municipalities).toHaveLength(20);
  // municipalities + counts + aliases + pages + clusters + cluster counts
  expect(statements).toBeLessThanOrEqual(6);
});

it('the same nested query grows no statements when the data grow', async () => {
  const query = `{ schools(first: 100) { edges { node { municipality { schools(first: 3) { edges { node { cluster { code } } } } } } } } }`;
  const small = await countStatements(query.replace('first: 100', 'first: 3'));
  const large = await countStatements(query);
  expect(large.statements).toBe(small.statements);
});
