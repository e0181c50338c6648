/** A column an import kind knows, with the header spellings it accepts. */
export interface ColumnSpec {
  key: string;
  /** Header texts as files write them; the first is the canonical one shown to people. */
  headers: string[];
  required: boolean;
}

/** Header text as compared: case, ё/е, whitespace and surrounding punctuation do not matter. */
export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s"'«»*.:]+|[\s"'«»*.:]+$/g, '');
}

export interface HeaderMatch {
  /** Position of the header row among the records read (0-based). */
  index: number;
  /** Column key → cell index. */
  columns: Map<string, number>;
  /** Header cells nobody uses, as written. */
  unknown: string[];
}

export type HeaderResult = { header: HeaderMatch } | { error: string };

function matchRow(cells: string[], specs: ColumnSpec[], lookup: Map<string, ColumnSpec>) {
  const columns = new Map<string, number>();
  const unknown: string[] = [];
  const duplicates: string[] = [];
  cells.forEach((cell, index) => {
    if (cell.trim() === '') return;
    const spec = lookup.get(normalizeHeader(cell));
    if (!spec) unknown.push(cell.trim());
    else if (columns.has(spec.key)) duplicates.push(spec.headers[0]!);
    else columns.set(spec.key, index);
  });
  const missing = specs.filter((s) => s.required && !columns.has(s.key)).map((s) => s.headers[0]!);
  return { columns, unknown, duplicates, missing };
}

/**
 * Finds the header row among the first records (federal exports put titles
 * above it): the first row that has every required column. Otherwise the
 * error names what the closest row lacks.
 */
export function findHeader(records: string[][], specs: ColumnSpec[]): HeaderResult {
  const lookup = new Map<string, ColumnSpec>();
  for (const spec of specs) for (const h of spec.headers) lookup.set(normalizeHeader(h), spec);

  let closest: { index: number; missing: string[]; known: number } | undefined;
  for (let index = 0; index < records.length; index++) {
    const { columns, unknown, duplicates, missing } = matchRow(records[index]!, specs, lookup);
    if (missing.length === 0) {
      if (duplicates.length > 0) {
        return { error: `Строка ${index + 1}: столбец «${duplicates[0]}» встречается в заголовке дважды` };
      }
      return { header: { index, columns, unknown } };
    }
    if (columns.size > 0 && (!closest || columns.size > closest.known))
      closest = { index, missing, known: columns.size };
  }
  const list = (names: string[]) => names.map((n) => `«${n}»`).join(', ');
  if (closest) {
    return {
      error: `Не найдена строка заголовков: в строке ${closest.index + 1} нет обязательных столбцов ${list(closest.missing)}`,
    };
  }
  const required = specs.filter((s) => s.required).map((s) => s.headers[0]!);
  return {
    error: `Не найдена строка заголовков в первых ${records.length} строках: нужны столбцы ${list(required)}`,
  };
}
