import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseBoolean, parseDecimal, parseInteger, parseText } from './cells';
import { detectDelimiter } from './delimiter';
import { detectEncoding } from './encoding';
import { findHeader, normalizeHeader } from './header';

describe('detectEncoding', () => {
  it('tells UTF-8 (with and without BOM) from Windows-1251', () => {
    expect(detectEncoding(Buffer.from('\uFEFFКод ОО;Год', 'utf8'))).toBe('utf8');
    expect(detectEncoding(Buffer.from('Код ОО;Год', 'utf8'))).toBe('utf8');
    expect(detectEncoding(iconv.encode('Код ОО;Муниципалитет', 'win1251'))).toBe('win1251');
    expect(detectEncoding(Buffer.from('code;year', 'ascii'))).toBe('utf8');
  });

  it('is not fooled by a sample cut inside a character', () => {
    const bytes = Buffer.from('Томск', 'utf8');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))).toBe('utf8');
  });
});

describe('detectDelimiter', () => {
  it.each([
    [['a;b;c', '1;2;3'], ';'],
    [['a,b,c', '1,2,3'], ','],
    [['a\tb\tc', '1\t2\t3'], '\t'],
    [['Отчёт, 2025 год', '', 'Код ОО;Год;Предмет', 'sch1;2025;"Русский язык, 5 класс"'], ';'],
    [['"Расстояние до Томска, км";Год', '12,5;2025'], ';'],
  ] as const)('%j → %j', (lines, delimiter) => {
    expect(detectDelimiter([...lines])).toBe(delimiter);
  });
});

describe('headers', () => {
  const specs = [
    { key: 'code', headers: ['Код ОО'], required: true },
    { key: 'year', headers: ['Год'], required: true },
    { key: 'note', headers: ['Примечание'], required: false },
  ];

  it('normalises case, ё, whitespace and surrounding punctuation', () => {
    expect(normalizeHeader('  КОД   оо: ')).toBe('код оо');
    expect(normalizeHeader('«Учёт»*')).toBe('учет');
  });

  it('finds the header below title rows and maps columns in any order', () => {
    const result = findHeader([['Статистика'], [], ['год', 'Прочее', 'код оо']], specs);
    expect(result).toEqual({
      header: {
        index: 2,
        columns: new Map([
          ['year', 0],
          ['code', 2],
        ]),
        unknown: ['Прочее'],
      },
    });
  });

  it('names a header cell given twice', () => {
    expect(findHeader([['Код ОО', 'Год', 'код оо']], specs)).toEqual({
      error: 'Строка 1: столбец «Код ОО» встречается в заголовке дважды',
    });
  });
});

describe('cells', () => {
  it('reads decimal commas and thousands separators', () => {
    expect(parseDecimal('1 234,5')).toEqual({ value: 1234.5 });
    expect(parseDecimal('1\u00a0234')).toEqual({ value: 1234 });
    expect(parseDecimal('-0.25')).toEqual({ value: -0.25 });
    expect(parseDecimal(' ')).toEqual({ value: null });
    expect(parseDecimal('12a')).toEqual({ error: '«12a» — не число' });
    expect(parseDecimal('1,2,3')).toEqual({ error: '«1,2,3» — не число' });
  });

  it('wants whole numbers where counts are expected', () => {
    expect(parseInteger('42')).toEqual({ value: 42 });
    expect(parseInteger('4,5')).toEqual({ error: '«4,5» — нужно целое число' });
  });

  it('reads да/нет in the usual spellings', () => {
    expect(parseBoolean('Да')).toEqual({ value: true });
    expect(parseBoolean('нет')).toEqual({ value: false });
    expect(parseBoolean('')).toEqual({ value: null });
    expect(parseBoolean('возможно')).toEqual({ error: '«возможно» — ожидается «да» или «нет»' });
  });

  it('collapses whitespace in text', () => {
    expect(parseText('  Школа\n №\t1 ')).toBe('Школа № 1');
    expect(parseText('   ')).toBeNull();
  });
});
