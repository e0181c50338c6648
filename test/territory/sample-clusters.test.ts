import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

it('puts every school of the seeded region in a cluster, each cluster non-empty', async () => {
  const { clusters } = await hub.gqlOk<{ clusters: { code: string; schoolCount: number }[] }>(
    '{ clusters { code schoolCount } }',
  );
  expect(clusters.reduce((sum, c) => sum + c.schoolCount, 0)).toBe(299);
  for (const cluster of clusters) expect(cluster.schoolCount, cluster.code).toBeGreaterThan(0);
});
