import type { BlockRule } from './vsoko-assessment';
import { VsokoErrorCode, type VsokoProblem } from './vsoko.errors';
import { plural, ruNumber } from '../shared/russian';

/**
 * An evaluation as an input gives it (a mutation or a file row). Optional parts left
 * `undefined` keep what is stored; `null` clears them (see `mergeVsokoEvaluation`).
 */
export interface VsokoEvaluationDraft {
  schoolCode: string;
  year: number;
  blocks: { number: number; score: number }[];
  expert?: string | null;
  passport?: VsokoPassportDraft | null;
  documents?: { code: string; url?: string | null }[] | null;
}

export interface VsokoPassportDraft {
  managementPositions?: string[] | null;
  teacherCount?: number | null;
  studentCount?: number | null;
}

/** What validation needs to know of the campaign and the school; loaded by the caller. */
export interface VsokoValidationContext {
  /** The campaign of `draft.year`; null when there is none. */
  campaign: {
    blocks: readonly BlockRule[];
    documents: readonly { code: string; title: string }[];
    passportItems: readonly { code: string; title: string; kind: string }[];
  } | null;
  /** Years that have campaigns, for the message about an unknown one. */
  campaignYears: readonly number[];
  schoolExists: boolean;
  /** Whether the school is in the campaign's sample. */
  inSample: boolean;
}

const problem = (code: VsokoErrorCode, field: string, message: string): VsokoProblem => ({ code, field, message });

const points = (n: number) => `${ruNumber(n)} ${plural(n, 'балл', 'балла', 'баллов')}`;

/** The field a block's problems are reported under (`blocks.2`; an import maps it to «Блок 2»). */
export const blockField = (number: number) => `blocks.${number}`;

/** The field a document link's problems are reported under (`documents.vsoko-regulation`). */
export const documentField = (code: string) => `documents.${code}`;

/** One block score: an integer from 0 to the block's maximum. */
export function validateBlockScore(block: BlockRule, score: number): VsokoProblem[] {
  const field = blockField(block.number);
  if (!Number.isFinite(score) || !Number.isInteger(score)) {
    return [
      problem(
        VsokoErrorCode.SCORE_NOT_INTEGER,
        field,
        `Блок ${block.number}: балл должен быть целым числом от 0 до ${block.maxScore}, указано ${Number.isFinite(score) ? ruNumber(score) : String(score)}`,
      ),
    ];
  }
  if (score < 0) {
    return [
      problem(
        VsokoErrorCode.SCORE_NEGATIVE,
        field,
        `Блок ${block.number}: балл не может быть отрицательным, указано ${ruNumber(score)}`,
      ),
    ];
  }
  if (score > block.maxScore) {
    return [
      problem(
        VsokoErrorCode.SCORE_ABOVE_MAX,
        field,
        `Блок ${block.number}: ${points(score)} больше максимума ${block.maxScore}`,
      ),
    ];
  }
  return [];
}

/** Every block of the campaign scored exactly once, each score valid. */
export function validateBlockScores(
  blocks: readonly BlockRule[],
  scores: readonly { number: number; score: number }[],
  year: number,
): VsokoProblem[] {
  const problems: VsokoProblem[] = [];
  const byNumber = new Map(blocks.map((b) => [b.number, b]));
  const seen = new Set<number>();
  const numbers = [...byNumber.keys()].sort((a, b) => a - b);
  for (const { number, score } of scores) {
    const block = byNumber.get(number);
    if (!block) {
      problems.push(
        problem(
          VsokoErrorCode.UNKNOWN_BLOCK,
          blockField(number),
          `Блока ${number} в мониторинге ВСОКО ${year} года нет: блоки ${numbers.join(', ')}`,
        ),
      );
      continue;
    }
    if (seen.has(number)) {
      problems.push(problem(VsokoErrorCode.DUPLICATE_BLOCK, blockField(number), `Блок ${number} указан дважды`));
      continue;
    }
    seen.add(number);
    problems.push(...validateBlockScore(block, score));
  }
  for (const number of numbers) {
    if (!seen.has(number)) {
      problems.push(
        problem(
          VsokoErrorCode.MISSING_BLOCK,
          blockField(number),
          `Блок ${number}: нет балла (нужны баллы всех ${numbers.length} блоков)`,
        ),
      );
    }
  }
  return problems;
}

function validateCount(value: number | null | undefined, field: string, what: string): VsokoProblem[] {
  if (value === null || value === undefined) return [];
  if (!Number.isInteger(value) || value < 0) {
    return [
      problem(
        VsokoErrorCode.BAD_COUNT,
        field,
        `${what}: нужно целое неотрицательное число, указано ${Number.isFinite(value) ? ruNumber(value) : String(value)}`,
      ),
    ];
  }
  return [];
}

/** Head counts are non-negative integers; positions are the passport's management positions. */
export function validatePassport(
  items: readonly { code: string; title: string; kind: string }[],
  passport: VsokoPassportDraft,
): VsokoProblem[] {
  const problems = [
    ...validateCount(passport.teacherCount, 'passport.teacherCount', 'Численность педагогических работников'),
    ...validateCount(passport.studentCount, 'passport.studentCount', 'Численность обучающихся'),
  ];
  const byCode = new Map(items.map((i) => [i.code, i]));
  for (const code of passport.managementPositions ?? []) {
    const item = byCode.get(code);
    if (!item) {
      problems.push(
        problem(
          VsokoErrorCode.UNKNOWN_PASSPORT_ITEM,
          'passport.managementPositions',
          `Должности «${code}» нет в паспорте участника мониторинга`,
        ),
      );
    } else if (item.kind !== 'position') {
      problems.push(
        problem(
          VsokoErrorCode.NOT_A_POSITION,
          'passport.managementPositions',
          `«${item.title}» — не должность управленческой команды`,
        ),
      );
    }
  }
  return problems;
}

/** Each link names a document of the campaign's list, at most once. Any text is accepted as a link. */
export function validateDocumentLinks(
  documents: readonly { code: string; title: string }[],
  links: readonly { code: string; url?: string | null }[],
  year: number,
): VsokoProblem[] {
  const problems: VsokoProblem[] = [];
  const known = new Set(documents.map((d) => d.code));
  const seen = new Set<string>();
  for (const { code } of links) {
    if (!known.has(code)) {
      problems.push(
        problem(
          VsokoErrorCode.UNKNOWN_DOCUMENT,
          documentField(code),
          `Документа «${code}» нет в перечне документов мониторинга ВСОКО ${year} года`,
        ),
      );
    } else if (seen.has(code)) {
      const title = documents.find((d) => d.code === code)?.title ?? code;
      problems.push(
        problem(VsokoErrorCode.DUPLICATE_DOCUMENT, documentField(code), `Ссылка на «${title}» указана дважды`),
      );
    }
    seen.add(code);
  }
  return problems;
}

/** Every rule of an evaluation; an empty list means it may be recorded. */
export function validateVsokoEvaluation(draft: VsokoEvaluationDraft, context: VsokoValidationContext): VsokoProblem[] {
  const problems: VsokoProblem[] = [];
  if (!context.schoolExists) {
    problems.push(
      problem(VsokoErrorCode.UNKNOWN_SCHOOL, 'schoolCode', `Школа с кодом «${draft.schoolCode}» не найдена в реестре`),
    );
  }
  const campaign = context.campaign;
  if (!campaign) {
    const known = context.campaignYears.length ? `; есть кампании: ${context.campaignYears.join(', ')}` : '';
    problems.push(
      problem(VsokoErrorCode.UNKNOWN_CAMPAIGN, 'year', `Кампании мониторинга ВСОКО ${draft.year} года нет${known}`),
    );
    return problems;
  }
  if (context.schoolExists && !context.inSample) {
    problems.push(
      problem(
        VsokoErrorCode.SCHOOL_NOT_IN_SAMPLE,
        'schoolCode',
        `Школа ${draft.schoolCode} не входит в выборку мониторинга ВСОКО ${draft.year} года`,
      ),
    );
  }
  problems.push(...validateBlockScores(campaign.blocks, draft.blocks, draft.year));
  if (draft.passport) problems.push(...validatePassport(campaign.passportItems, draft.passport));
  if (draft.documents) problems.push(...validateDocumentLinks(campaign.documents, draft.documents, draft.year));
  return problems;
}
