import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestScope } from '../../server/src/db/request-scope';
import type { GraphqlClient } from '../harness/client';
import { startTestHub, type TestHub } from '../harness/hub';
import { createUser, Role, type TestUser } from '../harness/users';

let hub: TestHub;
let officer: TestUser;
let municipalityActivity: string;

beforeAll(async () => {
  hub = await startTestHub();
  officer = await createUser(hub, { role: Role.MUNICIPAL_OFFICER, municipalityCode: 'tomsky' });
  const [row] = await hub.sql<{ number: string }>(
    `SELECT number FROM plan_activity WHERE plan_code = 'shnor-roadmap-2023' AND scope = 'municipality' ORDER BY id LIMIT 1`,
  );
  municipalityActivity = row!.number;
});
afterAll(() => hub?.close());

/** Posts an operation and returns its data and the response's request id. */
async function post(client: GraphqlClient, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(client.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...client.headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return { data: body.data, requestId: response.headers.get('x-request-id')! };
}

const PROGRESS = `mutation ($input: RecordActivityProgressInput!) { recordActivityProgress(input: $input) { status } }`;
const AUDIT = `query ($filter: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id at userId userName requestId action entity entityKey before after } } } }`;

describe('the audit log', () => {
  it('records a mutation: who, when, the request, the row before and after', async () => {
    const input = (status: string, comment: string) => ({
      planCode: 'shnor-roadmap-2023',
      activityNumber: municipalityActivity,
      target: { level: 'MUNICIPALITY', municipalityCode: 'tomsky' },
      status,
      evidenceUrl: '',
      comment,
    });
    const started = new Date();
    const first = await post(officer.client, PROGRESS, { input: input('IN_PROGRESS', 'Начали') });
    const second = await post(officer.client, PROGRESS, { input: input('DONE', 'Готово') });
    expect(first.requestId).not.toBe(second.requestId);

    const [entry] = await hub.sql('SELECT * FROM audit_log WHERE request_id = $1', [second.requestId]);
    expect(entry).toMatchObject({
      user_id: officer.id,
      user_name: `Тест: ${officer.username}`,
      action: 'recordActivityProgress',
      entity: 'activity_progress',
      entity_key: `shnor-roadmap-2023:${municipalityActivity}/municipality:tomsky`,
      before: { status: 'in_progress', evidenceUrl: null, comment: 'Начали' },
      after: { status: 'done', evidenceUrl: null, comment: 'Готово' },
    });
    expect(entry!.at.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);
    const [previous] = await hub.sql('SELECT after FROM audit_log WHERE request_id = $1', [first.requestId]);
    expect(previous!.after).toEqual(entry!.before);
  });

  it('records ВСОКО block scores as the domain row, not the request', async () => {
    const { requestId } = await post(
      hub.admin,
      `mutation ($input: RecordVsokoEvaluationInput!) { recordVsokoEvaluation(input: $input) { total } }`,
      { input: { schoolCode: 'sch700002', year: 2024, blocks: [1, 2, 3, 4].map((number) => ({ number, score: 3 })) } },
    );
    const [entry] = await hub.sql('SELECT * FROM audit_log WHERE request_id = $1', [requestId]);
    expect(entry).toMatchObject({ action: 'recordVsokoEvaluation', entity: 'vsoko_evaluation' });
    expect(entry!.entity_key).toBe('sch700002/2024');
    expect(entry!.before.isDemo).toBe(true);
    expect(entry!.after).toMatchObject({ scores: { 1: 3, 2: 3, 3: 3, 4: 3 }, isDemo: false, expert: null });
  });

  it('records an applied import with its request id; a dry run or a rejected file records nothing', async () => {
    const upload = async (content: string, query = '') => {
      const form = new FormData();
      form.append('file', new Blob([content]), 'schools.csv');
      const response = await fetch(`${hub.url}api/imports/schools${query}`, {
        method: 'POST',
        body: form,
        headers: hub.admin.headers,
      });
      expect(response.status).toBe(202);
      const { id } = (await response.json()) as { id: string };
      for (let i = 0; i < 100; i++) {
        const [job] = await hub.sql('SELECT phase, status FROM import_job WHERE id = $1', [id]);
        if (job!.phase === 'done') return { id, status: job!.status, requestId: response.headers.get('x-request-id') };
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('import did not finish');
    };
    const header = 'Код ОО;Муниципалитет;Полное наименование;Обучающихся';
    const applied = await upload(`${header}\nsch700911;Томский район;Школа 911 (тест);120\n`);
    expect(applied.status).toBe('applied');
    const entries = await hub.sql('SELECT * FROM audit_log WHERE entity = $1 AND entity_key = $2', [
      'import',
      applied.id,
    ]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'import', request_id: applied.requestId, user_name: 'test-admin' });
    expect(entries[0]!.after).toMatchObject({ kind: 'schools', fileName: 'schools.csv', inserted: 1, rejected: 0 });

    const dry = await upload(`${header}\nsch700912;Томский район;Школа 912 (тест);120\n`, '?dryRun=true');
    const rejected = await upload(`${header}\nsch700913;Томский район;Школа 913 (тест);много\n`);
    expect([dry.status, rejected.status]).toEqual(['checked', 'rejected']);
    const none = await hub.sql('SELECT id FROM audit_log WHERE entity_key = ANY($1)', [[dry.id, rejected.id]]);
    expect(none).toEqual([]);
  });

  it('records sign-ins and sign-outs', async () => {
    const user = await createUser(hub, { role: Role.REGION_ANALYST });
    const [login] = await hub.sql(`SELECT * FROM audit_log WHERE action = 'login' AND user_id = $1`, [user.id]);
    expect(login!.after).toEqual({ username: user.username, address: expect.any(String) });
    await user.client.gqlOk('mutation { logout }');
    const [logout] = await hub.sql(`SELECT * FROM audit_log WHERE action = 'logout' AND user_id = $1`, [user.id]);
    expect(logout!.entity_key).toBe(login!.entity_key);
  });

  it('auditLog: the region admin reads, filters and pages it; nobody else', async () => {
    const mine = await hub.gqlOk(AUDIT, { filter: { entity: 'activity_progress', userId: officer.id }, first: 1 });
    expect(mine.auditLog.totalCount).toBe(2);
    expect(mine.auditLog.edges[0].node).toMatchObject({
      userId: officer.id,
      action: 'recordActivityProgress',
      after: { status: 'done' },
    });
    expect(mine.auditLog.pageInfo.hasNextPage).toBe(true);
    const next = await hub.gqlOk(AUDIT, {
      filter: { entity: 'activity_progress', userId: officer.id },
      first: 1,
      after: mine.auditLog.pageInfo.endCursor,
    });
    expect(next.auditLog.edges[0].node.after).toMatchObject({ status: 'in_progress' });
    expect(Number(next.auditLog.edges[0].node.id)).toBeLessThan(Number(mine.auditLog.edges[0].node.id));

    const future = new Date(Date.now() + 3_600_000).toISOString();
    const empty = await hub.gqlOk(AUDIT, { filter: { from: future } });
    expect(empty.auditLog.totalCount).toBe(0);
    const untilNow = await hub.gqlOk(AUDIT, { filter: { to: future, entity: 'activity_progress' } });
    expect(untilNow.auditLog.totalCount).toBe(2);

    for (const role of [Role.REGION_ANALYST, Role.MUNICIPAL_OFFICER] as const) {
      const client = role === Role.MUNICIPAL_OFFICER ? officer.client : (await createUser(hub, { role })).client;
      const refused = await client.gql(AUDIT, {});
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors![0]!.message).toBe('Журнал изменений доступен администратору региона');
    }
  });

  it('is append-only, and a request can neither read entries nor write them in another’s name', async () => {
    await expect(hub.sql(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/только дополняется/);
    await expect(hub.sql(`DELETE FROM audit_log`)).rejects.toThrow(/только дополняется/);
    const actor = {
      userId: officer.id,
      username: officer.username,
      displayName: 'x',
      role: Role.MUNICIPAL_OFFICER,
      municipalityCode: 'tomsky',
      schoolCodes: [],
    };
    const scope = await RequestScope.open(hub.hub.dataSource, actor, 5000);
    try {
      expect(await scope.em.query('SELECT * FROM audit_log')).toEqual([]);
      await expect(
        scope.em.query(
          `INSERT INTO audit_log (user_id, user_name, action, entity, entity_key) VALUES ($1, 'x', 'x', 'x', 'x')`,
          [hub.admin.token && (await hub.sql(`SELECT id FROM app_user WHERE username = 'test-admin'`))[0]!.id],
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await scope.close(false);
    }
  });
});
