/**
 * Parsers of spreadsheet cells as the department writes them: decimal commas,
 * spaces (also non-breaking) between thousands, «да»/«нет». Each returns the
 * value, `null` for an empty cell, or an error message in Russian.
 */
export type CellResult<T> = { value: T | null } | { error: string };

const NUMBER = /^[+-]?\d+([.,]\d+)?$/;

export function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

function compactNumber(text: string): string {
  return text.trim().replace(/[\s\u00a0\u202f]/g, '');
}

export function parseDecimal(text: string | undefined): CellResult<number> {
  if (isBlank(text)) return { value: null };
  const compact = compactNumber(text!);
  if (!NUMBER.test(compact)) return { error: `«${text!.trim()}» — не число` };
  return { value: Number(compact.replace(',', '.')) };
}

export function parseInteger(text: string | undefined): CellResult<number> {
  const parsed = parseDecimal(text);
  if ('error' in parsed || parsed.value === null) return parsed;
  if (!Number.isInteger(parsed.value)) return { error: `«${text!.trim()}» — нужно целое число` };
  return parsed;
}

const YES = new Set(['да', 'д', 'yes', 'y', 'true', '1', '+', 'есть', 'имеется']);
const NO = new Set(['нет', 'н', 'no', 'n', 'false', '0', '-', 'отсутствует']);

export function parseBoolean(text: string | undefined): CellResult<boolean> {
  if (isBlank(text)) return { value: null };
  const word = text!.trim().toLowerCase();
  if (YES.has(word)) return { value: true };
  if (NO.has(word)) return { value: false };
  return { error: `«${text!.trim()}» — ожидается «да» или «нет»` };
}

/** Trimmed text with inner whitespace collapsed; null when empty. */
export function parseText(text: string | undefined): string | null {
  if (isBlank(text)) return null;
  return text!.trim().replace(/\s+/g, ' ');
}
