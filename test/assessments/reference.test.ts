import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

it('lists the procedures with codes, Russian names, grades and the spellings imports accept', async () => {
  const { procedures } = await hub.gqlOk('{ procedures { code shortName name grades aliases } }');
  expect(procedures.map((p: { code: string }) => p.code)).toEqual([
    'VPR',
    'OGE',
    'EGE',
    'GVE',
    'REGIONAL_DIAGNOSTICS',
    'FUNCTIONAL_LITERACY',
  ]);
  expect(procedures[0]).toMatchObject({ shortName: 'ВПР', name: 'Всероссийские проверочные работы' });
  expect(procedures[0].grades).toEqual([4, 5, 6, 7, 8, 10, 11]);
  expect(procedures[2].aliases).toEqual(expect.arrayContaining(['ЕГЭ', 'ЕГЭ-11', 'Единый государственный экзамен']));
});

it('lists the subjects with Russian names', async () => {
  const { subjects } = await hub.gqlOk('{ subjects { code name aliases } }');
  const names = new Map(subjects.map((s: { code: string; name: string }) => [s.code, s.name]));
  expect(names.get('RUSSIAN')).toBe('Русский язык');
  expect(names.get('MATHEMATICS_BASE')).toBe('Математика (базовая)');
  expect(names.get('MATHEMATICS_PROFILE')).toBe('Математика (профильная)');
  expect(names.get('SURROUNDING_WORLD')).toBe('Окружающий мир');
  expect(subjects.find((s: { code: string }) => s.code === 'MATHEMATICS_PROFILE').aliases).toContain(
    'Математика профильного уровня',
  );
});

it('gives the ЕГЭ minimum scores of a year: Russian 24 and profile mathematics 27 in 2026', async () => {
  const { egeMinimumScores } = await hub.gqlOk(
    '{ egeMinimumScores(year: 2026) { year subject { code name } minScore } }',
  );
  const min = (code: string) =>
    egeMinimumScores.find((m: { subject: { code: string } }) => m.subject.code === code)?.minScore;
  expect(min('RUSSIAN')).toBe(24);
  expect(min('MATHEMATICS_PROFILE')).toBe(27);
  expect(egeMinimumScores.every((m: { year: number }) => m.year === 2026)).toBe(true);
  const all = await hub.gqlOk('{ egeMinimumScores { year } }');
  expect(new Set(all.egeMinimumScores.map((m: { year: number }) => m.year))).toEqual(new Set([2023, 2024, 2025, 2026]));
});

it('gives the ОГЭ mark scales of a year', async () => {
  const { ogeScales } = await hub.gqlOk(
    '{ ogeScales(year: 2024) { subject { code } maxPrimaryScore minPrimaryFor3 minPrimaryFor4 minPrimaryFor5 } }',
  );
  expect(ogeScales.find((s: { subject: { code: string } }) => s.subject.code === 'MATHEMATICS')).toEqual({
    subject: { code: 'MATHEMATICS' },
    maxPrimaryScore: 31,
    minPrimaryFor3: 8,
    minPrimaryFor4: 15,
    minPrimaryFor5: 22,
  });
  expect((await hub.gqlOk('{ ogeScales(year: 2019) { year } }')).ogeScales).toEqual([]);
});
