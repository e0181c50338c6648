import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/observability/logger';
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
async function post(
  body: string | ReadableStream,
  token: string | null,
  headers: Record<string, string> = {},
  on = hub,
) {
  const response = await fetch(`${on.url}graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body,
    ...(typeof body === 'string' ? {} : { duplex: 'half' }),
  } as RequestInit);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    requestId: response.headers.get('x-request-id'),
    text: await response.text(),
  };
}

/** A sample of the hub's metrics, 0 when absent. */
async function sample(series: string, on = hub): Promise<number> {
  const text = await (await fetch(`${on.url}metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return Number(line?.slice(series.length + 1) ?? 0);
}

const storedCount = (on = hub) => sample('hub_aggregate_stored_responses_total', on);

const errorsOf = (text: string) => JSON.parse(text).errors;

describe('aggregate-only queries answered from stored responses', () => {
  const body = JSON.stringify({ query: QUERY, variables: { f: { year: 2025, procedure: 'VPR' } } });

  it('sends the same bytes again while every answer in them stands', async () => {
    const first = await post(body, hub.admin.token);
    const before = await storedCount();
    const second = await post(body, hub.admin.token);
    expect(await storedCount()).toBe(before + 1);
    // Each its own request id; the rest byte for byte.
    expect(second).toEqual({ ...first, requestId: second.requestId });
    expect(second.requestId).not.toBe(first.requestId);
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

describe('bodies around the stored answers', () => {
  const body = JSON.stringify({ query: QUERY, variables: { f: { year: 2024 } } });

  it('a small body that is not JSON, or JSON but not an object, is refused with 400 in GraphQL’s shape', async () => {
    for (const bad of ['{ not json', '"a string"', '   ']) {
      const response = await post(bad, hub.admin.token);
      expect(response.status, bad).toBe(400);
      expect(errorsOf(response.text), bad).toEqual([
        { message: 'Тело запроса — не JSON', extensions: { code: 'BAD_REQUEST' } },
      ]);
    }
  });

  it('a body over 1 MB is refused with 413 in GraphQL’s shape, even when it starts as a stored question', async () => {
    await post(body, hub.admin.token);
    const padded = body.slice(0, -1) + `, "extensions": { "pad": "${'x'.repeat(1024 * 1024)}" } }`;
    const response = await post(padded, hub.admin.token);
    expect(response.status).toBe(413);
    expect(errorsOf(response.text)).toEqual([
      { message: 'Запрос больше 1 МБ: разбейте его на несколько', extensions: { code: 'PAYLOAD_TOO_LARGE' } },
    ]);
  });

  it('a question with a byte order mark is answered as without one', async () => {
    const plain = JSON.parse((await post(body, hub.admin.token)).text);
    const marked = await post(`\ufeff${body}`, hub.admin.token);
    expect(marked.status).toBe(200);
    expect(JSON.parse(marked.text)).toEqual(plain);
  });

  it('a stored question sent in chunks (no declared length) is answered from the store too', async () => {
    const first = await post(body, hub.admin.token);
    const before = await storedCount();
    const chunked = new ReadableStream({
      start(controller) {
        const bytes = new TextEncoder().encode(body);
        controller.enqueue(bytes.slice(0, 10));
        controller.enqueue(bytes.slice(10));
        controller.close();
      },
    });
    const again = await post(chunked, hub.admin.token);
    expect(again.text).toBe(first.text);
    expect(await storedCount()).toBe(before + 1);
  });
});

describe('a stored answer is a request like any other', () => {
  let limited: TestHub;
  const lines: Record<string, any>[] = [];
  const capacity = 6;
  beforeAll(async () => {
    const destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    limited = await startTestHub({
      server: {
        logger: createLogger({ level: 'info', destination }),
        limits: { requests: { capacity, perSecond: 0.01 } },
      },
    });
  });
  afterAll(() => limited?.close());
  const body = JSON.stringify({ query: QUERY, variables: { f: { year: 2025 } } });

  it('writes its access line with the caller’s request id, user and operation, and its request metrics', async () => {
    await post(body, limited.admin.token, {}, limited);
    const duration = 'hub_graphql_request_duration_seconds_count{operation="Dashboard",type="query"}';
    const [stored, timed] = [await storedCount(limited), await sample(duration, limited)];
    const answer = await post(body, limited.admin.token, { 'x-request-id': 'stored-0001' }, limited);
    expect(answer.status).toBe(200);
    expect(answer.requestId).toBe('stored-0001');
    expect(await storedCount(limited)).toBe(stored + 1);
    expect(await sample(duration, limited)).toBe(timed + 1);
    const [admin] = await limited.sql<{ id: string }>(`SELECT id FROM app_user WHERE username = 'test-admin'`);
    const mine = lines.filter((l) => l.reqId === 'stored-0001');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      level: 30,
      msg: 'request',
      method: 'POST',
      path: '/graphql',
      status: 200,
      userId: admin!.id,
      operation: 'Dashboard',
      service: 'tomsk-edu-hub',
    });
    expect(mine[0]!.durationMs).toBeGreaterThan(0);
    expect(mine[0]!.aborted).toBeUndefined();
  });

  it('counts against the caller’s rate limit', async () => {
    const analyst = await createUser(limited, { role: Role.REGION_ANALYST });
    await post(body, limited.admin.token, {}, limited);
    const stored = await storedCount(limited);
    const statuses: number[] = [];
    for (let i = 0; i <= capacity; i++) statuses.push((await post(body, analyst.client.token, {}, limited)).status);
    expect(statuses).toEqual([...Array(capacity).fill(200), 429]);
    expect(await storedCount(limited)).toBe(stored + capacity);
    const refused = await post(body, analyst.client.token, {}, limited);
    expect(errorsOf(refused.text)[0].extensions.code).toBe('RATE_LIMITED');
  });
});
