const integer = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'short', timeStyle: 'medium' });
const date = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'long' });
const time = new Intl.DateTimeFormat('ru-RU', { timeStyle: 'medium' });

/** ru-RU numbers: «1 234». */
export function formatInt(value: number): string {
  return integer.format(value);
}

/** A value in an indicator's unit: «12,5 %», «68 школ», «71,3 балл». */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (unit === '%') return `${decimal.format(value)} %`;
  if (unit === 'балл') return decimal.format(value);
  return integer.format(value);
}

/** A change between periods, signed: «+1,2 п. п.», «−3». */
export function formatDelta(delta: number | null, unit: string): string {
  if (delta === null || Number.isNaN(delta)) return '';
  const magnitude = Math.abs(delta);
  // A change that rounds to zero is «±0,0», not «+0,0».
  const shown = unit === '%' || unit === 'балл' ? Math.round(magnitude * 10) / 10 : Math.round(magnitude);
  const sign = shown === 0 ? '±' : delta > 0 ? '+' : '−';
  if (unit === '%') return `${sign}${decimal.format(magnitude)} п. п.`;
  if (unit === 'балл') return `${sign}${decimal.format(magnitude)}`;
  return `${sign}${integer.format(magnitude)}`;
}

export function formatDateTime(value: Date | string): string {
  return dateTime.format(new Date(value));
}

export function formatDate(value: Date | string): string {
  return date.format(new Date(value));
}

export function formatTime(value: Date | string): string {
  return time.format(new Date(value));
}
