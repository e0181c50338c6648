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

it('every school with its results, their procedures, subjects and schools, and its ШНОР listings', async () => {
  const { statements, data } = await countStatements(`{
    schools(first: 500) { edges { node {
      code
      assessmentResults(filter: { year: 2024, procedureCodes: ["VPR", "OGE", "EGE"] }) {
        participants share2 procedure { code } subject { name } school { code }
      }
      latest: shnor { year category }
      of2023: shnor(year: 2023) { year curator school { code } }
    } } }
  }`);
  const nodes = data.schools.edges.map((e: { node: any }) => e.node);
  expect(nodes).toHaveLength(299);
  expect(nodes.filter((n: any) => n.assessmentResults.length > 0).length).toBeGreaterThan(290);
  expect(nodes.filter((n: any) => n.of2023).length).toBe(68);
  // schools + results + procedures + subjects + latest listings + 2023 listings + the schools the results and
  // listings name (one shared loader)
  expect(statements).toBe(7);
});

it('the same filter written twice costs one statement; two filters cost two', async () => {
  const one = await countStatements(`{
    schools(first: 300) { edges { node {
      a: assessmentResults(filter: { year: 2024, grades: [5] }) { count2 }
      b: assessmentResults(filter: { grades: [5], year: 2024 }) { count2 }
    } } }
  }`);
  const two = await countStatements(`{
    schools(first: 300) { edges { node {
      a: assessmentResults(filter: { year: 2024, grades: [5] }) { count2 }
      b: assessmentResults(filter: { year: 2023, grades: [5] }) { count2 }
    } } }
  }`);
  expect(one.statements).toBe(2);
  expect(two.statements).toBe(3);
});

it('a connection page of results resolves its nested fields in batches', async () => {
  const small = await countStatements(`{ assessmentResults(first: 5) { edges { node {
    school { code municipality { name } shnor { year } } procedure { code } subject { code } } } } }`);
  const large = await countStatements(`{ assessmentResults(first: 500) { edges { node {
    school { code municipality { name } shnor { year } } procedure { code } subject { code } } } } }`);
  expect(large.data.assessmentResults.edges).toHaveLength(500);
  expect(large.statements).toBe(small.statements);
});
