import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool } from '../harness/factories';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const SUBMIT = `mutation ($input: SubmitSelfDiagnosticInput!) { submitSelfDiagnostic(input: $input) {
  school { code } year round total level levelTitle scores { direction { code } score } isDemo recordedBy recordedAt
} }`;

const CODES = [
  'knowledge',
  'upbringing',
  'health',
  'creativity',
  'career-guidance',
  'teacher-school-team',
  'school-climate',
  'educational-environment',
];
/** The example file's first row: 18;13;30;21;7;27;8;14 → 138, средний. */
const scores = (values = [18, 13, 30, 21, 7, 27, 8, 14]) =>
  CODES.map((directionCode, i) => ({ directionCode, score: values[i]! }));

async function snapshot(schoolCode: string) {
  return {
    results: await hub.sql(`SELECT * FROM self_diagnostic_result WHERE school_code = $1 ORDER BY year, round`, [
      schoolCode,
    ]),
    scores: await hub.sql(
      `SELECT year, round, direction_code, score FROM self_diagnostic_score WHERE school_code = $1 ORDER BY 1, 2, 3`,
      [schoolCode],
    ),
    rounds: await hub.sql(`SELECT * FROM self_diagnostic_round ORDER BY year, round`),
  };
}

describe('submitSelfDiagnostic', () => {
  it('records a result as given, the level never computed', async () => {
    const { submitSelfDiagnostic: r } = await hub.gqlOk(SUBMIT, {
      input: { schoolCode: 'sch700001', year: 2025, round: 1, scores: scores(), total: 138, level: 'BELOW_BASE' },
    });
    expect(r).toMatchObject({
      school: { code: 'sch700001' },
      year: 2025,
      round: 1,
      total: 138,
      level: 'BELOW_BASE',
      levelTitle: 'ниже базового',
      isDemo: false,
      recordedBy: 'test-admin',
    });
    expect(r.scores.map((s: any) => s.score)).toEqual([18, 13, 30, 21, 7, 27, 8, 14]);
  });

  it('upserts by school, year and round: a second submission replaces the first', async () => {
    const school = await createSchool(hub);
    const input = { schoolCode: school.code, year: 2026, round: 2, scores: scores(), level: 'MEDIUM' };
    const first = await hub.gqlOk(SUBMIT, { input });
    expect(first.submitSelfDiagnostic.total).toBe(138);
    const { submitSelfDiagnostic: second } = await hub.gqlOk(SUBMIT, {
      input: { ...input, scores: [{ directionCode: 'knowledge', score: 20 }], total: 150, level: 'HIGH' },
    });
    expect(second).toMatchObject({ total: 150, level: 'HIGH' });
    expect(second.scores.filter((s: any) => s.score !== null)).toEqual([
      { direction: { code: 'knowledge' }, score: 20 },
    ]);
    const rows = await hub.sql(`SELECT count(*)::int AS n FROM self_diagnostic_result WHERE school_code = $1`, [
      school.code,
    ]);
    expect(rows[0]!.n).toBe(1);
    // A new round comes into being with its first result.
    const { selfDiagnosticRounds } = await hub.gqlOk(`{ selfDiagnosticRounds { year round resultCount } }`);
    expect(selfDiagnosticRounds[0]).toEqual({ year: 2026, round: 2, resultCount: 1 });
  });

  it('stores a level with only a total, and no total when directions are missing', async () => {
    const school = await createSchool(hub);
    const onlyTotal = await hub.gqlOk(SUBMIT, {
      input: { schoolCode: school.code, year: 2025, round: 1, total: 97, level: 'BASE' },
    });
    expect(onlyTotal.submitSelfDiagnostic).toMatchObject({ total: 97, level: 'BASE' });
    expect(onlyTotal.submitSelfDiagnostic.scores.every((s: any) => s.score === null)).toBe(true);
    const partial = await hub.gqlOk(SUBMIT, {
      input: { schoolCode: school.code, year: 2025, round: 2, scores: scores().slice(0, 7), level: 'BASE' },
    });
    expect(partial.submitSelfDiagnostic.total).toBeNull();
  });

  it('refuses bad input with codes and Russian messages, and changes nothing', async () => {
    const before = await snapshot('sch700002');
    const base = { schoolCode: 'sch700002', year: 2025, round: 1, scores: scores(), total: 138, level: 'HIGH' };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ round: 3 }, 'SELFDIAG_BAD_ROUND', /Этап 3: самодиагностика проходит в два этапа, укажите 1 или 2/],
      [{ round: 0 }, 'SELFDIAG_BAD_ROUND', /Этап 0/],
      [{ total: 139 }, 'SELFDIAG_TOTAL_MISMATCH', /Итого 139 не равно сумме баллов по направлениям 138/],
      [{ total: -1, scores: null }, 'SELFDIAG_BAD_TOTAL', /Итого: нужно целое неотрицательное число, указано −1/],
      [
        { scores: [{ directionCode: 'health', score: -2 }], total: null },
        'SELFDIAG_BAD_SCORE',
        /«Здоровье»: нужно целое неотрицательное число, указано −2/,
      ],
      [
        { scores: [{ directionCode: 'sport', score: 2 }], total: null },
        'SELFDIAG_UNKNOWN_DIRECTION',
        /Направления «sport» нет в модели/,
      ],
      [{ schoolCode: 'sch000000' }, 'SELFDIAG_UNKNOWN_SCHOOL', /«sch000000» не найдена/],
      [{ year: 1999 }, 'SELFDIAG_BAD_YEAR', /Год 1999/],
    ];
    for (const [overrides, code, message] of cases) {
      const result = await hub.gql(SUBMIT, { input: { ...base, ...overrides } });
      expect(result.data, code).toBeNull();
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.errors)).toBe(code);
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    expect(await snapshot('sch700002')).toEqual(before);
  });

  it('refuses a level that is not one of the four (GraphQL enum)', async () => {
    const result = await hub.gql(SUBMIT, {
      input: { schoolCode: 'sch700002', year: 2025, round: 1, level: 'LOW' },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
