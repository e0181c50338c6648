import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestScope } from '../../server/src/db/request-scope';
import { SYSTEM } from '../../server/src/graphql/actor';
import { formatError } from '../../server/src/graphql/errors';
import { startTestHub, type TestHub } from '../harness/hub';
import { createUser, Role } from '../harness/users';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

/** Nested `municipality { schools }` hops below a school: depth 1 + 4 per hop + the leaf. */
function nested(hops: number, leaf = 'code'): string {
  let selection = leaf;
  for (let i = 0; i < hops; i++) selection = `municipality { schools(first: 1) { edges { node { ${selection} } } } }`;
  return `{ school(code: "sch700053") { ${selection} } }`;
}

const FOUR_DOMAINS = `
  code
  vsoko { year zone { code title } blocks { number score threshold risky } }
  shnor { year category programmeStatus curator }
  selfDiagnostics { year round level }
  assessmentResults(filter: { procedureCodes: ["VPR", "EGE"] }) { procedureCode year subjectCode grade participants share2 meanTestScore }
  planProgress { status activity { number plan { code } } }
`;

describe('query depth', () => {
  it('allows depth 10 and refuses 11 with QUERY_TOO_DEEP, naming both', async () => {
    const ten = await hub.gql(nested(2));
    expect(ten.errors).toBeUndefined();
    const eleven = await hub.gql(nested(2, 'municipality { code }'));
    expect(eleven.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_DEEP', depth: 11, maxDepth: 10 });
    expect(eleven.errors![0]!.message).toMatch(/вложенность 11 при допустимой 10/);
    expect(eleven.data).toBeUndefined();
  });

  it('counts through fragments, and over WebSocket too', async () => {
    const query = `query { school(code: "sch700053") { ...Deep } }
      fragment Deep on School { municipality { schools(first: 1) { edges { node { ...Deeper } } } } }
      fragment Deeper on School { municipality { schools(first: 1) { edges { node { municipality { code } } } } } }`;
    expect((await hub.gql(query)).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    const socket = hub.subscribe(query);
    const message = await socket.next();
    expect(message.errors?.[0]?.message).toMatch(/вложенность 11/);
    await socket.close();
  });

  it('lets a signed-in user introspect (the standard query nests ofType deeper than 10)', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const result = await hub.gql(getIntrospectionQuery());
    expect(result.errors).toBeUndefined();
    expect(result.data?.__schema?.queryType?.name).toBe('Query');
    const anonymous = await hub.anonymous.gql(getIntrospectionQuery());
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('query complexity', () => {
  const NESTED_LISTS = `{ municipalities { schools(first: 500) { edges { node {
      municipality { schools(first: 500) { edges { node { code } } } } } } } } }`;

  it('refuses a list of schools nested in a list of schools with QUERY_TOO_COMPLEX, naming the cost and the limit', async () => {
    const response = await fetch(`${hub.url}graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...hub.admin.headers },
      body: JSON.stringify({ query: NESTED_LISTS }),
    });
    expect(response.status).toBe(400);
    const result = (await response.json()) as any;
    const error = result.errors[0];
    expect(error.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(error.extensions.maxComplexity).toBe(400_000);
    expect(error.extensions.complexity).toBeGreaterThan(10_000_000);
    expect(error.message).toMatch(/Запрос слишком сложный: оценка [\d\s ]+ при пределе 400[\s ]000/);
    expect(result.data).toBeUndefined();
  });

  it('passes 300 schools (a page of 500) with all four domains', async () => {
    const data = await hub.gqlOk(`{ schools(first: 500) { edges { node { ${FOUR_DOMAINS} } } } }`);
    expect(data.schools.edges).toHaveLength(299);
  });

  it('checks WebSocket operations too, and the socket stays usable', async () => {
    const socket = hub.subscribe(NESTED_LISTS);
    expect((await socket.next()).errors?.[0]?.message).toMatch(/слишком сложный/);
    await socket.close();
  });

  it('refuses a fragment bomb before estimating it', async () => {
    const levels = 14;
    const fragments = Array.from(
      { length: levels },
      (_, i) =>
        `fragment F${i} on Query { ${i + 1 < levels ? `...F${i + 1} a${i}: ...F${i + 1}` : 'clusters { code }'} }`,
    );
    const query = `{ ...F0 } ${fragments.join(' ').replace(/a\d+: /g, '')}`;
    const result = await hub.gql(query);
    expect(result.errors?.[0]?.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      complexity: null,
      maxComplexity: 400_000,
    });
    expect(result.errors![0]!.message).toMatch(/больше 10[\s\u00a0\u202f]000 полей/);
  });
});

describe('statement timeout', () => {
  it('cancels a statement over the timeout at the request scope, and the pool keeps serving', async () => {
    const scope = await RequestScope.open(hub.hub.dataSource, SYSTEM, 200);
    const started = Date.now();
    const error = await scope.em.query('SELECT pg_sleep(3)').catch((e: unknown) => e);
    await scope.close(false);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((error as { driverError?: { code?: string } }).driverError?.code).toBe('57014');
    const formatted = formatError({ message: 'x' }, error, { statementTimeoutMs: 200 });
    expect(formatted.extensions).toEqual({ code: 'STATEMENT_TIMEOUT', timeoutMs: 200 });
    expect(formatted.message).toMatch(/дольше допустимого \(200 мс\)/);
    const next = await RequestScope.open(hub.hub.dataSource, SYSTEM, 200);
    expect(await next.em.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await next.close(true);
  });

  it('answers a request stuck past the timeout with STATEMENT_TIMEOUT while others are served', async () => {
    const slow = await startTestHub({ server: { statementTimeoutMs: 500 } });
    const blocker = new pg.Client({ connectionString: slow.databaseUrl });
    await blocker.connect();
    try {
      // A statement waiting on a lock is a slow statement like any other: statement_timeout ends it.
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE school IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const stuck = slow.gql('{ schools(first: 5) { edges { node { code } } } }');
      const others = await Promise.all([slow.gqlOk('{ procedures { code } }'), slow.gqlOk('{ me { username } }')]);
      expect(others[0].procedures.length).toBeGreaterThan(0);
      expect(others[1].me.username).toBe('test-admin');
      const result = await stuck;
      expect(Date.now() - started).toBeLessThan(3000);
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'STATEMENT_TIMEOUT', timeoutMs: 500 });
      expect(JSON.stringify(result)).not.toMatch(/canceling statement|SELECT/);
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    const after = await slow.gqlOk('{ schools(first: 5) { edges { node { code } } } }');
    expect(after.schools.edges).toHaveLength(5);
    await slow.close();
  });
});

describe('transport protections', () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${hub.url}graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...hub.admin.headers, ...headers },
      body,
    });

  it('refuses a body over 1 MB with 413 and PAYLOAD_TOO_LARGE, and accepts one just under', async () => {
    const padding = (size: number) => JSON.stringify({ query: `{ clusters { code } } #${'x'.repeat(size)}` });
    const over = await post(padding(1024 * 1024));
    expect(over.status).toBe(413);
    const text = await over.text();
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: 'Запрос больше 1 МБ: разбейте его на несколько', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
    expect(text).not.toMatch(/at |node_modules|stack/i);
    const under = await post(padding(1000 * 1000));
    expect(under.status).toBe(200);
    expect(((await under.json()) as any).data.clusters.length).toBeGreaterThan(0);
  });

  it('answers a body that is not JSON with 400 in GraphQL’s shape, no stack', async () => {
    const response = await post('{ not json');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Тело запроса — не JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('prevents CSRF: a simple GET or a text/plain POST is refused even with a valid token', async () => {
    const query = encodeURIComponent('{ clusters { code } }');
    const simple = await fetch(`${hub.url}graphql?query=${query}`, { headers: hub.admin.headers });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
    const plain = await fetch(`${hub.url}graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...hub.admin.headers },
      body: JSON.stringify({ query: '{ clusters { code } }' }),
    });
    expect(plain.status).toBe(400);
    const preflighted = await fetch(`${hub.url}graphql?query=${query}`, {
      headers: { ...hub.admin.headers, 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
  });

  it('gives every response an x-request-id', async () => {
    const a = await post(JSON.stringify({ query: '{ clusters { code } }' }));
    const b = await fetch(`${hub.url}api/imports/nope/rejected.csv`);
    expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
  });
});

describe('per-user limits', () => {
  it('rate-limits a user with RATE_LIMITED (429) without affecting another user', async () => {
    const limited = await startTestHub({
      server: { limits: { requests: { capacity: 6, perSecond: 0.2 }, maxQueryComplexity: 1000 } },
    });
    try {
      // The configured budget applies: what the default passes, 1000 refuses.
      const big = await limited.gql('{ schools(first: 500) { edges { node { code displayName } } } }');
      expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxComplexity: 1000 });
      const a = await createUser(limited, { role: Role.REGION_ANALYST });
      const b = await createUser(limited, { role: Role.REGION_ANALYST });
      const statuses: number[] = [];
      const codes: unknown[] = [];
      for (let i = 0; i < 9; i++) {
        const response = await fetch(a.client.endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...a.client.headers },
          body: JSON.stringify({ query: '{ clusters { code } }' }),
        });
        statuses.push(response.status);
        codes.push(((await response.json()) as any).errors?.[0]?.extensions?.code ?? 'OK');
      }
      expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(statuses.slice(7)).toEqual([429, 429]);
      expect(codes.at(-1)).toBe('RATE_LIMITED');
      expect((await b.client.gql('{ clusters { code } }')).errors).toBeUndefined();
      // Over a socket the operation is refused, the socket stays open.
      const socket = a.client.subscribe('{ clusters { code } }');
      expect((await socket.next()).errors?.[0]?.message).toMatch(/Слишком много запросов/);
      await socket.close();
    } finally {
      await limited.close();
    }
  });

  it('holds a user to 20 WebSocket connections; another user is unaffected', async () => {
    const user = await createUser(hub, { role: Role.REGION_ANALYST });
    const other = await createUser(hub, { role: Role.REGION_ANALYST });
    const query = 'subscription { aggregateUpdated(indicator: "schools.count", groupBy: REGION) { version } }';
    const open = Array.from({ length: 20 }, () => user.client.subscribe(query));
    for (const socket of open) expect((await socket.next(10_000)).errors).toBeUndefined();
    const refused = user.client.subscribe(query);
    expect((await refused.next(10_000)).errors?.[0]?.message).toMatch(/4403|Forbidden/);
    const fine = other.client.subscribe(query);
    expect((await fine.next(10_000)).errors).toBeUndefined();
    await open[0]!.close();
    await new Promise((r) => setTimeout(r, 200));
    const again = user.client.subscribe(query);
    expect((await again.next(10_000)).errors).toBeUndefined();
    await Promise.all([...open, refused, fine, again].map((s) => s.close()));
  });
});
