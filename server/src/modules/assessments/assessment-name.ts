import { closest, distance } from 'fastest-levenshtein';

/**
 * The lookup key of a procedure or subject name as source files write it: case, ё/е,
 * punctuation and whitespace do not matter («Математика (профильная)» = «МАТЕМАТИКА профильная»).
 */
export function normalizeAssessmentName(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const MAX_REMEMBERED = 1000;

export type AssessmentNameMatch = { code: string } | { error: string };

interface MatcherWording {
  /** «Не указана процедура». */
  missing: string;
  /** «Неизвестная процедура». */
  unknown: string;
  /** «имелась в виду». */
  meant: string;
}

/**
 * Matches names against the aliases in the database (one matcher per import, built by
 * `AssessmentReferenceService.matchers()`). An unknown name is an error that says what was
 * written and the nearest known spelling; it never creates a procedure or a subject.
 */
export class AssessmentNameMatcher {
  private readonly byKey = new Map<string, string>();
  private readonly spellings = new Map<string, string>();

  constructor(
    aliases: Iterable<{ key: string; alias: string; code: string }>,
    private readonly wording: MatcherWording,
  ) {
    for (const { key, alias, code } of aliases) {
      this.byKey.set(key, code);
      if (!this.spellings.has(key)) this.spellings.set(key, alias);
    }
  }

  /**
   * Answers by the name as written: a file of a million rows spells its few procedures and
   * subjects the same way over and over. Bounded, for files that spell them every which way.
   */
  private readonly answers = new Map<string, AssessmentNameMatch>();

  match(name: string | null | undefined): AssessmentNameMatch {
    const written = name ?? '';
    let answer = this.answers.get(written);
    if (answer === undefined) {
      answer = this.lookup(written);
      if (this.answers.size < MAX_REMEMBERED) this.answers.set(written, answer);
    }
    return answer;
  }

  private lookup(name: string): AssessmentNameMatch {
    const key = normalizeAssessmentName(name);
    if (key === '') return { error: this.wording.missing };
    const code = this.byKey.get(key);
    if (code !== undefined) return { code };
    return { error: `${this.wording.unknown} «${name.trim()}»${this.suggestion(key)}` };
  }

  private suggestion(key: string): string {
    if (this.byKey.size === 0) return '';
    const nearest = closest(key, [...this.byKey.keys()]);
    // Only a near miss (a typo) is worth suggesting.
    if (distance(key, nearest) > Math.max(1, Math.floor(key.length / 4))) return '';
    return `; возможно, ${this.wording.meant} «${this.spellings.get(nearest) ?? nearest}»`;
  }
}

export function procedureMatcher(aliases: Iterable<{ key: string; alias: string; code: string }>) {
  return new AssessmentNameMatcher(aliases, {
    missing: 'Не указана процедура',
    unknown: 'Неизвестная процедура',
    meant: 'имелась в виду',
  });
}

export function subjectMatcher(aliases: Iterable<{ key: string; alias: string; code: string }>) {
  return new AssessmentNameMatcher(aliases, {
    missing: 'Не указан предмет',
    unknown: 'Неизвестный предмет',
    meant: 'имелся в виду',
  });
}

/**
 * The alias rows of reference entries (each spelt several ways), by lookup key. Two codes
 * claiming one spelling is a defect of the reference data, not something to resolve silently.
 */
export function aliasEntries(
  entries: readonly { code: string; spellings: readonly string[] }[],
  what: string,
): { key: string; alias: string; code: string }[] {
  const byKey = new Map<string, { key: string; alias: string; code: string }>();
  for (const { code, spellings } of entries) {
    for (const alias of spellings) {
      const key = normalizeAssessmentName(alias);
      const taken = byKey.get(key);
      if (taken && taken.code !== code) throw new Error(`${what} «${alias}» would name both ${taken.code} and ${code}`);
      if (!taken) byKey.set(key, { key, alias, code });
    }
  }
  return [...byKey.values()];
}
