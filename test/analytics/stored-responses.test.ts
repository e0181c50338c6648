import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../harness/hub';
import { createUser, Role, type TestUser } from '../harness/users';

let hub: TestHub;
let officer: TestUser;
beforeAll(async () => {
  hub = await startTestHub();
  officer = await createUser(hub, { role: Role.MUNICIPAL_OFFICER, municipalityCode: 'tomsk' });
});
afterAll(() => hub?.close());

const QUERY = `query Dashboard($f: AggregateFilter) {
  share: aggregate(indicator: "assessment.share_2", groupBy: MUNICIPALITY, filter: $f) { version rows { key numerator } }
  total: aggregate(indicator: "schools.count", groupBy: REGION) { rows { value } }
}`;
const BY_SCHOOL = `{ aggregate(indicator: "schools.count", groupBy: SCHOOL) { rows { key } } }`;

/** One request as a dashboard sends it: the same bytes each time. */
async function post(body: string, token: string | null) {
  const response = await fetch(`${hub.url}graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

async function storedCount(): Promise<number> {
  const text = await (await fetch(`${hub.url}metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('hub_aggregate_stored_responses_total '));
  return Number(line?.split(' ')[1] ?? 0);
}

describe('aggregate-only queries answered from stored responses', () => {
  const body = JSON.stringify({ query: QUERY, variables: { f: { year: 2025, procedure: 'VPR' } } });

  it('sends the same bytes again while every answer in them stands', async () => {
    const first = await post(body, hub.admin.token);
    const before = await storedCount();
    const second = await post(body, hub.admin.token);
    expect(await storedCount()).toBe(before + 1);
    expect(second).toEqual(first);
    expect(JSON.parse(second.text).data.share.rows.length).toBeGreaterThan(1);
  });

  it('answers afresh after a write, and stores that answer', async () => {
    const before = JSON.parse((await post(body, hub.admin.token)).text).data;
    const [row] = await hub.sql<{ school_code: string; municipality_code: string }>(
      `UPDATE assessment_result r SET count2 = count2 + 1, count3 = count3 - 1 FROM school s
        WHERE s.code = r.school_code AND (r.school_code, r.subject_code, coalesce(r.grade, 0)) =
              (SELECT school_code, subject_code, coalesce(grade, 0) FROM assessment_result
                WHERE year = 2025 AND procedure_code = 'VPR' AND count3 > 0 ORDER BY 1, 2, 3 LIMIT 1)
          AND r.year = 2025 AND r.procedure_code = 'VPR'
        RETURNING r.school_code, s.municipality_code`,
    );
    const stored = await storedCount();
    const after = JSON.parse((await post(body, hub.admin.token)).text).data;
    expect(await storedCount(), 'the stale response is not sent').toBe(stored);
    const numerator = (data: any) =>
      data.share.rows.find((r: { key: string }) => r.key === row!.municipality_code).numerator;
    expect(numerator(after)).toBe(numerator(before) + 1);
    expect(after.share.version).toBeGreaterThan(before.share.version);
    expect(JSON.parse((await post(body, hub.admin.token)).text).data).toEqual(after);
    expect(await storedCount()).toBe(stored + 1);
  });

  it('still asks who is calling: no token, no answer', async () => {
    await post(body, hub.admin.token);
    const anonymous = await post(body, null);
    expect(JSON.parse(anonymous.text).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await post(body, 'not-a-token');
    expect(JSON.parse(forged.text).data ?? null).toBeNull();
  });

  it('never shares one caller’s schools with another', async () => {
    const bySchool = JSON.stringify({ query: BY_SCHOOL });
    const all = JSON.parse((await post(bySchool, hub.admin.token)).text).data.aggregate.rows;
    await post(bySchool, hub.admin.token);
    const own = JSON.parse((await post(bySchool, officer.client.token)).text).data.aggregate.rows;
    const [{ count } = { count: -1 }] = await hub.sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM school WHERE municipality_code = 'tomsk'`,
    );
    expect(own.length).toBe(count);
    expect(own.length).toBeLessThan(all.length);
    // And the officer's answer is not what the region admin gets next.
    await post(bySchool, officer.client.token);
    expect(JSON.parse((await post(bySchool, hub.admin.token)).text).data.aggregate.rows.length).toBe(all.length);
  });
});
