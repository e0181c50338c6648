const integer = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });

/** ru-RU numbers: «1 234». */
export function formatInt(value: number): string {
  return integer.format(value);
}
