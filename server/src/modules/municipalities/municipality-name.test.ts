import { describe, expect, it } from 'vitest';
import { MunicipalityMatcher, normalizeMunicipalityName } from './municipality-name';

describe('normalizeMunicipalityName', () => {
  it.each([
    ['г. Томск', 'г томск'],
    ['г.Томск', 'г томск'],
    ['  Г.   ТОМСК ', 'г томск'],
    ['«Кривошеинский»  район', 'кривошеинский район'],
    ['"Молодёжненская"', 'молодежненская'],
    ['Асиновский район Томской области', 'асиновский район'],
    ['Муниципальное образование «Томский район»', 'томский район'],
    ['МО Томский район', 'томский район'],
  ])('%s → %s', (input, key) => {
    expect(normalizeMunicipalityName(input)).toBe(key);
  });

  it('keeps words that merely start like noise words', () => {
    expect(normalizeMunicipalityName('Молчановский район')).toBe('молчановский район');
  });
});

describe('MunicipalityMatcher', () => {
  const matcher = new MunicipalityMatcher([
    { key: 'г томск', alias: 'г. Томск', municipalityCode: 'tomsk' },
    { key: 'верхнекетский район', alias: 'Верхнекетский район', municipalityCode: 'verkhneketsky' },
  ]);

  it('matches any spelling that normalises to a known alias', () => {
    expect(matcher.match('Г.ТОМСК')).toEqual({ code: 'tomsk' });
  });

  it('names an unknown municipality and suggests a near miss', () => {
    const result = matcher.match('Верхнекецкий район');
    expect(result).toEqual({
      error: 'Неизвестный муниципалитет «Верхнекецкий район»; возможно, имелся в виду «Верхнекетский район»',
    });
  });

  it('suggests nothing for a name that is not close to any', () => {
    expect(matcher.match('Новосибирск')).toEqual({ error: 'Неизвестный муниципалитет «Новосибирск»' });
  });

  it('rejects an empty name', () => {
    expect(matcher.match('  ')).toEqual({ error: 'Не указан муниципалитет' });
  });
});
