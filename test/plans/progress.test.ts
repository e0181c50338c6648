import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const RECORD = `mutation ($input: RecordActivityProgressInput!) {
  recordActivityProgress(input: $input) {
    status evidenceUrl comment recordedBy recordedById recordedAt isDemo overdue
    target { level municipality { code } school { code } }
    activity { id }
  }
}`;

const record = (input: Record<string, unknown>) => hub.gql<{ recordActivityProgress: any }>(RECORD, { input });

async function tableSizes() {
  const [row] = await hub.sql(
    `SELECT (SELECT count(*)::int FROM activity_progress) AS current,
            (SELECT count(*)::int FROM activity_progress_change) AS history,
            (SELECT coalesce(sum(hashtext(p::text)), 0)::text FROM activity_progress p) AS checksum`,
  );
  return row;
}

async function historyOf(id: string, filter: Record<string, unknown>) {
  const { activity } = await hub.gqlOk<{ activity: any }>(
    `query ($id: ID!, $filter: ProgressFilter) {
      activity(id: $id) { history(filter: $filter) { status previousStatus evidenceUrl comment changedFields recordedBy isDemo } }
    }`,
    { id, filter },
  );
  return activity.history as any[];
}

describe('recordActivityProgress', () => {
  it('records a municipality’s progress and appends the change to the history', async () => {
    const input = {
      planCode: 'school-ministry-2025',
      activityNumber: '13',
      target: { level: 'MUNICIPALITY', municipalityCode: 'kedrovy' },
      status: 'IN_PROGRESS',
      comment: 'Страница на сайте МОУО готовится',
    };
    const before = await historyOf('school-ministry-2025:13', { municipalityCode: 'kedrovy' });
    const first = await record(input);
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordActivityProgress).toMatchObject({
      status: 'IN_PROGRESS',
      evidenceUrl: null,
      comment: 'Страница на сайте МОУО готовится',
      recordedBy: 'test-admin',
      recordedById: expect.stringMatching(/^[0-9a-f-]{36}$/),
      isDemo: false,
      target: { level: 'MUNICIPALITY', municipality: { code: 'kedrovy' }, school: null },
      activity: { id: 'school-ministry-2025:13' },
    });

    const second = await record({
      ...input,
      status: 'DONE',
      evidenceUrl: 'https://kedrovy.example.ru/shmp',
      comment: undefined,
    });
    expect(second.data!.recordActivityProgress).toMatchObject({
      status: 'DONE',
      evidenceUrl: 'https://kedrovy.example.ru/shmp',
      comment: 'Страница на сайте МОУО готовится',
      overdue: false,
    });

    const after = await historyOf('school-ministry-2025:13', { municipalityCode: 'kedrovy' });
    expect(after).toHaveLength(before.length + 2);
    expect(after.slice(0, 2)).toEqual([
      {
        status: 'DONE',
        previousStatus: 'IN_PROGRESS',
        evidenceUrl: 'https://kedrovy.example.ru/shmp',
        comment: 'Страница на сайте МОУО готовится',
        changedFields: ['status', 'evidenceUrl'],
        recordedBy: 'test-admin',
        isDemo: false,
      },
      {
        status: 'IN_PROGRESS',
        previousStatus: before[0]?.status ?? null,
        evidenceUrl: null,
        comment: 'Страница на сайте МОУО готовится',
        changedFields: expect.arrayContaining(['comment']),
        recordedBy: 'test-admin',
        isDemo: false,
      },
    ]);
    const rows = await hub.sql(
      `SELECT p.status, p.is_demo FROM activity_progress p JOIN plan_activity a ON a.id = p.activity_id
        WHERE a.plan_code = 'school-ministry-2025' AND a.number = '13' AND p.municipality_code = 'kedrovy'`,
    );
    expect(rows).toEqual([{ status: 'done', is_demo: false }]);
  });

  it('a state equal to the current one records nothing; null clears a field', async () => {
    const input = {
      planCode: 'shnor-roadmap-2023',
      activityNumber: '2',
      target: { level: 'REGION' },
      status: 'DONE',
      evidenceUrl: 'https://toipkro.example.ru/criteria.pdf',
      comment: 'Приказ ТОИПКРО',
    };
    await record(input);
    const sizes = await tableSizes();
    const again = await record(input);
    expect(again.errors).toBeUndefined();
    expect(await tableSizes()).toEqual(sizes);

    const cleared = await record({ ...input, comment: null });
    expect(cleared.data!.recordActivityProgress).toMatchObject({ comment: null, evidenceUrl: input.evidenceUrl });
    const [latest] = await historyOf('shnor-roadmap-2023:2', {});
    expect(latest).toMatchObject({ changedFields: ['comment'], comment: null, previousStatus: 'DONE' });
  });

  it('a school target takes its municipality from the school', async () => {
    const result = await record({
      planCode: 'shnor-roadmap-2023',
      activityNumber: '11',
      target: { level: 'SCHOOL', schoolCode: 'sch700040' },
      status: 'DONE',
    });
    const [school] = await hub.sql(`SELECT municipality_code FROM school WHERE code = 'sch700040'`);
    expect(result.data!.recordActivityProgress.target).toEqual({
      level: 'SCHOOL',
      municipality: { code: school!.municipality_code },
      school: { code: 'sch700040' },
    });
  });
});

describe('bad input changes nothing', () => {
  const good = {
    planCode: 'shnor-roadmap-2023',
    activityNumber: '11',
    target: { level: 'SCHOOL', schoolCode: 'sch700001' },
    status: 'IN_PROGRESS',
  };

  it.each([
    [
      'an unknown activity',
      { activityNumber: '99' },
      'PLANS_ACTIVITY_NOT_FOUND',
      'Мероприятие № 99 плана «shnor-roadmap-2023» не найдено',
    ],
    ['an unknown plan', { planCode: 'nope' }, 'PLANS_ACTIVITY_NOT_FOUND', 'Мероприятие № 11 плана «nope» не найдено'],
    [
      'evidence that is not a link',
      { evidenceUrl: 'см. папку на диске' },
      'PLANS_BAD_EVIDENCE_URL',
      'должна быть адресом сайта',
    ],
    ['a too long comment', { comment: 'я'.repeat(2001) }, 'PLANS_COMMENT_TOO_LONG', 'Комментарий длиной 2001 символов'],
    [
      'an unknown school',
      { target: { level: 'SCHOOL', schoolCode: 'sch000000' } },
      'PLANS_UNKNOWN_SCHOOL',
      'Школа с кодом «sch000000» не найдена',
    ],
    [
      'a region target for a school activity',
      { target: { level: 'REGION' } },
      'PLANS_TARGET_LEVEL_MISMATCH',
      'отмечается на уровне «школа», а указана цель уровня «регион»',
    ],
    [
      'a school of another municipality',
      { target: { level: 'SCHOOL', schoolCode: 'sch700001', municipalityCode: 'kargasoksky' } },
      'PLANS_SCHOOL_NOT_IN_MUNICIPALITY',
      'а не «kargasoksky»',
    ],
    [
      'a school target without a school',
      { target: { level: 'SCHOOL' } },
      'PLANS_TARGET_INCOMPLETE',
      'укажите код школы',
    ],
  ])('%s', async (_name, change, code, message) => {
    const before = await tableSizes();
    const result = await record({ ...good, ...change });
    expect(result.data).toBeNull();
    expect(result.errors![0]!.extensions!.code).toBe(code);
    expect(result.errors![0]!.message).toContain(message);
    expect(await tableSizes()).toEqual(before);
  });

  it('an unknown municipality and a municipality activity’s level', async () => {
    const before = await tableSizes();
    const unknown = await record({
      planCode: 'shnor-roadmap-2023',
      activityNumber: '14',
      target: { level: 'MUNICIPALITY', municipalityCode: 'atlantis' },
      status: 'DONE',
    });
    expect(unknown.errors![0]!.extensions!.code).toBe('PLANS_UNKNOWN_MUNICIPALITY');
    const wrongLevel = await record({ ...good, activityNumber: '14' });
    expect(wrongLevel.errors![0]!.extensions!.code).toBe('PLANS_TARGET_LEVEL_MISMATCH');
    expect(await tableSizes()).toEqual(before);
  });

  it('reports every problem of one input, each with its field and code', async () => {
    const result = await record({
      ...good,
      evidenceUrl: 'ftp://x',
      comment: 'я'.repeat(2500),
      target: { level: 'REGION' },
    });
    expect(result.errors![0]!.extensions!.problems).toEqual([
      expect.objectContaining({ code: 'PLANS_BAD_EVIDENCE_URL', field: 'evidenceUrl' }),
      expect.objectContaining({ code: 'PLANS_COMMENT_TOO_LONG', field: 'comment' }),
      expect.objectContaining({ code: 'PLANS_TARGET_LEVEL_MISMATCH', field: 'target.level' }),
    ]);
  });

  it('a status outside the three is refused by the schema', async () => {
    const result = await record({ ...good, status: 'CANCELLED' });
    expect(result.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('the history is append-only', () => {
  it('refuses to rewrite or delete a real change; demo rows may be removed', async () => {
    await record({ planCode: 'shnor-roadmap-2023', activityNumber: '3', target: { level: 'REGION' }, status: 'DONE' });
    await expect(hub.sql(`UPDATE activity_progress_change SET comment = 'x' WHERE NOT is_demo`)).rejects.toThrow(
      /append-only/,
    );
    await expect(hub.sql(`DELETE FROM activity_progress_change WHERE NOT is_demo`)).rejects.toThrow(/append-only/);
    const [demo] = await hub.sql(`SELECT id FROM activity_progress_change WHERE is_demo LIMIT 1`);
    await hub.sql(`DELETE FROM activity_progress_change WHERE id = $1`, [demo!.id]);
    expect(await hub.sql(`SELECT id FROM activity_progress_change WHERE id = $1`, [demo!.id])).toEqual([]);
  });

  it('the database refuses a target row whose key does not match its level', async () => {
    await expect(
      hub.sql(
        `INSERT INTO activity_progress (activity_id, target_level, target_key, municipality_code, status, recorded_by, recorded_at)
         SELECT id, 'municipality', 'region', 'tomsk', 'done', 'x', now() FROM plan_activity LIMIT 1`,
      ),
    ).rejects.toThrow(/CHK_activity_progress_target/);
  });
});
