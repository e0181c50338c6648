import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphqlClient } from '../harness/client';
import { startTestHub, type TestHub } from '../harness/hub';
import { callersOf, FOREIGN, ROLE_NAMES, schoolCodesIn, type Caller, type RoleName } from './scope';

let hub: TestHub;
let callers: Record<RoleName, Caller>;
/** Schools every path below asks about by code: in some scope, and out of all. */
let probes: string[];

beforeAll(async () => {
  hub = await startTestHub();
  callers = await callersOf(hub);
  probes = [...new Set(['sch700053', 'sch700054', 'sch700001', FOREIGN, callers.curator.home, 'sch790203'])];
}, 120_000);
afterAll(() => hub?.close());

const PAGE = `pageInfo { hasNextPage }`;

/**
 * Every way to reach school-level rows. Each returns a complete answer for
 * the admin (filters keep it under one page), so what another role gets can
 * be compared with the admin's answer restricted to that role's scope.
 */
const PATHS: Record<string, (client: GraphqlClient, caller: Caller) => Promise<unknown>> = {
  schools: (c) => c.gqlOk(`{ schools(first: 500) { ${PAGE} edges { node { code } } } }`),
  'school(code) for each probe': (c) =>
    c.gqlOk(`{ ${probes.map((code, i) => `s${i}: school(code: "${code}") { code }`).join(' ')} }`),
  'municipality(code) { schools }': (c) =>
    c.gqlOk(`{ tomsk: municipality(code: "tomsk") { schools(first: 500) { ${PAGE} edges { node { code } } } }
               tomsky: municipality(code: "tomsky") { schools(first: 500) { ${PAGE} edges { node { code } } } }
               aleksandrovsky: municipality(code: "aleksandrovsky") { schools(first: 500) { edges { node { code } } } } }`),
  'school { municipality { schools } }': (c, caller) =>
    c.gqlOk(
      `{ school(code: "${caller.home}") { code municipality { schools(first: 500) { edges { node { code } } } } } }`,
    ),
  'clusters, then schools of each': async (c) => {
    const { clusters } = await c.gqlOk<{ clusters: { code: string }[] }>('{ clusters { code } }');
    expect(clusters.length).toBeGreaterThan(0);
    return c.gqlOk(
      `{ ${clusters.map((k, i) => `k${i}: schools(first: 500, filter: { clusterCodes: ["${k.code}"] }) { edges { node { code } } }`).join(' ')} }`,
    );
  },
  vsokoEvaluations: (c) =>
    c.gqlOk(`{ vsokoEvaluations(first: 500) { ${PAGE} totalCount edges { node { school { code } } } } }`),
  'vsokoCampaign { sampleSchools }': (c) =>
    c.gqlOk(`{ vsokoCampaign(year: 2024) { sampleSchools(first: 500) { edges { node { code } } } } }`),
  selfDiagnosticResults: (c) =>
    c.gqlOk(`{ selfDiagnosticResults(first: 500, filter: { year: 2025, round: 1 }) {
               ${PAGE} edges { node { school { code } } } } }`),
  assessmentResults: (c) =>
    c.gqlOk(`{ assessmentResults(first: 500, filter: { years: [2024], procedureCodes: ["EGE"], subjectCodes: ["RUSSIAN"] }) {
               ${PAGE} edges { node { schoolCode } } } }`),
  participantResults: (c) =>
    c.gqlOk(
      `query ($s: [String!]) { participantResults(first: 500, filter: {
         years: [2024], procedureCodes: ["EGE"], subjectCodes: ["RUSSIAN"], schoolCodes: $s }) {
         ${PAGE} edges { node { schoolCode } } } }`,
      { s: probes },
    ),
  shnorListings: (c) => c.gqlOk(`{ shnorListings { schoolCode school { code } } }`),
  shnorCandidates: (c) =>
    c.gqlOk(`{ y2023: shnorCandidates(year: 2023) { schoolCode listings { schoolCode } }
               y2024: shnorCandidates(year: 2024) { schoolCode listings { schoolCode } } }`),
  'activities { progress history }': (c) =>
    c.gqlOk(`{ activities(filter: { planCode: "shnor-roadmap-2023" }) {
               progress { target { school { code } } } history { target { school { code } } } } }`),
  'plan { sections { activities { progress } } }': (c) =>
    c.gqlOk(
      `{ plan(code: "shnor-roadmap-2023") { sections { activities { progress { target { school { code } } } } } } }`,
    ),
  'School fields of every visible school': (c) =>
    c.gqlOk(`{ schools(first: 500) { edges { node { code
               vsoko { school { code } } vsokoHistory { school { code } }
               selfDiagnostics(year: 2025) { school { code } } shnor { schoolCode }
               planProgress { target { school { code } } }
               assessmentResults(filter: { years: [2024], procedureCodes: ["EGE"] }) { schoolCode } } } } }`),
  'aggregate(groupBy: SCHOOL)': (c) =>
    c.gqlOk(`{ aggregate(indicator: "schools.count", groupBy: SCHOOL) { rows { key } } }`),
  'aggregateUpdated(groupBy: SCHOOL)': async (c) => {
    const live = c.subscribe(
      'subscription { aggregateUpdated(indicator: "schools.count", groupBy: SCHOOL) { groupBy rows { key } } }',
    );
    const first = await live.next(10_000);
    await live.close();
    expect(first.errors).toBeUndefined();
    return first.data;
  },
};

describe('no path returns a school outside the caller’s scope, and none hides one inside it', () => {
  const answers = new Map<string, unknown>();
  /** The admin's answer to the same question (chained paths start from the caller's own school). */
  const adminAnswer = async (path: string, caller: Caller) => {
    const key = `${path} from ${caller.home}`;
    if (!answers.has(key)) answers.set(key, await PATHS[path]!(callers.admin.client, caller));
    return answers.get(key);
  };

  describe.each(Object.keys(PATHS))('%s', (path) => {
    it.each(ROLE_NAMES)('as %s', async (role) => {
      const caller = callers[role];
      const admin = schoolCodesIn(await adminAnswer(path, caller));
      expect(admin.size, 'the admin’s answer must have schools for the comparison to mean anything').toBeGreaterThan(0);
      const answer = await PATHS[path]!(caller.client, caller);
      expect(JSON.stringify(answer)).not.toMatch(/"hasNextPage":true/);
      const seen = schoolCodesIn(answer);
      const foreign = [...seen].filter((code) => !caller.sees(code));
      expect(foreign, 'schools outside the scope').toEqual([]);
      expect([...seen].sort()).toEqual([...admin].filter((code) => caller.sees(code)).sort());
    });
  });

  it('the municipal officer of Томский район sees its 38 schools, and whole region and municipality aggregates', async () => {
    const officer = callers.officer;
    const seen = schoolCodesIn(await PATHS.schools!(officer.client, officer));
    expect(seen.size).toBe(38);
    const aggregate = (await officer.client.gqlOk(
      `{ aggregate(indicator: "schools.count", groupBy: SCHOOL) { rows { key } }
         region: aggregate(indicator: "schools.count", groupBy: REGION) { rows { value } }
         municipalities: aggregate(indicator: "schools.count", groupBy: MUNICIPALITY) { rows { key value } } }`,
    )) as any;
    expect(aggregate.aggregate.rows).toHaveLength(38);
    // Region and municipality aggregates are for every signed-in role, whole.
    expect(aggregate.region.rows[0].value).toBe(299);
    expect(aggregate.municipalities.rows.find((r: any) => r.key === 'tomsk').value).toBe(77);
  });
});

describe('someone else’s import', () => {
  let jobId: string;

  beforeAll(async () => {
    const form = new FormData();
    const rows = ['Код ОО;Муниципалитет;Полное наименование;Обучающихся', 'sch700901;Томский район;Школа (тест);много'];
    form.append('file', new Blob([rows.join('\n')]), 'bad.csv');
    const response = await fetch(`${hub.url}api/imports/schools`, {
      method: 'POST',
      body: form,
      headers: hub.admin.headers,
    });
    expect(response.status).toBe(202);
    jobId = ((await response.json()) as { id: string }).id;
    for (let i = 0; i < 100; i++) {
      const [job] = await hub.sql('SELECT phase FROM import_job WHERE id = $1', [jobId]);
      if (job!.phase === 'done') return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  });

  it.each(ROLE_NAMES)(
    'as %s: the job, its progress and its rejected rows only for the region’s roles',
    async (role) => {
      const caller = callers[role];
      const regional = role === 'admin' || role === 'analyst';
      const { importJob } = await caller.client.gqlOk(`query ($id: ID!) { importJob(id: $id) { id rejected } }`, {
        id: jobId,
      });
      expect(importJob === null).toBe(!regional);
      if (regional) expect(importJob.rejected).toBe(1);

      const progress = caller.client.subscribe('subscription ($id: ID!) { importProgress(jobId: $id) { phase } }', {
        id: jobId,
      });
      if (regional) {
        expect((await progress.next()).data).toEqual({ importProgress: { phase: 'DONE' } });
      } else {
        await progress.ended;
        expect(progress.pending()).toBe(0);
      }
      await progress.close();

      for (const format of ['csv', 'xlsx']) {
        const download = await fetch(`${hub.url}api/imports/${jobId}/rejected.${format}`, {
          headers: caller.client.headers,
        });
        expect(download.status).toBe(regional ? 200 : 404);
        const body = Buffer.from(await download.arrayBuffer());
        if (!regional) expect(body.toString()).not.toContain('sch700901');
      }
    },
  );
});
