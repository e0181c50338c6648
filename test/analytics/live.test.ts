import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool } from '../harness/factories';
import { LIVE_WINDOW_MS } from '../../server/src/analytics/live-aggregates';
import { startTestHub, type TestHub } from '../harness/hub';

let a: TestHub;
let b: TestHub;
beforeAll(async () => {
  a = await startTestHub();
  b = await startTestHub({ databaseUrl: a.databaseUrl });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const LIVE = `subscription ($filter: AggregateFilter) {
  aggregateUpdated(indicator: "schools.count", groupBy: MUNICIPALITY, filter: $filter) {
    version rows { key value }
  }
}`;
type Live = { aggregateUpdated: { version: number; rows: { key: string; value: number }[] } };
const tomsk = (message: { data?: Live | null }) =>
  message.data!.aggregateUpdated.rows.find((r) => r.key === 'tomsk')!.value;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('aggregateUpdated', () => {
  it('sends the current result, then the update after a write', async () => {
    const live = a.subscribe<Live>(LIVE);
    const first = await live.next();
    const count = tomsk(first);
    await createSchool(a, { municipality_code: 'tomsk' });
    const second = await live.next(2000);
    expect(tomsk(second)).toBe(count + 1);
    expect(second.data!.aggregateUpdated.version).toBeGreaterThan(first.data!.aggregateUpdated.version);
    await live.close();
  });

  it('coalesces a burst: 100 writes within 100 ms give at most 2 messages', async () => {
    const live = a.subscribe<Live>(LIVE);
    const start = tomsk(await live.next());
    // 100 transactions, each its own commit and notification, as fast as one connection goes.
    const started = Date.now();
    await a.sql(`DO $$ BEGIN FOR i IN 1..100 LOOP
      INSERT INTO school (code, municipality_code, full_name) VALUES ('sch7b' || i, 'tomsk', 'Школа ' || i); COMMIT;
    END LOOP; END $$`);
    const took = Date.now() - started;
    await sleep(1000); // the window closes twice over
    const received = [];
    while (live.pending() > 0) received.push(await live.next());
    expect(received.length).toBeGreaterThanOrEqual(1);
    // At most one message per window: 2 when the writes fit in 100 ms (the figure).
    expect(received.length).toBeLessThanOrEqual(took <= 100 ? 2 : 1 + Math.ceil(took / LIVE_WINDOW_MS));
    expect(tomsk(received.at(-1)!)).toBe(start + 100);
    await live.close();
  });

  it('sends nothing when a change does not move the result', async () => {
    const live = a.subscribe<Live>(LIVE, { filter: { municipalityCodes: ['kedrovy'] } });
    await live.next();
    await createSchool(a, { municipality_code: 'tomsk' });
    await sleep(600);
    expect(live.pending()).toBe(0);
    await live.close();
  });

  it('carries a write on replica A to a subscriber on replica B', async () => {
    const live = b.subscribe<Live>(LIVE);
    const count = tomsk(await live.next());
    await a.gqlOk('{ schools(first: 1) { totalCount } }');
    await createSchool(a, { municipality_code: 'tomsk' });
    expect(tomsk(await live.next(2000))).toBe(count + 1);
    await live.close();
  });

  it('after its listener is terminated, re-sends the current state and keeps delivering', async () => {
    const live = b.subscribe<Live>(LIVE);
    const count = tomsk(await live.next());
    await a.sql(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'hub-change-feed' AND datname = current_database()`,
    );
    const resent = await live.next(5000);
    expect(tomsk(resent)).toBe(count);
    await sleep(200);
    await createSchool(a, { municipality_code: 'tomsk' });
    let next = await live.next(5000);
    while (tomsk(next) === count) next = await live.next(5000);
    expect(tomsk(next)).toBe(count + 1);
    await live.close();
  });
});
