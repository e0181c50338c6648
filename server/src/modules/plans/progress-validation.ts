import { PlanLevel, ProgressStatus } from './plans.enums';
import { PlansErrorCode, type PlanProblem } from './plans.errors';

export const COMMENT_MAX_LENGTH = 2000;
export const EVIDENCE_URL_MAX_LENGTH = 2000;

/** A progress entry as a form or a file row gives it: strings not yet checked. */
export interface ProgressEntry {
  planCode: string;
  activityNumber: string;
  status: string;
  evidenceUrl?: string | null;
  comment?: string | null;
  target: { level: string; municipalityCode?: string | null; schoolCode?: string | null };
}

/** What the rules need to know of the world: the activity, the known municipalities and schools. */
export interface ProgressContext {
  /** Null when the activity named does not exist. */
  activity: { scope: PlanLevel } | null;
  municipalities: ReadonlySet<string>;
  /** School code → its municipality's code. */
  schools: ReadonlyMap<string, string>;
}

/** A valid entry, normalised: trimmed, empty text as null, the school's municipality filled in. */
export interface ValidProgress {
  status: ProgressStatus;
  evidenceUrl: string | null;
  comment: string | null;
  level: PlanLevel;
  municipalityCode: string | null;
  schoolCode: string | null;
  targetKey: string;
}

const LEVEL_NAMES: Record<PlanLevel, string> = {
  [PlanLevel.REGION]: 'регион',
  [PlanLevel.MUNICIPALITY]: 'муниципалитет',
  [PlanLevel.SCHOOL]: 'школа',
};

const STATUS_WORDS: Record<string, ProgressStatus> = {
  planned: ProgressStatus.PLANNED,
  запланировано: ProgressStatus.PLANNED,
  in_progress: ProgressStatus.IN_PROGRESS,
  выполняется: ProgressStatus.IN_PROGRESS,
  'в работе': ProgressStatus.IN_PROGRESS,
  done: ProgressStatus.DONE,
  выполнено: ProgressStatus.DONE,
};

/** The status from a value as GraphQL (`IN_PROGRESS`), the database or a Russian file gives it. */
export function readStatus(text: string): ProgressStatus | null {
  return STATUS_WORDS[text.trim().toLowerCase().replace(/ё/g, 'е')] ?? null;
}

function readLevel(text: string): PlanLevel | null {
  const value = text.trim().toLowerCase();
  const byName = Object.entries(LEVEL_NAMES).find(([, name]) => name === value)?.[0];
  if (byName) return byName as PlanLevel;
  return (Object.values(PlanLevel) as string[]).includes(value) ? (value as PlanLevel) : null;
}

const activityLabel = (entry: ProgressEntry) => `№ ${entry.activityNumber.trim()} плана «${entry.planCode.trim()}»`;

const blank = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

function isHttpUrl(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** The target's key within its activity: one current row per (activity, key). */
export function targetKeyOf(level: PlanLevel, municipalityCode: string | null, schoolCode: string | null): string {
  if (level === PlanLevel.SCHOOL) return `school:${schoolCode}`;
  if (level === PlanLevel.MUNICIPALITY) return `municipality:${municipalityCode}`;
  return 'region';
}

function checkTarget(
  entry: ProgressEntry,
  context: ProgressContext,
  problems: PlanProblem[],
): Pick<ValidProgress, 'level' | 'municipalityCode' | 'schoolCode'> | null {
  const level = readLevel(entry.target.level);
  let municipalityCode = blank(entry.target.municipalityCode);
  const schoolCode = blank(entry.target.schoolCode);
  const incomplete = (field: string, message: string) =>
    problems.push({ code: PlansErrorCode.TARGET_INCOMPLETE, field, message });
  if (!level) {
    incomplete('target.level', `Уровень цели «${entry.target.level}» не распознан: регион, муниципалитет или школа`);
    return null;
  }
  const activity = context.activity;
  if (activity && activity.scope !== level) {
    problems.push({
      code: PlansErrorCode.TARGET_LEVEL_MISMATCH,
      field: 'target.level',
      message:
        `Исполнение мероприятия ${activityLabel(entry)} отмечается на уровне «${LEVEL_NAMES[activity.scope]}», ` +
        `а указана цель уровня «${LEVEL_NAMES[level]}»`,
    });
  }
  if (level === PlanLevel.REGION && (municipalityCode || schoolCode)) {
    incomplete('target', 'Для цели уровня «регион» не указывайте ни муниципалитет, ни школу');
  }
  if (level === PlanLevel.MUNICIPALITY) {
    if (!municipalityCode)
      incomplete('target.municipalityCode', 'Для цели уровня «муниципалитет» укажите код муниципалитета');
    if (schoolCode) incomplete('target.schoolCode', 'Для цели уровня «муниципалитет» не указывайте школу');
  }
  if (level === PlanLevel.SCHOOL && !schoolCode) {
    incomplete('target.schoolCode', 'Для цели уровня «школа» укажите код школы');
  }
  if (municipalityCode && !context.municipalities.has(municipalityCode)) {
    problems.push({
      code: PlansErrorCode.UNKNOWN_MUNICIPALITY,
      field: 'target.municipalityCode',
      message: `Муниципалитет с кодом «${municipalityCode}» не найден`,
    });
  }
  if (schoolCode && level !== PlanLevel.REGION) {
    const schoolMunicipality = context.schools.get(schoolCode);
    if (schoolMunicipality === undefined) {
      problems.push({
        code: PlansErrorCode.UNKNOWN_SCHOOL,
        field: 'target.schoolCode',
        message: `Школа с кодом «${schoolCode}» не найдена`,
      });
    } else if (municipalityCode && municipalityCode !== schoolMunicipality) {
      problems.push({
        code: PlansErrorCode.SCHOOL_NOT_IN_MUNICIPALITY,
        field: 'target.municipalityCode',
        message: `Школа ${schoolCode} относится к муниципалитету «${schoolMunicipality}», а не «${municipalityCode}»`,
      });
    } else if (level === PlanLevel.SCHOOL) {
      municipalityCode = schoolMunicipality;
    }
  }
  return { level, municipalityCode, schoolCode };
}

/**
 * Checks a progress entry against the rules: a known activity; status one of
 * three; evidence an http(s) URL when given; a target of the activity's level,
 * naming a known municipality or school; a comment of at most 2000 characters.
 * Returns every problem found, or the normalised entry when there is none.
 */
export function validateProgress(
  entry: ProgressEntry,
  context: ProgressContext,
): { problems: PlanProblem[]; value: ValidProgress | null } {
  const problems: PlanProblem[] = [];
  if (!context.activity) {
    problems.push({
      code: PlansErrorCode.ACTIVITY_NOT_FOUND,
      field: 'activityNumber',
      message: `Мероприятие ${activityLabel(entry)} не найдено`,
    });
  }
  const status = readStatus(entry.status);
  if (!status) {
    problems.push({
      code: PlansErrorCode.BAD_STATUS,
      field: 'status',
      message: `Статус «${entry.status}» не распознан: запланировано, выполняется или выполнено`,
    });
  }
  const evidenceUrl = blank(entry.evidenceUrl);
  if (evidenceUrl && (evidenceUrl.length > EVIDENCE_URL_MAX_LENGTH || !isHttpUrl(evidenceUrl))) {
    const shown = evidenceUrl.length > 80 ? `${evidenceUrl.slice(0, 80)}…` : evidenceUrl;
    problems.push({
      code: PlansErrorCode.BAD_EVIDENCE_URL,
      field: 'evidenceUrl',
      message:
        evidenceUrl.length > EVIDENCE_URL_MAX_LENGTH
          ? `Ссылка на подтверждение длиннее ${EVIDENCE_URL_MAX_LENGTH} символов`
          : `Ссылка на подтверждение «${shown}» должна быть адресом сайта, начинающимся с http:// или https://`,
    });
  }
  const comment = blank(entry.comment);
  if (comment && comment.length > COMMENT_MAX_LENGTH) {
    problems.push({
      code: PlansErrorCode.COMMENT_TOO_LONG,
      field: 'comment',
      message: `Комментарий длиной ${comment.length} символов: допускается не больше ${COMMENT_MAX_LENGTH}`,
    });
  }
  const target = checkTarget(entry, context, problems);
  if (problems.length > 0 || !target || !status) return { problems, value: null };
  return {
    problems,
    value: {
      status,
      evidenceUrl,
      comment,
      ...target,
      targetKey: targetKeyOf(target.level, target.municipalityCode, target.schoolCode),
    },
  };
}
