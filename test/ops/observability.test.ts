import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createLogger } from '../../server/src/observability/logger';
import { createSchool } from '../harness/factories';
import { TEST_ADMIN } from '../harness/global-setup';
import { startTestHub, type TestHub } from '../harness/hub';

/** Every line the hub logs, parsed, at debug level: what an operator's log collector would get. */
const lines: string[] = [];
const logs = () => lines.map((line) => JSON.parse(line) as Record<string, any>);
const METRICS_TOKEN = 'scrape-token-for-tests-0123';

let hub: TestHub;
beforeAll(async () => {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  hub = await startTestHub({
    server: { logger: createLogger({ level: 'debug', destination }), metricsToken: METRICS_TOKEN },
  });
});
afterAll(() => hub?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readyz(): Promise<{ status: number; body: any }> {
  const response = await fetch(`${hub.url}readyz`);
  return { status: response.status, body: await response.json() };
}

async function metrics(): Promise<string> {
  const response = await fetch(`${hub.url}metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The value of one sample line, e.g. `hub_graphql_errors_total{code="UNAUTHENTICATED"}`; 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('/healthz and /readyz', () => {
  it('says alive, and ready with every check passing', async () => {
    const health = await fetch(`${hub.url}healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(await readyz()).toEqual({
      status: 200,
      body: {
        status: 'ready',
        ready: true,
        checks: { database: { ok: true }, migrations: { ok: true }, changeFeed: { ok: true } },
      },
    });
  });

  it('is not ready while the database refuses connections, and ready again once it is back', async () => {
    const name = new URL(hub.databaseUrl).pathname.slice(1);
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    try {
      // The database goes away for the hub: new connections refused, its own (pool and LISTEN) cut.
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = $1 AND application_name IN ('tomsk-edu-hub', 'hub-change-feed')`,
        [name],
      );
      const down = await waitFor('readiness to fail', async () => {
        const r = await readyz();
        return r.status === 503 && !r.body.checks.database.ok && !r.body.checks.changeFeed.ok ? r : undefined;
      });
      expect(down.body).toMatchObject({
        status: 'not ready',
        ready: false,
        checks: {
          database: { ok: false, error: expect.stringMatching(/^база данных недоступна: /) },
          migrations: { ok: false },
          changeFeed: { ok: false, error: expect.stringMatching(/LISTEN/) },
        },
      });
      // Alive all along: a liveness probe must not restart a replica for its database's sake.
      expect((await fetch(`${hub.url}healthz`)).status).toBe(200);
    } finally {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    const back = await waitFor('readiness to return', async () => {
      const r = await readyz();
      return r.status === 200 ? r : undefined;
    });
    expect(back.body.checks).toEqual({ database: { ok: true }, migrations: { ok: true }, changeFeed: { ok: true } });
    expect(logs().some((l) => l.level === 40 && /change feed LISTEN connection lost/.test(l.msg))).toBe(true);
  });

  it('is not ready while a migration this code knows is missing from the database', async () => {
    const [last] = await hub.sql<{ id: number; timestamp: string; name: string }>(
      'SELECT * FROM migrations ORDER BY timestamp DESC LIMIT 1',
    );
    await hub.sql('DELETE FROM migrations WHERE id = $1', [last!.id]);
    try {
      const { status, body } = await readyz();
      expect(status).toBe(503);
      expect(body.checks.database).toEqual({ ok: true });
      expect(body.checks.migrations).toMatchObject({ ok: false, pending: [last!.name] });
    } finally {
      await hub.sql('INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [
        last!.id,
        last!.timestamp,
        last!.name,
      ]);
    }
    expect((await readyz()).status).toBe(200);
  });

  it('is not ready once shutdown has begun, whatever the checks say', async () => {
    const stopping = await startTestHub({ databaseUrl: hub.databaseUrl });
    try {
      stopping.hub.readiness.markStopping();
      const response = await fetch(`${stopping.url}readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        ready: false,
        shuttingDown: true,
        checks: { database: { ok: true } },
      });
    } finally {
      await stopping.close();
    }
  });
});

describe('/metrics', () => {
  it('wants the token when HUB_METRICS_TOKEN is set', async () => {
    expect((await fetch(`${hub.url}metrics`)).status).toBe(401);
    const wrong = await fetch(`${hub.url}metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } });
    expect(wrong.status).toBe(401);
  });

  it('counts requests by operation, errors by code, subscriptions, notifications, recomputations, imports, the pool', async () => {
    const before = await metrics();
    await hub.gqlOk('query RegionOverview { municipalities { code } }');
    await hub.gqlOk('query RegionOverview { clusters { code } }');
    expect((await hub.gql('{ schools { nope } }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await hub.anonymous.gql('{ clusters { code } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const live = hub.subscribe<{ aggregateUpdated: { rows: { key: string; value: number }[] } }>(
      'subscription { aggregateUpdated(indicator: "schools.count", groupBy: MUNICIPALITY) { rows { key value } } }',
    );
    await live.next();
    await createSchool(hub, { municipality_code: 'tomsk' });
    await live.next(3000);

    const form = new FormData();
    const csv = 'Код ОО;Муниципалитет;Полное наименование\nsch709901;г. Томск;Школа метрик (тест)\n';
    form.append('file', new Blob([csv]), 'one.csv');
    const upload = await fetch(`${hub.url}api/imports/schools`, {
      method: 'POST',
      body: form,
      headers: hub.admin.headers,
    });
    expect(upload.status).toBe(202);
    const { id } = (await upload.json()) as { id: string };
    await waitFor('the import', async () => {
      const { importJob } = await hub.gqlOk(`{ importJob(id: "${id}") { phase } }`);
      return importJob.phase === 'DONE' ? true : undefined;
    });

    const text = await waitFor('the import in the metrics', async () => {
      const t = await metrics();
      return sample(t, 'hub_import_duration_seconds_count{kind="schools",status="applied"}') === 1 ? t : undefined;
    });
    const grew = (series: string) => sample(text, series) - sample(before, series);
    expect(grew('hub_graphql_request_duration_seconds_count{operation="RegionOverview",type="query"}')).toBe(2);
    expect(grew('hub_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(grew('hub_graphql_errors_total{code="UNAUTHENTICATED"}')).toBe(1);
    expect(sample(text, 'hub_active_subscriptions')).toBe(1);
    expect(sample(text, 'hub_websocket_connections')).toBe(1);
    expect(grew('hub_change_notifications_total{domain="school"}')).toBeGreaterThanOrEqual(2);
    expect(grew('hub_live_recompute_duration_seconds_count{indicator="schools.count"}')).toBeGreaterThanOrEqual(1);
    expect(grew('hub_import_rows_total{kind="schools",outcome="read"}')).toBe(1);
    expect(grew('hub_import_rows_total{kind="schools",outcome="inserted"}')).toBe(1);
    expect(grew('hub_import_rows_total{kind="schools",outcome="rejected"}')).toBe(0);
    expect(sample(text, 'hub_db_pool_connections{state="total"}')).toBeGreaterThan(0);
    expect(text).toMatch(/^hub_db_pool_connections\{state="idle"\} \d+$/m);
    expect(text).toMatch(/^hub_db_pool_connections\{state="waiting"\} \d+$/m);
    expect(text).toMatch(/^hub_process_resident_memory_bytes \d+/m);

    await live.close();
    expect(sample(await metrics(), 'hub_active_subscriptions')).toBe(0);
  });
});

describe('logs', () => {
  it('one JSON line per request with its id (the caller’s X-Request-Id kept and echoed) and user', async () => {
    const response = await fetch(`${hub.url}graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-0001.a', ...hub.admin.headers },
      body: JSON.stringify({ query: 'query SchoolsCount { schools { totalCount } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('trace-0001.a');
    const [admin] = await hub.sql<{ id: string }>('SELECT id FROM app_user WHERE username = $1', [TEST_ADMIN.username]);
    const line = await waitFor('the request line', async () => logs().find((l) => l.reqId === 'trace-0001.a'));
    expect(line).toMatchObject({
      level: 30,
      msg: 'request',
      method: 'POST',
      path: '/graphql',
      status: 200,
      userId: admin!.id,
      operation: 'SchoolsCount',
      service: 'tomsk-edu-hub',
    });
    expect(line.durationMs).toBeGreaterThan(0);

    // An id that is not a plain token (a header injection, say) is replaced, not echoed.
    const odd = await fetch(`${hub.url}healthz`, { headers: { 'x-request-id': 'a b<script>' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never carries a password, a token or SQL parameters', async () => {
    const secret = 'Correct-Horse-Battery-Staple-42';
    const login =
      'mutation SignIn($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken refreshToken } }';
    await hub.anonymous.gql(login, { u: TEST_ADMIN.username, p: secret });
    const signedIn = await hub.anonymous.gqlOk<{ login: { accessToken: string; refreshToken: string } }>(login, {
      u: TEST_ADMIN.username,
      p: TEST_ADMIN.password,
    });
    // An unexpected failure with its SQL statement, whose parameter is a participant code.
    await hub.sql('ALTER TABLE school RENAME COLUMN full_name TO full_name_gone');
    try {
      const failed = await hub.gql('{ school(code: "P-7701-000123") { code fullName } }');
      expect(failed.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await hub.sql('ALTER TABLE school RENAME COLUMN full_name_gone TO full_name');
    }
    const error = await waitFor('the error line', async () =>
      logs().find((l) => l.msg === 'unexpected error in a GraphQL request'),
    );
    expect(error.err.parameters).toBe('[скрыто]');
    expect(error.reqId).toMatch(/^[0-9a-f-]{36}$/);

    const all = lines.join('\n');
    expect(all).toContain('"operation":"SignIn"');
    for (const leak of [secret, TEST_ADMIN.password, signedIn.login.accessToken, signedIn.login.refreshToken]) {
      expect(all).not.toContain(leak);
    }
    expect(all).not.toContain('P-7701-000123');
  });
});
