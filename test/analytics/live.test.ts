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

  it('pushes a change of any domain: a self-diagnostic submitted through GraphQL', async () => {
    const live = a.subscribe<{ aggregateUpdated: { rows: { key: string; numerator: number; denominator: number }[] } }>(
      `subscription { aggregateUpdated(indicator: "selfdiag.below_base_share", groupBy: REGION, filter: { year: 2025, round: 2 }) {
        rows { key numerator denominator } } }`,
    );
    const before = (await live.next()).data!.aggregateUpdated.rows[0]!;
    const [school] = await a.sql(
      `SELECT school_code FROM self_diagnostic_result WHERE year = 2025 AND round = 2 AND level <> 'below_base' LIMIT 1`,
    );
    await a.gqlOk(
      `mutation ($s: String!) { submitSelfDiagnostic(input: { schoolCode: $s, year: 2025, round: 2, level: BELOW_BASE }) { level } }`,
      { s: school!.school_code },
    );
    const after = (await live.next(3000)).data!.aggregateUpdated.rows[0]!;
    expect(after.numerator).toBe(before.numerator + 1);
    expect(after.denominator).toBe(before.denominator);
    await live.close();
  });

  it('re-clusters live when the department edits a cluster rule', async () => {
    const live = b.subscribe<{ aggregateUpdated: { rows: { key: string; value: number }[] } }>(
      `subscription { aggregateUpdated(indicator: "schools.count", groupBy: CLUSTER) { rows { key value } } }`,
    );
    const k1 = (m: { data?: { aggregateUpdated: { rows: { key: string; value: number }[] } } | null }) =>
      m.data!.aggregateUpdated.rows.find((r) => r.key === 'K1')!.value;
    const before = k1(await live.next());
    await a.sql(`UPDATE cluster SET students_at_least = 100000 WHERE code = 'K1'`);
    const after = await live.next(3000);
    expect(k1(after)).toBe(0);
    expect(before).toBeGreaterThan(0);
    await a.sql(`UPDATE cluster SET students_at_least = 700 WHERE code = 'K1'`);
    expect(k1(await live.next(3000))).toBe(before);
    await live.close();
  });
});
