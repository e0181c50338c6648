import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool } from '../harness/factories';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const RECORD = `mutation ($input: RecordVsokoEvaluationInput!) { recordVsokoEvaluation(input: $input) {
  school { code } year expert total riskyBlockCount zone { code title }
  blocks { number score risky } riskProfile { number risk }
  passport { managementPositions { code } teacherCount studentCount }
  documents { code url provided } providedDocumentCount isDemo recordedBy recordedAt
} }`;

const blocks = (b1: number, b2: number, b3: number, b4: number) => [
  { number: 1, score: b1 },
  { number: 2, score: b2 },
  { number: 3, score: b3 },
  { number: 4, score: b4 },
];

/** Everything stored for a school's 2024 evaluation, to prove a refused write changed nothing. */
async function snapshot(schoolCode: string) {
  const key = [schoolCode, 2024];
  return {
    evaluation: await hub.sql(`SELECT * FROM vsoko_evaluation WHERE school_code = $1 AND campaign_year = $2`, key),
    scores: await hub.sql(
      `SELECT block_number, score FROM vsoko_block_score WHERE school_code = $1 AND campaign_year = $2 ORDER BY 1`,
      key,
    ),
    links: await hub.sql(
      `SELECT document_code, url FROM vsoko_document_link WHERE school_code = $1 AND campaign_year = $2 ORDER BY 1`,
      key,
    ),
  };
}

describe('recordVsokoEvaluation', () => {
  it('replaces a demo evaluation with a real one, deriving risks and zone; equal to the threshold is no risk', async () => {
    const before = await hub.gqlOk(`{ school(code: "sch700002") { vsoko { isDemo } } }`);
    expect(before.school.vsoko.isDemo).toBe(true);
    const { recordVsokoEvaluation: e } = await hub.gqlOk(RECORD, {
      input: {
        schoolCode: 'sch700002',
        year: 2024,
        blocks: blocks(5, 6, 3, 4),
        expert: ' Иванова И. И. ',
        passport: {
          managementPositions: ['principal', 'deputy-education-quality'],
          teacherCount: 66,
          studentCount: 468,
        },
        documents: [
          { code: 'self-examination-report', url: 'https://school2.example.ru/docs/samoobsledovanie-2024.pdf' },
          { code: 'vsoko-regulation', url: 'https://school2.example.ru/sveden/' },
        ],
      },
    });
    expect(e).toMatchObject({
      school: { code: 'sch700002' },
      year: 2024,
      expert: 'Иванова И. И.',
      total: 18,
      riskyBlockCount: 2,
      zone: { code: 'MODERATE', title: 'Умеренный риск' },
      blocks: [
        { number: 1, score: 5, risky: false },
        { number: 2, score: 6, risky: true },
        { number: 3, score: 3, risky: false },
        { number: 4, score: 4, risky: true },
      ],
      riskProfile: [
        { number: 2, risk: 'Дефициты профессиональных компетенций субъектов ВСОКО' },
        { number: 4, risk: 'Преобладание контрольно-инспекционной парадигмы управления качеством' },
      ],
      passport: {
        managementPositions: [{ code: 'principal' }, { code: 'deputy-education-quality' }],
        teacherCount: 66,
        studentCount: 468,
      },
      providedDocumentCount: 1,
      isDemo: false,
      recordedBy: 'test-admin',
    });
    expect(e.documents).toHaveLength(6);
    // Nothing of the demo evaluation it replaced survives: only the two links given.
    expect(e.documents.filter((d: any) => d.url !== null).map((d: any) => d.code)).toEqual([
      'self-examination-report',
      'vsoko-regulation',
    ]);
    expect(e.documents.find((d: any) => d.code === 'vsoko-regulation')).toEqual({
      code: 'vsoko-regulation',
      url: 'https://school2.example.ru/sveden/',
      provided: false,
    });
    expect(Date.now() - Date.parse(e.recordedAt)).toBeLessThan(60_000);
    const [row] = await hub.sql(`SELECT is_demo FROM vsoko_evaluation WHERE school_code = 'sch700002'`);
    expect(row!.is_demo).toBe(false);
  });

  it('puts 0, 1, 2, 3 and 4 risky blocks into the low, moderate and high zones', async () => {
    const cases: [number[], number, string][] = [
      [[5, 7, 3, 5], 0, 'LOW'],
      [[4, 7, 3, 5], 1, 'MODERATE'],
      [[4, 6, 3, 5], 2, 'MODERATE'],
      [[4, 6, 2, 5], 3, 'HIGH'],
      [[0, 0, 0, 0], 4, 'HIGH'],
    ];
    for (const [scores, risky, zone] of cases) {
      const { recordVsokoEvaluation: e } = await hub.gqlOk(RECORD, {
        input: { schoolCode: 'sch700003', year: 2024, blocks: blocks(...(scores as [number, number, number, number])) },
      });
      expect([e.riskyBlockCount, e.zone.code]).toEqual([risky, zone]);
      const [outcome] = await hub.sql(
        `SELECT risky_block_count, zone::text FROM vsoko_evaluation_outcome WHERE school_code = 'sch700003'`,
      );
      expect([outcome!.risky_block_count, outcome!.zone.toUpperCase()]).toEqual([risky, zone]);
    }
  });

  it('upserts by school and year: a second call updates the one row, keeping what it leaves out', async () => {
    const input = {
      schoolCode: 'sch700004',
      year: 2024,
      blocks: blocks(9, 8, 8, 8),
      expert: 'Петров П. П.',
      passport: { managementPositions: ['principal'], teacherCount: 65, studentCount: 594 },
      documents: [
        { code: 'self-examination-report', url: 'https://school4.example.ru/docs/otchet.pdf' },
        { code: 'basic-general-education-program', url: 'https://disk.yandex.ru/i/AbC123' },
      ],
    };
    await hub.gqlOk(RECORD, { input });
    const { recordVsokoEvaluation: e } = await hub.gqlOk(RECORD, {
      input: {
        schoolCode: 'sch700004',
        year: 2024,
        blocks: blocks(10, 8, 8, 8),
        passport: { studentCount: 600 },
        documents: [{ code: 'basic-general-education-program', url: '' }],
      },
    });
    expect(e).toMatchObject({
      total: 34,
      expert: 'Петров П. П.',
      passport: { managementPositions: [{ code: 'principal' }], teacherCount: 65, studentCount: 600 },
      providedDocumentCount: 1,
    });
    expect(e.documents.filter((d: any) => d.url !== null).map((d: any) => d.code)).toEqual(['self-examination-report']);
    const rows = await hub.sql(`SELECT count(*)::int AS n FROM vsoko_evaluation WHERE school_code = 'sch700004'`);
    expect(rows[0]!.n).toBe(1);
    const cleared = await hub.gqlOk(RECORD, {
      input: { schoolCode: 'sch700004', year: 2024, blocks: blocks(10, 8, 8, 8), expert: null, passport: null },
    });
    expect(cleared.recordVsokoEvaluation).toMatchObject({
      expert: null,
      passport: { managementPositions: null, teacherCount: null, studentCount: null },
    });
  });

  it('refuses bad input with codes and Russian messages, and changes nothing', async () => {
    const before = await snapshot('sch700005');
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ blocks: blocks(5, 17, 3, 5) }, 'VSOKO_SCORE_ABOVE_MAX', /Блок 2: 17 баллов больше максимума 16/],
      [{ blocks: blocks(5, 7, -1, 5) }, 'VSOKO_SCORE_NEGATIVE', /Блок 3: балл не может быть отрицательным/],
      [{ blocks: blocks(5, 7, 3, 5).slice(0, 3) }, 'VSOKO_MISSING_BLOCK', /Блок 4: нет балла/],
      [{ blocks: [...blocks(5, 7, 3, 5), { number: 5, score: 1 }] }, 'VSOKO_UNKNOWN_BLOCK', /Блока 5/],
      [{ year: 2023 }, 'VSOKO_UNKNOWN_CAMPAIGN', /Кампании мониторинга ВСОКО 2023 года нет; есть кампании: 2024/],
      [{ schoolCode: 'sch000000' }, 'VSOKO_UNKNOWN_SCHOOL', /«sch000000» не найдена/],
      [{ schoolCode: 'sch790001' }, 'VSOKO_SCHOOL_NOT_IN_SAMPLE', /не входит в выборку мониторинга ВСОКО 2024 года/],
      [{ passport: { teacherCount: -1 } }, 'VSOKO_BAD_COUNT', /Численность педагогических работников/],
      [{ passport: { managementPositions: ['director'] } }, 'VSOKO_UNKNOWN_PASSPORT_ITEM', /«director»/],
      [{ passport: { managementPositions: ['student-count'] } }, 'VSOKO_NOT_A_POSITION', /не должность/],
      [{ documents: [{ code: 'charter', url: 'https://s.example/u.pdf' }] }, 'VSOKO_UNKNOWN_DOCUMENT', /«charter»/],
    ];
    for (const [overrides, code, message] of cases) {
      const result = await hub.gql(RECORD, {
        input: { schoolCode: 'sch700005', year: 2024, blocks: blocks(1, 1, 1, 1), expert: 'X', ...overrides },
      });
      expect(result.data, code).toBeNull();
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.errors)).toBe(code);
      expect(result.errors?.[0]?.message).toMatch(message);
      const problems = result.errors?.[0]?.extensions?.problems as { code: string; field: string }[];
      expect(problems[0]!.code).toBe(code);
    }
    expect(await snapshot('sch700005')).toEqual(before);
  });

  it('reports every problem of one input at once', async () => {
    const result = await hub.gql(RECORD, {
      input: { schoolCode: 'sch700005', year: 2024, blocks: blocks(14, 17, 3, 5), passport: { studentCount: -2 } },
    });
    const problems = result.errors?.[0]?.extensions?.problems as { code: string; field: string }[];
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['VSOKO_SCORE_ABOVE_MAX', 'blocks.1'],
      ['VSOKO_SCORE_ABOVE_MAX', 'blocks.2'],
      ['VSOKO_BAD_COUNT', 'passport.studentCount'],
    ]);
  });

  it('the database refuses what the service would: a score above the maximum, a school outside the sample', async () => {
    const school = await createSchool(hub);
    await expect(
      hub.sql(`INSERT INTO vsoko_evaluation (school_code, campaign_year, recorded_by) VALUES ($1, 2024, 'SQL')`, [
        school.code,
      ]),
    ).rejects.toThrow(/FK_vsoko_evaluation_sample/);
    await expect(
      hub.sql(`UPDATE vsoko_block_score SET score = 14 WHERE school_code = 'sch700006' AND block_number = 1`),
    ).rejects.toThrow(/Блок 1: 14 больше максимума 13/);
    await expect(
      hub.sql(`UPDATE vsoko_block_score SET score = -1 WHERE school_code = 'sch700006' AND block_number = 1`),
    ).rejects.toThrow(/CHK_vsoko_block_score_non_negative/);
  });
});
