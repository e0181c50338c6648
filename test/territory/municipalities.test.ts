import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../harness/hub';

const CODES = [
  'tomsk',
  'seversk',
  'strezhevoy',
  'kedrovy',
  'aleksandrovsky',
  'asinovsky',
  'bakcharsky',
  'verkhneketsky',
  'zyryansky',
  'kargasoksky',
  'kozhevnikovsky',
  'kolpashevsky',
  'krivosheinsky',
  'molchanovsky',
  'parabelsky',
  'pervomaysky',
  'teguldetsky',
  'tomsky',
  'chainsky',
  'shegarsky',
];

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

describe('municipalities', () => {
  it('lists the 20 municipalities with the codes of the brief, city districts first', async () => {
    const data = await hub.gqlOk<{ municipalities: { code: string; kind: string }[] }>(
      '{ municipalities { code kind } }',
    );
    expect(data.municipalities.map((m) => m.code)).toEqual(CODES);
    expect(data.municipalities.filter((m) => m.kind === 'CITY_DISTRICT').map((m) => m.code)).toEqual([
      'tomsk',
      'seversk',
      'strezhevoy',
      'kedrovy',
    ]);
  });

  it('carries coordinates, distances and the year-round road flag', async () => {
    const { municipality } = await hub.gqlOk(
      '{ municipality(code: "strezhevoy") { name centre latitude longitude distanceToTomskKm yearRoundRoad } }',
    );
    expect(municipality).toMatchObject({ name: 'г. Стрежевой', centre: 'Стрежевой', yearRoundRoad: false });
    expect(municipality.latitude).toBeGreaterThan(60);
    expect(municipality.distanceToTomskKm).toBeGreaterThan(500);
    const { municipalities } = await hub.gqlOk<{ municipalities: { code: string; yearRoundRoad: boolean }[] }>(
      '{ municipalities { code yearRoundRoad } }',
    );
    expect(
      municipalities
        .filter((m) => !m.yearRoundRoad)
        .map((m) => m.code)
        .sort(),
    ).toEqual(['aleksandrovsky', 'kedrovy', 'strezhevoy']);
  });

  it('returns null for an unknown code', async () => {
    expect(await hub.gqlOk('{ municipality(code: "novosibirsk") { code } }')).toEqual({ municipality: null });
  });

  it('counts schools per municipality, about 300 in all', async () => {
    const { municipalities } = await hub.gqlOk<{ municipalities: { code: string; schoolCount: number }[] }>(
      '{ municipalities { code schoolCount } }',
    );
    const total = municipalities.reduce((sum, m) => sum + m.schoolCount, 0);
    expect(total).toBe(299);
    expect(municipalities.find((m) => m.code === 'tomsk')!.schoolCount).toBe(77);
  });
});

describe('municipality names (the alias matcher every import uses)', () => {
  const byName = (name: string) =>
    hub.gqlOk<{ municipalityByName: { code: string } | null }>(
      'query ($name: String!) { municipalityByName(name: $name) { code } }',
      { name },
    );

  it.each([
    ['г. Томск', 'tomsk'],
    ['г.Томск', 'tomsk'],
    ['Томск', 'tomsk'],
    ['городской округ Томск', 'tomsk'],
    ['ГОРОД  ТОМСК', 'tomsk'],
    ['Вехнекетский район', 'verkhneketsky'],
    ['Верхнекетский район', 'verkhneketsky'],
    ['городской округ Стрежевой', 'strezhevoy'],
    ['г. Северск', 'seversk'],
    ['ЗАТО Северск', 'seversk'],
    ['г. Кедровый', 'kedrovy'],
    ['Томский район', 'tomsky'],
    ['«Томский район»', 'tomsky'],
    ['Кривошеинский р-н', 'krivosheinsky'],
    ['Шегарский район Томской области', 'shegarsky'],
    ['tomsky', 'tomsky'],
  ])('«%s» → %s', async (name, code) => {
    expect((await byName(name)).municipalityByName?.code).toBe(code);
  });

  it('does not match an unknown name, and never creates a municipality', async () => {
    expect((await byName('Новосибирский район')).municipalityByName).toBeNull();
    const count = (await hub.sql<{ count: number }>('SELECT count(*)::int AS count FROM municipality'))[0]!.count;
    expect(count).toBe(20);
  });

  it('resolves every municipality spelling of the ВСОКО sample list (Приложение № 3)', async () => {
    const spellings = [
      'Александровский район',
      'Асиновский район',
      'Бакчарский район',
      'Верхнекетский район',
      'Вехнекетский район',
      'г. Кедровый',
      'г. Северск',
      'г. Стрежевой',
      'г. Томск',
      'Зырянский район',
      'Каргасокский район',
      'Кожевниковский район',
      'Колпашевский район',
      'Кривошеинский район',
      'Молчановский район',
      'Парабельский район',
      'Первомайский район',
      'Тегульдетский район',
      'Томский район',
      'Чаинский район',
      'Шегарский район',
    ];
    const codes = await Promise.all(spellings.map(async (s) => (await byName(s)).municipalityByName?.code));
    expect(codes.every(Boolean)).toBe(true);
    expect(new Set(codes).size).toBe(20);
  });

  it('lists the aliases of a municipality', async () => {
    const { municipality } = await hub.gqlOk('{ municipality(code: "verkhneketsky") { aliases } }');
    expect(municipality.aliases).toContain('Вехнекетский район');
  });
});
