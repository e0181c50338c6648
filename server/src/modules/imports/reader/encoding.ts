/** Text encodings the department's CSV files come in. */
export type CsvEncoding = 'utf8' | 'win1251';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * UTF-8 (with or without BOM) or Windows-1251, told apart by whether the
 * sample is valid UTF-8: Cyrillic in Windows-1251 almost never is.
 */
export function detectEncoding(sample: Buffer): CsvEncoding {
  if (sample.subarray(0, 3).equals(UTF8_BOM)) return 'utf8';
  // A sample cut from a longer file may end inside a multi-byte character.
  let end = sample.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = sample[end - back]!;
    if ((byte & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return 'utf8';
  } catch {
    return 'win1251';
  }
}
