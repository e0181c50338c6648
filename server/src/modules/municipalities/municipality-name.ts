import { closest, distance } from 'fastest-levenshtein';

// Words that only say "in the Tomsk region" or "a municipality": they never tell
// two municipalities apart, so they are dropped before comparing.
// (JavaScript's \b knows only Latin letters, hence the explicit spaces.)
const NOISE = [/(^| )томской области( |$)/g, /^муниципальное образование( |$)/, /^мо( |$)/];

/**
 * The lookup key of a municipality name as source files write it: case, quotes,
 * punctuation, whitespace and ё/е do not matter («г.Томск» = «Г. ТОМСК» = «г Томск»).
 */
export function normalizeMunicipalityName(name: string): string {
  let key = name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  for (const noise of NOISE) key = key.replace(noise, ' ').replace(/\s+/g, ' ').trim();
  return key;
}

export type MunicipalityMatch = { code: string } | { error: string };

/**
 * Matches municipality names against the aliases in the database. One matcher
 * serves every import: an unknown name is an error that says what was written
 * and the nearest known spelling, never a new municipality.
 */
export class MunicipalityMatcher {
  private readonly byKey = new Map<string, string>();
  private readonly spellings = new Map<string, string>();

  constructor(aliases: Iterable<{ key: string; alias: string; municipalityCode: string }>) {
    for (const { key, alias, municipalityCode } of aliases) {
      this.byKey.set(key, municipalityCode);
      if (!this.spellings.has(key)) this.spellings.set(key, alias);
    }
  }

  match(name: string): MunicipalityMatch {
    const key = normalizeMunicipalityName(name);
    if (key === '') return { error: 'Не указан муниципалитет' };
    const code = this.byKey.get(key);
    if (code !== undefined) return { code };
    return { error: `Неизвестный муниципалитет «${name.trim()}»${this.suggestion(key)}` };
  }

  private suggestion(key: string): string {
    if (this.byKey.size === 0) return '';
    const nearest = closest(key, [...this.byKey.keys()]);
    // Suggest only a near miss (a typo), not an arbitrary name.
    if (distance(key, nearest) > Math.max(2, Math.floor(key.length / 4))) return '';
    return `; возможно, имелся в виду «${this.spellings.get(nearest) ?? nearest}»`;
  }
}
