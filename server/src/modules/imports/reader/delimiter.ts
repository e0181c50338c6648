export type Delimiter = ';' | ',' | '\t';

const CANDIDATES: Delimiter[] = [';', '\t', ','];

/** Fields of one line split by `delimiter`, respecting double quotes. */
function countFields(line: string, delimiter: string): number {
  let fields = 1;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) fields++;
  }
  return fields;
}

/**
 * The delimiter that splits the most lines into the same number (> 1) of
 * fields. Title rows above the header have few or no delimiters, so they do
 * not decide; ties go to `;`, the Russian Excel default, then tab, then comma
 * (commas also appear inside Russian decimals and names).
 */
export function detectDelimiter(lines: string[]): Delimiter {
  let best: { delimiter: Delimiter; score: number } = { delimiter: ';', score: 0 };
  for (const delimiter of CANDIDATES) {
    const counts = lines.filter((l) => l.trim() !== '').map((l) => countFields(l, delimiter));
    const frequency = new Map<number, number>();
    for (const c of counts) if (c > 1) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    let score = 0;
    for (const [fields, lineCount] of frequency) score = Math.max(score, lineCount * 1000 + fields);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}
