import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool, type SchoolRow } from '../harness/factories';
import { startTestHub, type TestHub } from '../harness/hub';

let hub: TestHub;
let school: SchoolRow;
beforeAll(async () => {
  hub = await startTestHub();
  school = await createSchool(hub);
});
afterAll(() => hub?.close());

const SET = `mutation ($input: SetShnorListingInput!) {
  setShnorListing(input: $input) {
    schoolCode year category curator programmeStatus isDemo updatedBy createdAt updatedAt school { code }
  }
}`;

const set = (input: Record<string, unknown>) => hub.gql(SET, { input });
const stored = (code: string) =>
  hub.sql(
    `SELECT year, category, curator, programme_status, updated_at FROM shnor_listing WHERE school_code = $1 ORDER BY year`,
    [code],
  );

describe('setShnorListing', () => {
  it('puts a school on the list, recording who and when; the programme starts as a draft', async () => {
    const { data, errors } = await set({
      schoolCode: school.code,
      year: 2025,
      category: 'ШНОР',
      curator: 'Петрова А.А.',
    });
    expect(errors).toBeUndefined();
    expect(data!.setShnorListing).toMatchObject({
      schoolCode: school.code,
      year: 2025,
      category: 'SHNOR',
      curator: 'Петрова А.А.',
      programmeStatus: 'DRAFT',
      isDemo: false,
      updatedBy: 'test-admin',
      school: { code: school.code },
    });
    expect(Date.parse(data!.setShnorListing.updatedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('updates by school and year, keeping the fields not given', async () => {
    const { data } = await set({
      schoolCode: school.code,
      year: 2025,
      category: 'ШНОР и ШНСУ',
      programmeStatus: 'утверждена',
    });
    expect(data!.setShnorListing).toMatchObject({
      category: 'SHNOR_AND_SHNSU',
      curator: 'Петрова А.А.',
      programmeStatus: 'APPROVED',
    });
    const cleared = await set({ schoolCode: school.code, year: 2025, category: 'SHNOR_AND_SHNSU', curator: null });
    expect(cleared.data!.setShnorListing).toMatchObject({ curator: null, programmeStatus: 'APPROVED' });
    expect(await stored(school.code)).toHaveLength(1);
  });

  it('changes nothing, not even the time, when nothing changes', async () => {
    const [before] = await stored(school.code);
    await set({
      schoolCode: school.code,
      year: 2025,
      category: 'ШНОР и ШНСУ',
      curator: null,
      programmeStatus: 'Утверждена',
    });
    const [after] = await stored(school.code);
    expect(after).toEqual(before);
  });

  it('takes a school off the list when no category is given, and returns null', async () => {
    await set({ schoolCode: school.code, year: 2024, category: 'ШНСУ' });
    const { data, errors } = await set({ schoolCode: school.code, year: 2024 });
    expect(errors).toBeUndefined();
    expect(data!.setShnorListing).toBeNull();
    expect((await stored(school.code)).map((r) => r.year)).toEqual([2025]);
    expect((await set({ schoolCode: school.code, year: 2023, category: '' })).data!.setShnorListing).toBeNull();
  });

  it('labels the listing of a demo school as demo', async () => {
    const demo = await createSchool(hub, { is_demo: true });
    const { data } = await set({ schoolCode: demo.code, year: 2025, category: 'ШНОР' });
    expect(data!.setShnorListing.isDemo).toBe(true);
  });
});

describe('setShnorListing validation: a code, a Russian message, and nothing changed', () => {
  const snapshot = () => hub.sql(`SELECT * FROM shnor_listing ORDER BY school_code, year`);

  it.each([
    [
      { schoolCode: 'sch-nowhere', year: 2025, category: 'ШНОР' },
      'SHNOR_UNKNOWN_SCHOOL',
      'Школа с кодом «sch-nowhere» не найдена',
    ],
    [{ year: 2019, category: 'ШНОР' }, 'SHNOR_YEAR_OUT_OF_RANGE', 'Год 2019 вне допустимого диапазона 2020–'],
    [{ year: 2025, category: 'ШНОРР' }, 'SHNOR_UNKNOWN_CATEGORY', 'Неизвестная категория «ШНОРР»'],
    [
      { year: 2025, category: 'ШНОР', programmeStatus: 'готово' },
      'SHNOR_UNKNOWN_PROGRAMME_STATUS',
      'Неизвестный статус программы «готово»',
    ],
    [{ year: 2025, category: 'ШНОР', curator: 'к'.repeat(301) }, 'SHNOR_CURATOR_TOO_LONG', 'Куратор: 301 символов'],
  ])('%j → %s', async (input, code, message) => {
    const before = await snapshot();
    const { data, errors } = await set({ schoolCode: school.code, ...input });
    expect(data?.setShnorListing ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe(code);
    expect(errors?.[0]?.message).toContain(message);
    expect(await snapshot()).toEqual(before);
  });

  it('reports every problem at once, each with its field', async () => {
    const { errors } = await set({ schoolCode: 'sch-nowhere', year: 2100, category: 'x', programmeStatus: 'y' });
    const problems = errors?.[0]?.extensions?.problems as { code: string; field: string }[];
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['SHNOR_UNKNOWN_SCHOOL', 'schoolCode'],
      ['SHNOR_YEAR_OUT_OF_RANGE', 'year'],
      ['SHNOR_UNKNOWN_CATEGORY', 'category'],
      ['SHNOR_UNKNOWN_PROGRAMME_STATUS', 'programmeStatus'],
    ]);
  });

  it('does not remove a listing when the removal input is bad', async () => {
    const before = await snapshot();
    const { errors } = await set({ schoolCode: school.code, year: 2019 });
    expect(errors?.[0]?.extensions?.code).toBe('SHNOR_YEAR_OUT_OF_RANGE');
    expect(await snapshot()).toEqual(before);
  });
});

describe('reading the lists', () => {
  it('gives the list of a year and of all years', async () => {
    const { shnorListings } = await hub.gqlOk('{ shnorListings(year: 2025) { schoolCode year } }');
    expect(shnorListings.every((l: { year: number }) => l.year === 2025)).toBe(true);
    expect(shnorListings.map((l: { schoolCode: string }) => l.schoolCode)).toContain(school.code);
  });

  it('gives School.shnor of a year, the most recent without a year, and null if never listed', async () => {
    const listed = await createSchool(hub);
    const never = await createSchool(hub);
    await set({ schoolCode: listed.code, year: 2023, category: 'ШНОР', curator: 'А' });
    await set({ schoolCode: listed.code, year: 2024, category: 'ШНСУ', curator: 'Б' });
    const query = `query ($a: String!, $b: String!) {
      a: school(code: $a) { latest: shnor { year curator } y2023: shnor(year: 2023) { year curator } y2025: shnor(year: 2025) { year } }
      b: school(code: $b) { shnor { year } }
    }`;
    expect(await hub.gqlOk(query, { a: listed.code, b: never.code })).toEqual({
      a: { latest: { year: 2024, curator: 'Б' }, y2023: { year: 2023, curator: 'А' }, y2025: null },
      b: { shnor: null },
    });
  });
});
