import { ShnorCategory, ShnorProgrammeStatus } from './shnor-listing.entity';

/** How the department writes the categories and statuses (and exports show them). */
export const CATEGORY_LABELS: Record<ShnorCategory, string> = {
  [ShnorCategory.SHNOR]: 'ШНОР',
  [ShnorCategory.SHNSU]: 'ШНСУ',
  [ShnorCategory.SHNOR_AND_SHNSU]: 'ШНОР и ШНСУ',
};

export const PROGRAMME_STATUS_LABELS: Record<ShnorProgrammeStatus, string> = {
  [ShnorProgrammeStatus.DRAFT]: 'Проект',
  [ShnorProgrammeStatus.APPROVED]: 'Утверждена',
  [ShnorProgrammeStatus.MONITORED]: 'На мониторинге',
};

/** Case, ё/е, punctuation and whitespace do not matter; the GraphQL names are understood too. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const CATEGORY_WORDS: Record<string, 'shnor' | 'shnsu' | 'and'> = {
  шнор: 'shnor',
  shnor: 'shnor',
  шнсу: 'shnsu',
  shnsu: 'shnsu',
  и: 'and',
  and: 'and',
};

/**
 * «ШНОР», «ШНСУ», «ШНОР и ШНСУ» (also «ШНОР/ШНСУ», «ШНОР, ШНСУ», `SHNOR_AND_SHNSU`) → the
 * category; null for anything else.
 */
export function parseShnorCategory(text: string): ShnorCategory | null {
  const found = new Set<string>();
  for (const word of words(text)) {
    const meaning = CATEGORY_WORDS[word];
    if (!meaning) return null;
    if (meaning !== 'and') found.add(meaning);
  }
  if (found.has('shnor') && found.has('shnsu')) return ShnorCategory.SHNOR_AND_SHNSU;
  if (found.has('shnor')) return ShnorCategory.SHNOR;
  if (found.has('shnsu')) return ShnorCategory.SHNSU;
  return null;
}

const STATUS_SPELLINGS: Record<string, ShnorProgrammeStatus> = {
  проект: ShnorProgrammeStatus.DRAFT,
  'проект программы': ShnorProgrammeStatus.DRAFT,
  черновик: ShnorProgrammeStatus.DRAFT,
  draft: ShnorProgrammeStatus.DRAFT,
  утверждена: ShnorProgrammeStatus.APPROVED,
  утверждено: ShnorProgrammeStatus.APPROVED,
  утвержден: ShnorProgrammeStatus.APPROVED,
  'программа утверждена': ShnorProgrammeStatus.APPROVED,
  approved: ShnorProgrammeStatus.APPROVED,
  'на мониторинге': ShnorProgrammeStatus.MONITORED,
  мониторинг: ShnorProgrammeStatus.MONITORED,
  monitored: ShnorProgrammeStatus.MONITORED,
};

/** «Проект», «Утверждена», «На мониторинге» (or DRAFT, APPROVED, MONITORED) → the status; null otherwise. */
export function parseShnorProgrammeStatus(text: string): ShnorProgrammeStatus | null {
  return STATUS_SPELLINGS[words(text).join(' ')] ?? null;
}
