import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestScope } from '../../server/src/db/request-scope';
import type { Actor } from '../../server/src/graphql/actor';
import { startTestHub, type TestHub } from '../harness/hub';
import { Role } from '../harness/users';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const officer: Actor = {
  userId: '00000000-0000-4000-8000-000000000001',
  username: 'officer',
  displayName: 'МОУО Томского района',
  role: Role.MUNICIPAL_OFFICER,
  municipalityCode: 'tomsky',
  schoolCodes: [],
};

/** Runs statements as a request of `actor` does: role hub_app, the actor's scope in the settings. */
async function asRequest<T>(actor: Actor, work: (query: (sql: string) => Promise<any[]>) => Promise<T>): Promise<T> {
  const scope = await RequestScope.open(hub.hub.dataSource, actor, 5000);
  try {
    return await work((sql) => scope.em.query(sql));
  } finally {
    await scope.close(false);
  }
}

/** Tables and views with a `school_code` column: rows that belong to a school. */
async function schoolTables(): Promise<{ name: string; kind: string }[]> {
  return hub.sql(
    `SELECT c.relname AS name, c.relkind AS kind
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND a.attname = 'school_code' AND NOT a.attisdropped
      ORDER BY c.relname`,
  );
}

describe('row-level security under the application role', () => {
  it('a municipal scope sees only its municipality’s rows in every school-level table, without any WHERE', async () => {
    const tomsky = new Set(
      (await hub.sql<{ code: string }>(`SELECT code FROM school WHERE municipality_code = 'tomsky'`)).map(
        (r) => r.code,
      ),
    );
    expect(tomsky.size).toBe(38);
    const tables = await schoolTables();
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['vsoko_evaluation', 'self_diagnostic_result', 'assessment_result', 'participant_result']),
    );
    const seen = await asRequest(officer, async (query) => {
      const result: Record<string, string[]> = {
        school: (await query('SELECT code AS school_code FROM school')).map((r) => r.school_code),
      };
      for (const { name } of tables) {
        result[name] = (await query(`SELECT DISTINCT school_code FROM ${name}`)).map((r) => r.school_code);
      }
      return result;
    });
    expect(seen.school!.length).toBe(38);
    for (const [table, codes] of Object.entries(seen)) {
      const foreign = codes.filter((code) => code !== null && !tomsky.has(code));
      expect(foreign, `${table} shows schools outside Томский район`).toEqual([]);
    }
    // The owner sees other municipalities' rows in the same tables: the filter above is the policies' doing.
    for (const table of ['vsoko_evaluation', 'self_diagnostic_result', 'assessment_result', 'participant_result']) {
      expect(seen[table]!.length, `${table} has Томский район rows`).toBeGreaterThan(0);
      const { count } = (
        await hub.sql<{ count: number }>(
          `SELECT count(DISTINCT school_code)::int AS count FROM ${table} t JOIN school s ON s.code = t.school_code
          WHERE s.municipality_code <> 'tomsky'`,
        )
      )[0]!;
      expect(count).toBeGreaterThan(0);
    }
  });

  it('a request without a scope sees no school rows, users, sessions, imports or audit entries', async () => {
    const anonymous: Actor = { ...officer, userId: null, role: null, municipalityCode: null };
    await asRequest(anonymous, async (query) => {
      for (const table of ['school', 'vsoko_evaluation', 'participant_result', 'app_user', 'import_job', 'audit_log']) {
        expect(await query(`SELECT * FROM ${table} LIMIT 1`), table).toEqual([]);
      }
      await expect(query('SELECT * FROM refresh_token LIMIT 1')).rejects.toThrow(/permission denied/);
    });
  });

  /** Relations with a school_code column that hub_app can read without row-level security deciding the rows. */
  async function unprotected(): Promise<string[]> {
    const rows = await hub.sql<{
      name: string;
      kind: string;
      rls: boolean;
      policies: number;
      readable: boolean;
      invoker: boolean;
    }>(
      `SELECT c.relname AS name, c.relkind AS kind, c.relrowsecurity AS rls,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies,
              has_table_privilege('hub_app', c.oid, 'SELECT') AS readable,
              coalesce('security_invoker=true' = ANY(c.reloptions), false) AS invoker
         FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
          AND a.attname = 'school_code' AND NOT a.attisdropped`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(12);
    return rows
      .filter((t) => t.readable)
      .filter((t) =>
        t.kind === 'v' ? !t.invoker : t.kind === 'r' || t.kind === 'p' ? !t.rls || t.policies === 0 : true,
      )
      .map((t) => t.name);
  }

  it('every table with a school_code column is under row-level security (a new table cannot be forgotten)', async () => {
    expect(await unprotected(), 'readable by hub_app without row-level security (or a security_invoker view)').toEqual(
      [],
    );
    // What the check catches: a new table (granted to hub_app by default privileges), a view, a materialized view.
    await hub.sql(`CREATE TABLE forgotten_rollup (school_code text, n int)`);
    await hub.sql(`CREATE VIEW forgotten_view AS SELECT school_code FROM vsoko_evaluation`);
    await hub.sql(`CREATE MATERIALIZED VIEW forgotten_matview AS SELECT school_code FROM vsoko_evaluation`);
    try {
      expect((await unprotected()).sort()).toEqual(['forgotten_matview', 'forgotten_rollup', 'forgotten_view']);
      await hub.sql(`ALTER TABLE forgotten_rollup ENABLE ROW LEVEL SECURITY`);
      await hub.sql(
        `CREATE POLICY forgotten_rollup_scope ON forgotten_rollup USING (school_code IN (SELECT code FROM school))`,
      );
      await hub.sql(`ALTER VIEW forgotten_view SET (security_invoker = true)`);
      await hub.sql(`REVOKE ALL ON forgotten_matview FROM hub_app`);
      expect(await unprotected()).toEqual([]);
    } finally {
      await hub.sql(`DROP MATERIALIZED VIEW forgotten_matview; DROP VIEW forgotten_view; DROP TABLE forgotten_rollup`);
    }
  });

  it('the application role bypasses nothing and owns nothing', async () => {
    const [role] = await hub.sql(`SELECT rolbypassrls, rolsuper FROM pg_roles WHERE rolname = 'hub_app'`);
    expect(role).toEqual({ rolbypassrls: false, rolsuper: false });
    const { owned } = (
      await hub.sql<{ owned: number }>(
        `SELECT count(*)::int AS owned FROM pg_class WHERE relowner = 'hub_app'::regrole AND relnamespace = 'public'::regnamespace`,
      )
    )[0]!;
    expect(owned).toBe(0);
  });
});
