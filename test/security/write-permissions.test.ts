import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphqlClient, GqlResult } from '../harness/client';
import { startTestHub, type TestHub } from '../harness/hub';
import { createUser, Role } from '../harness/users';
import { callersOf, FOREIGN, type Caller, type RoleName } from './scope';

let hub: TestHub;
let callers: Record<RoleName, Caller>;
/** Activity numbers of the ШНОР roadmap by scope, and a school-scope activity of another plan. */
let roadmap: Record<'region' | 'municipality' | 'school', string>;
let seminarSchoolActivity: string;

beforeAll(async () => {
  hub = await startTestHub();
  callers = await callersOf(hub);
  const first = async (plan: string, scope: string) =>
    (
      await hub.sql<{ number: string }>(
        'SELECT number FROM plan_activity WHERE plan_code = $1 AND scope = $2 ORDER BY id LIMIT 1',
        [plan, scope],
      )
    )[0]!.number;
  roadmap = {
    region: await first('shnor-roadmap-2023', 'region'),
    municipality: await first('shnor-roadmap-2023', 'municipality'),
    school: await first('shnor-roadmap-2023', 'school'),
  };
  seminarSchoolActivity = await first('seminar-decisions-2021', 'school');
}, 120_000);
afterAll(() => hub?.close());

const VSOKO = `mutation ($input: RecordVsokoEvaluationInput!) {
  recordVsokoEvaluation(input: $input) { school { code } total expert isDemo passport { teacherCount } documents { code url } } }`;
const SELF_DIAGNOSTIC = `mutation ($input: SubmitSelfDiagnosticInput!) {
  submitSelfDiagnostic(input: $input) { school { code } year round level } }`;
const SHNOR = `mutation ($input: SetShnorListingInput!) { setShnorListing(input: $input) { schoolCode category } }`;
const PROGRESS = `mutation ($input: RecordActivityProgressInput!) {
  recordActivityProgress(input: $input) { status target { level } } }`;

const blocks = (score = 4) => [1, 2, 3, 4].map((number) => ({ number, score }));

/** Valid inputs for a school: without the permission check, each would be written. */
const WRITES: Record<string, (school: string) => { query: string; input: Record<string, unknown> }> = {
  recordVsokoEvaluation: (school) => ({ query: VSOKO, input: { schoolCode: school, year: 2024, blocks: blocks() } }),
  submitSelfDiagnostic: (school) => ({
    query: SELF_DIAGNOSTIC,
    input: { schoolCode: school, year: 2025, round: 2, level: 'HIGH' },
  }),
  setShnorListing: (school) => ({ query: SHNOR, input: { schoolCode: school, year: 2025, category: 'ШНОР' } }),
  recordActivityProgress: (school) => ({
    query: PROGRESS,
    input: {
      planCode: 'shnor-roadmap-2023',
      activityNumber: roadmap.school,
      target: { level: 'SCHOOL', schoolCode: school },
      status: 'DONE',
    },
  }),
};

/** Everything a write to `school` could touch, and the audit log. */
async function snapshot(school: string): Promise<Record<string, string>> {
  const tables = [
    'vsoko_evaluation',
    'vsoko_block_score',
    'vsoko_document_link',
    'self_diagnostic_result',
    'self_diagnostic_score',
    'shnor_listing',
    'activity_progress',
    'activity_progress_change',
  ];
  const parts = tables.map(
    (t) =>
      `(SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM ${t} x WHERE school_code = $1) AS ${t}`,
  );
  const [row] = await hub.sql(`SELECT (SELECT count(*) FROM audit_log)::text AS audit, ${parts.join(', ')}`, [school]);
  return row!;
}

function expectForbidden(result: GqlResult): void {
  expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.errors)).toBe('FORBIDDEN');
  expect(result.errors![0]!.message).toMatch(/[а-яё]{4}/i);
}

async function write(client: GraphqlClient, query: string, input: Record<string, unknown>): Promise<GqlResult> {
  return client.gql(query, { input });
}

describe('a forbidden write fails with FORBIDDEN and changes nothing', () => {
  const roles: RoleName[] = ['analyst', 'officer', 'coordinator', 'expert', 'curator'];
  describe.each(Object.keys(WRITES))('%s to a school out of scope', (mutation) => {
    it.each(roles)('as %s', async (role) => {
      const { query, input } = WRITES[mutation]!(FOREIGN);
      const before = await snapshot(FOREIGN);
      expectForbidden(await write(callers[role].client, query, input));
      expect(await snapshot(FOREIGN)).toEqual(before);
    });
  });

  it.each(Object.keys(WRITES))(
    'the same %s by the region admin is written (the inputs are valid)',
    async (mutation) => {
      const { query, input } = WRITES[mutation]!(FOREIGN);
      const before = await snapshot(FOREIGN);
      const result = await write(hub.admin, query, input);
      expect(result.errors).toBeUndefined();
      expect(await snapshot(FOREIGN)).not.toEqual(before);
    },
  );

  it('the check comes before validation: a foreign school’s invalid input is FORBIDDEN, not explained', async () => {
    const result = await write(callers.expert.client, VSOKO, {
      schoolCode: FOREIGN,
      year: 2024,
      blocks: blocks(99),
    });
    expectForbidden(result);
    expect(result.errors![0]!.message).not.toMatch(/максимум/);
  });

  it('a non-admin cannot upload an import', async () => {
    const form = new FormData();
    form.append('file', new Blob(['Код ОО;Муниципалитет;Полное наименование\n']), 'schools.csv');
    const response = await fetch(`${hub.url}api/imports/schools`, {
      method: 'POST',
      body: form,
      headers: callers.officer.client.headers,
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: 'FORBIDDEN', message: 'Загружать файлы может администратор региона' },
    });
  });
});

describe('ВСОКО: experts score their schools, coordinators fill their school’s passport and links', () => {
  it('an expert records block scores (and the expert’s name) of an assigned school', async () => {
    const { recordVsokoEvaluation } = await callers.expert.client.gqlOk(VSOKO, {
      input: { schoolCode: 'sch700054', year: 2024, blocks: blocks(5), expert: 'Эксперт Т.' },
    });
    expect(recordVsokoEvaluation).toMatchObject({ school: { code: 'sch700054' }, total: 20, expert: 'Эксперт Т.' });
  });

  it('an expert may not fill the passport or the links, nor score an unassigned school of the same municipality', async () => {
    const before = await snapshot('sch700054');
    expectForbidden(
      await write(callers.expert.client, VSOKO, {
        schoolCode: 'sch700054',
        year: 2024,
        blocks: blocks(5),
        passport: { teacherCount: 30 },
      }),
    );
    expectForbidden(
      await write(callers.expert.client, VSOKO, {
        schoolCode: 'sch700054',
        year: 2024,
        blocks: blocks(5),
        documents: [{ code: 'vsoko-regulation', url: 'https://s.example/v.pdf' }],
      }),
    );
    expect(await snapshot('sch700054')).toEqual(before);
    expectForbidden(
      await write(callers.expert.client, VSOKO, { schoolCode: 'sch700053', year: 2024, blocks: blocks() }),
    );
  });

  it('a coordinator sends the stored scores back unchanged with the passport and links of its school', async () => {
    const { scores } = (
      await hub.sql<{ scores: { number: number; score: number }[] }>(
        `SELECT json_agg(json_build_object('number', block_number, 'score', score) ORDER BY block_number) AS scores
         FROM vsoko_block_score WHERE school_code = 'sch700053' AND campaign_year = 2024`,
      )
    )[0]!;
    const { recordVsokoEvaluation } = await callers.coordinator.client.gqlOk(VSOKO, {
      input: {
        schoolCode: 'sch700053',
        year: 2024,
        blocks: scores,
        passport: { teacherCount: 31, studentCount: 402 },
        documents: [{ code: 'vsoko-regulation', url: 'https://school.example/vsoko.pdf' }],
      },
    });
    expect(recordVsokoEvaluation.passport.teacherCount).toBe(31);
    expect(recordVsokoEvaluation.documents.find((d: any) => d.code === 'vsoko-regulation').url).toBe(
      'https://school.example/vsoko.pdf',
    );
    // One point more in one block is a score change: the expert's.
    const changed = scores.map((b: any, i: number) => (i === 0 ? { ...b, score: b.score === 0 ? 1 : b.score - 1 } : b));
    expectForbidden(
      await write(callers.coordinator.client, VSOKO, { schoolCode: 'sch700053', year: 2024, blocks: changed }),
    );
    expectForbidden(
      await write(callers.coordinator.client, VSOKO, {
        schoolCode: 'sch700053',
        year: 2024,
        blocks: scores,
        expert: 'Не эксперт',
      }),
    );
  });

  it('a municipal officer or a curator does not write ВСОКО even in scope', async () => {
    expectForbidden(
      await write(callers.officer.client, VSOKO, { schoolCode: 'sch700053', year: 2024, blocks: blocks() }),
    );
    const curated = callers.curator.home;
    expectForbidden(await write(callers.curator.client, VSOKO, { schoolCode: curated, year: 2024, blocks: blocks() }));
  });
});

describe('self-diagnostics and the ШНОР list', () => {
  it('a coordinator submits its school’s self-diagnostic; nobody else of the scoped roles does', async () => {
    const own = WRITES.submitSelfDiagnostic!('sch700053');
    const { submitSelfDiagnostic } = await callers.coordinator.client.gqlOk(own.query, { input: own.input });
    expect(submitSelfDiagnostic).toMatchObject({ school: { code: 'sch700053' }, level: 'HIGH' });
    for (const role of ['officer', 'expert', 'curator'] as const) {
      const home = WRITES.submitSelfDiagnostic!(callers[role].home);
      expectForbidden(await write(callers[role].client, home.query, home.input));
    }
  });

  it('only the region admin sets ШНОР listings, even of a curator’s own school', async () => {
    const curated = WRITES.setShnorListing!(callers.curator.home);
    expectForbidden(await write(callers.curator.client, curated.query, curated.input));
    expectForbidden(await write(callers.officer.client, curated.query, curated.input));
    const { setShnorListing } = await hub.gqlOk(curated.query, { input: curated.input });
    expect(setShnorListing).toEqual({ schoolCode: callers.curator.home, category: 'SHNOR' });
  });
});

describe('plan progress by role and scope', () => {
  const progress = (
    activityNumber: string,
    target: Record<string, string>,
    planCode = 'shnor-roadmap-2023',
  ): Record<string, unknown> => ({ planCode, activityNumber, target, status: 'IN_PROGRESS' });

  it('a municipal officer: its municipality’s targets and its schools’ targets, nothing else', async () => {
    const officer = callers.officer.client;
    await officer.gqlOk(PROGRESS, {
      input: progress(roadmap.municipality, { level: 'MUNICIPALITY', municipalityCode: 'tomsky' }),
    });
    await officer.gqlOk(PROGRESS, { input: progress(roadmap.school, { level: 'SCHOOL', schoolCode: 'sch700053' }) });
    expectForbidden(
      await write(
        officer,
        PROGRESS,
        progress(roadmap.municipality, { level: 'MUNICIPALITY', municipalityCode: 'tomsk' }),
      ),
    );
    expectForbidden(await write(officer, PROGRESS, progress(roadmap.school, { level: 'SCHOOL', schoolCode: FOREIGN })));
    expectForbidden(await write(officer, PROGRESS, progress(roadmap.region, { level: 'REGION' })));
  });

  it('a curator: assigned schools on the ШНОР roadmap only', async () => {
    const curator = callers.curator.client;
    const home = callers.curator.home;
    await curator.gqlOk(PROGRESS, { input: progress(roadmap.school, { level: 'SCHOOL', schoolCode: home }) });
    expectForbidden(
      await write(
        curator,
        PROGRESS,
        progress(seminarSchoolActivity, { level: 'SCHOOL', schoolCode: home }, 'seminar-decisions-2021'),
      ),
    );
    expectForbidden(
      await write(curator, PROGRESS, progress(roadmap.school, { level: 'SCHOOL', schoolCode: 'sch700053' })),
    );
    expectForbidden(
      await write(
        curator,
        PROGRESS,
        progress(roadmap.municipality, { level: 'MUNICIPALITY', municipalityCode: 'tomsky' }),
      ),
    );
  });

  it('a coordinator: its own school’s targets in any plan', async () => {
    const coordinator = callers.coordinator.client;
    await coordinator.gqlOk(PROGRESS, {
      input: progress(seminarSchoolActivity, { level: 'SCHOOL', schoolCode: 'sch700053' }, 'seminar-decisions-2021'),
    });
    expectForbidden(
      await write(coordinator, PROGRESS, progress(roadmap.school, { level: 'SCHOOL', schoolCode: 'sch700054' })),
    );
  });

  it('an expert and an analyst record no progress; the admin records region targets', async () => {
    for (const role of ['expert', 'analyst'] as const) {
      expectForbidden(
        await write(
          callers[role].client,
          PROGRESS,
          progress(roadmap.school, { level: 'SCHOOL', schoolCode: callers.expert.home }),
        ),
      );
    }
    const { recordActivityProgress } = await hub.gqlOk(PROGRESS, {
      input: progress(roadmap.region, { level: 'REGION' }),
    });
    expect(recordActivityProgress.target.level).toBe('REGION');
  });

  it('a second coordinator of another school cannot touch the first one’s target', async () => {
    const other = await createUser(hub, { role: Role.SCHOOL_COORDINATOR, schoolCode: 'sch700055' });
    const before = await snapshot('sch700053');
    expectForbidden(
      await write(
        other.client,
        PROGRESS,
        progress(seminarSchoolActivity, { level: 'SCHOOL', schoolCode: 'sch700053' }, 'seminar-decisions-2021'),
      ),
    );
    expect(await snapshot('sch700053')).toEqual(before);
  });
});
