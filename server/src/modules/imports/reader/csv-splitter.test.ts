import { describe, expect, it } from 'vitest';
import { CsvSplitter } from './csv-splitter';
import type { SourceRecord } from './sources';

/** Feeds `text` in pieces of `size` characters, as a stream would. */
function split(text: string, delimiter = ';', size = text.length): SourceRecord[] {
  const splitter = new CsvSplitter(delimiter);
  const out: SourceRecord[] = [];
  for (let at = 0; at < text.length; at += size) splitter.push(text.slice(at, at + size), out);
  splitter.end(out);
  return out;
}

describe('CsvSplitter', () => {
  const text = '\uFEFFКод;Имя\r\nsch1;"Школа ""Ромашка""; №1"\r\n\r\nsch2;"две\r\nстроки"\nsch3;5 "Б" класс;\nsch4;x';
  const expected = [
    { line: 1, cells: ['Код', 'Имя'] },
    { line: 2, cells: ['sch1', 'Школа "Ромашка"; №1'] },
    { line: 3, cells: [''] },
    { line: 4, cells: ['sch2', 'две\r\nстроки'] },
    { line: 6, cells: ['sch3', '5 "Б" класс', ''] },
    { line: 7, cells: ['sch4', 'x'] },
  ];

  it('reads quoted fields, doubled quotes, line breaks in quotes and stray quotes; lines count from 1', () => {
    expect(split(text)).toEqual(expected);
  });

  it('gives the same records whatever the chunks the stream cuts the text into', () => {
    for (const size of [1, 2, 3, 5, 7, 11]) expect(split(text, ';', size)).toEqual(expected);
  });

  it('keeps text after a closing quote and closes a quote left open at the end', () => {
    expect(split('"a"b,c\n"open,end', ',')).toEqual([
      { line: 1, cells: ['ab', 'c'] },
      { line: 2, cells: ['open,end'] },
    ]);
  });

  it('ends without a trailing line break, with a CR before the end', () => {
    expect(split('a\tb\r', '\t')).toEqual([{ line: 1, cells: ['a', 'b'] }]);
    expect(split('')).toEqual([]);
  });
});
