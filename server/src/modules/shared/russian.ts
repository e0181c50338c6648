/** Russian plural form for a count: plural(5, 'балл', 'балла', 'баллов') → 'баллов'. */
export function plural(count: number, one: string, few: string, many: string): string {
  const n = Math.abs(count);
  if (!Number.isInteger(n)) return few;
  const tens = n % 100;
  const units = n % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

/** A number as Russian texts write it: 5,5; −3; 1 200. */
export function ruNumber(value: number): string {
  return value.toLocaleString('ru-RU', { maximumFractionDigits: 6 }).replace('-', '−');
}
