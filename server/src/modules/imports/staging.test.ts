import { describe, expect, it } from 'vitest';
import type { AnyImportKind } from './import-kind';
import { KeyHashes } from './key-hashes';
import { copyText, rowEncoder } from './staging';

describe('copyText', () => {
  it('writes values in COPY’s text format: \\N for null, escapes for backslash, tab and line breaks', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText(undefined)).toBe('\\N');
    expect(copyText(true)).toBe('t');
    expect(copyText(false)).toBe('f');
    expect(copyText(12.5)).toBe('12.5');
    expect(copyText('Школа № 1')).toBe('Школа № 1');
    expect(copyText('a\\b\tc\r\nd')).toBe('a\\\\b\\tc\\r\\nd');
    // The two characters backslash-N are text, not null.
    expect(copyText('\\N')).toBe('\\\\N');
    expect(copyText('a\0b')).toBe('ab');
  });
});

describe('rowEncoder', () => {
  const kind = (keyType: 'text' | 'integer' | 'date') =>
    ({
      key: ['code', 'year'],
      staging: [
        { name: 'code', type: 'text', get: (r: any) => r.code },
        { name: 'year', type: keyType, get: (r: any) => r.year },
        { name: 'note', type: 'text', get: (r: any) => r.note },
      ],
    }) as unknown as AnyImportKind;

  it('writes COPY lines and hands the key (only its columns) to the hashes', () => {
    const keys = new KeyHashes();
    const encode = rowEncoder(kind('integer'), keys);
    expect(encode({ code: 'a\tb', year: 2024, note: null })).toBe('a\\tb\t2024\t\\N\n');
    encode({ code: 'a\tb', year: 2025, note: 'x' });
    expect(keys.unique).toBe(true);
    // Another note, the same key: a repeat.
    encode({ code: 'a\tb', year: 2024, note: 'y' });
    expect(keys.unique).toBe(false);
  });

  it('leaves repeats to the database when a key value is not compared as written', () => {
    const asText = new KeyHashes();
    rowEncoder(kind('integer'), asText)({ code: 'a', year: '2024', note: null });
    expect(asText.unique).toBe(false);
    const date = new KeyHashes();
    rowEncoder(kind('date'), date);
    expect(date.unique).toBe(false);
  });
});
