import { describe, expect, it } from 'vitest';
import { ShnorCategory, ShnorProgrammeStatus } from './shnor-listing.entity';
import { validateShnorListing } from './shnor-validation';

const today = new Date('2026-11-23T12:00:00Z');
const ok = { schoolExists: true, today };
const draft = {
  schoolCode: 'sch700001',
  year: 2025,
  category: 'ШНОР',
  curator: 'Иванова И.И.',
  programmeStatus: 'Утверждена',
};

describe('validateShnorListing', () => {
  it('gives the listing to write', () => {
    expect(validateShnorListing(draft, ok)).toEqual({
      value: {
        schoolCode: 'sch700001',
        year: 2025,
        category: ShnorCategory.SHNOR,
        curator: 'Иванова И.И.',
        programmeStatus: ShnorProgrammeStatus.APPROVED,
      },
      problems: [],
    });
  });

  it('reads a missing category as taking the school off the list', () => {
    expect(validateShnorListing({ schoolCode: 'sch700001', year: 2025, category: '  ' }, ok).value).toMatchObject({
      category: null,
    });
  });

  it('keeps omitted fields apart from cleared ones', () => {
    expect(validateShnorListing({ schoolCode: 'sch700001', year: 2025, category: 'ШНСУ' }, ok).value).toMatchObject({
      curator: undefined,
      programmeStatus: undefined,
    });
    expect(validateShnorListing({ ...draft, curator: null }, ok).value).toMatchObject({ curator: null });
    expect(validateShnorListing({ ...draft, curator: '  ' }, ok).value).toMatchObject({ curator: null });
  });

  it('rejects an unknown school', () => {
    expect(validateShnorListing(draft, { schoolExists: false, today }).problems).toEqual([
      { code: 'SHNOR_UNKNOWN_SCHOOL', field: 'schoolCode', message: 'Школа с кодом «sch700001» не найдена' },
    ]);
  });

  it('accepts 2020 and next year, not 2019 or the year after next', () => {
    expect(validateShnorListing({ ...draft, year: 2020 }, ok).problems).toEqual([]);
    expect(validateShnorListing({ ...draft, year: 2027 }, ok).problems).toEqual([]);
    expect(validateShnorListing({ ...draft, year: 2019 }, ok).problems).toEqual([
      { code: 'SHNOR_YEAR_OUT_OF_RANGE', field: 'year', message: 'Год 2019 вне допустимого диапазона 2020–2027' },
    ]);
    expect(validateShnorListing({ ...draft, year: 2028 }, ok).problems.map((p) => p.code)).toEqual([
      'SHNOR_YEAR_OUT_OF_RANGE',
    ]);
  });

  it('rejects an unknown category and status, saying what is accepted', () => {
    const { value, problems } = validateShnorListing({ ...draft, category: 'ШНОРР', programmeStatus: 'готово' }, ok);
    expect(value).toBeNull();
    expect(problems).toEqual([
      {
        code: 'SHNOR_UNKNOWN_CATEGORY',
        field: 'category',
        message: 'Неизвестная категория «ШНОРР»: укажите «ШНОР», «ШНСУ», «ШНОР и ШНСУ»',
      },
      {
        code: 'SHNOR_UNKNOWN_PROGRAMME_STATUS',
        field: 'programmeStatus',
        message: 'Неизвестный статус программы «готово»: укажите «Проект», «Утверждена», «На мониторинге»',
      },
    ]);
  });

  it('limits the curator to 300 characters', () => {
    expect(validateShnorListing({ ...draft, curator: 'к'.repeat(300) }, ok).problems).toEqual([]);
    expect(validateShnorListing({ ...draft, curator: 'к'.repeat(301) }, ok).problems.map((p) => p.code)).toEqual([
      'SHNOR_CURATOR_TOO_LONG',
    ]);
  });
});
