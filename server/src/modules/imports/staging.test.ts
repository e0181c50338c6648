import { describe, expect, it } from 'vitest';
import { copyText } from './staging';

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
