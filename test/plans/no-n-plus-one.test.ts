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

const FULL_TREE = `{
  plans {
    code activityCount doneShare overdueCount
    sections {
      number title plan { code }
      activities {
        id number status overdue section { number } plan { code }
        deadline { text start end parsed recurrence { kind timesPerPeriod { min max } } }
        target { value unit }
        progressSummary { targets done overdue }
        progress {
          status overdue evidenceUrl recordedBy recordedAt activity { id }
          target { level municipality { code name } school { code displayName } }
        }
        history { status previousStatus changedFields recordedAt target { level school { code } } }
      }
    }
  }
}`;

it('the four plans with sections, activities, progress and history take a fixed, small number of statements', async () => {
  const { statements, data } = await countStatements(FULL_TREE);
  expect(data.plans).toHaveLength(4);
  const activities = data.plans.flatMap((p: any) => p.sections.flatMap((s: any) => s.activities));
  expect(activities).toHaveLength(81);
  const progress = activities.flatMap((a: any) => a.progress);
  expect(progress.length).toBeGreaterThan(1000);
  expect(progress.some((p: any) => p.target.school?.code)).toBe(true);
  // plans + sections + activities + plan states + activity states + progress + history + municipalities + schools
  expect(statements).toBeLessThanOrEqual(9);
});

it('School.planProgress for 300 schools takes a fixed, small number of statements', async () => {
  const { statements, data } = await countStatements(`{
    schools(first: 500) {
      edges { node { code planProgress { status overdue recordedBy activity { id title deadline { end } plan { code } } target { level school { code } } } } }
    }
  }`);
  const schools = data.schools.edges.map((e: any) => e.node);
  expect(schools).toHaveLength(299);
  const withProgress = schools.filter((s: any) => s.planProgress.length > 0);
  expect(withProgress.length).toBe(299);
  for (const school of withProgress) {
    expect(school.planProgress.every((p: any) => p.target.school.code === school.code)).toBe(true);
  }
  // schools page + progress by school + activities + plans + target schools
  expect(statements).toBeLessThanOrEqual(5);
});

it('the activities list with everything nested stays batched', async () => {
  const small = await countStatements(`{ activities(filter: { planCode: "seminar-decisions-2021" }) {
    id status overdue plan { code } section { title } progress { status target { municipality { code } school { code } } } history { status }
  } }`);
  const large = await countStatements(`{ activities {
    id status overdue plan { code } section { title } progress { status target { municipality { code } school { code } } } history { status }
  } }`);
  expect(large.data.activities).toHaveLength(81);
  expect(large.statements).toBe(small.statements);
  expect(large.statements).toBeLessThanOrEqual(8);
});
