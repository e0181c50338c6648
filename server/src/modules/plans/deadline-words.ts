/**
 * The vocabulary of deadlines as the department writes them: month names in
 * any case («март», «марта», «в марте»), quarters and half-years in Roman or
 * Arabic numerals, year suffixes («2023г.», «2025-2030 гг.», «2021 года»).
 */

const MONTHS: readonly RegExp[] = [
  /^январ(?:ь|я|е)$/,
  /^феврал(?:ь|я|е)$/,
  /^март(?:а|е)?$/,
  /^апрел(?:ь|я|е)$/,
  /^ма(?:й|я|е)$/,
  /^июн(?:ь|я|е)$/,
  /^июл(?:ь|я|е)$/,
  /^август(?:а|е)?$/,
  /^сентябр(?:ь|я|е)$/,
  /^октябр(?:ь|я|е)$/,
  /^ноябр(?:ь|я|е)$/,
  /^декабр(?:ь|я|е)$/,
];

/** 0-based month of a Russian month word, or null. */
export function monthOf(word: string): number | null {
  const index = MONTHS.findIndex((re) => re.test(word));
  return index < 0 ? null : index;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** «IV», «4» → 4; anything else → null. */
export function ordinalOf(token: string): number | null {
  if (token in ROMAN) return ROMAN[token]!;
  return /^[1-4]$/.test(token) ? Number(token) : null;
}

/**
 * Lower case, ё → е, every dash → «-», «2023г.» / «гг.» / «года» / «годы» dropped
 * after a year, whitespace collapsed, month words replaced by `m<0-11>` tokens.
 */
export function normalizeDeadline(text: string): string {
  const plain = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/(\d{4})\s*(?:гг?\.?|годы|годов|года|год)(?=$|[\s,;.:)-])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.replace(/[а-я]+/g, (word) => {
    const month = monthOf(word);
    return month === null ? word : `m${month}`;
  });
}

/** ISO date of a day; null when the day does not exist (31 February). */
export function isoDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** The last day of a month (0-based). */
export function lastDayOf(year: number, month: number): string {
  return new Date(Date.UTC(year, month + 1, 0)).toISOString().slice(0, 10);
}
