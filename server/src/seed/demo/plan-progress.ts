import { SeededRandom } from '../random';
import type { DemoSchool } from './school-profile';
import { SHNOR_DEMO_SIZE, selectWeakestSchools } from './weakest-schools';

/** What the generator needs of an activity. */
export interface DemoPlanActivity {
  id: number;
  planCode: string;
  planYear: number;
  number: string;
  scope: 'region' | 'municipality' | 'school';
  deadlineStart: string | null;
  deadlineEnd: string | null;
  recurrence: string | null;
}

export type DemoStatus = 'planned' | 'in_progress' | 'done';

/** One state of one target: the history's entries, and the last one is the current state. */
export interface DemoProgressEntry {
  activityId: number;
  level: 'region' | 'municipality' | 'school';
  municipalityCode: string | null;
  schoolCode: string | null;
  status: DemoStatus;
  previousStatus: DemoStatus | null;
  evidenceUrl: string | null;
  comment: string | null;
  changedFields: string[];
  recordedById: string;
  recordedBy: string;
  recordedAt: Date;
}

export interface DemoPlanProgress {
  /** The current state per (activity, target). */
  current: DemoProgressEntry[];
  /** Every change, oldest first per target; the current states are the last of each target. */
  history: DemoProgressEntry[];
}

interface Target {
  level: DemoPlanActivity['scope'];
  municipalityCode: string | null;
  schoolCode: string | null;
  /** Latent strength of whoever does the work (−2 … +2). */
  strength: number;
  recorder: { id: string; name: string };
}

/**
 * Per plan: when its targets were registered (after the approving act), the
 * date the demo state stands at (late November of the year after the plan
 * year, so it stays plausible whatever the date), and how reliably work gets done.
 */
const PLAN_PROFILES: Record<string, { registered: string; doneRate: number }> = {
  'shnor-roadmap-2023': { registered: '2023-03-20', doneRate: 0.9 },
  'school-ministry-2025': { registered: '2025-01-20', doneRate: 0.8 },
  'regional-model-2025': { registered: '2025-12-10', doneRate: 0.82 },
  'seminar-decisions-2021': { registered: '2021-05-06', doneRate: 0.85 },
};

/** Plans whose school-level work concerns every school rather than the weakest ones. */
const ALL_SCHOOLS_PLANS = new Set(['school-ministry-2025']);
/** Plans whose municipal work concerns only the municipalities of the weakest schools. */
const WEAKEST_MUNICIPALITIES_PLANS = new Set(['shnor-roadmap-2023']);

const REGIONAL = { id: 'demo-regional-coordinator', name: 'Региональный координатор (демо)' };
const municipalCoordinator = (code: string) => ({
  id: `demo-municipal-coordinator-${code}`,
  name: 'Муниципальный координатор (демо)',
});

const LATE_COMMENTS = [
  'Срок сорван: ждём согласования документов (демо)',
  'Не хватает специалистов, работа продолжается (демо)',
  'Материалы возвращены на доработку (демо)',
  'Перенесено на следующий период по согласованию с куратором (демо)',
];
const PROGRESS_COMMENTS = ['Работа идёт по плану (демо)', 'Подготовлен проект, идёт обсуждение (демо)', null, null];

const DAY = 86_400_000;
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A weekday moment between two dates, office hours in Tomsk (UTC+7). */
function momentBetween(random: SeededRandom, from: Date, to: Date): Date {
  const days = Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY));
  let day = new Date(from.getTime() + random.int(0, days) * DAY);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day = new Date(day.getTime() - DAY);
  if (day < from) day = from;
  return new Date(day.getTime() + (2 + random.int(0, 8)) * 3_600_000 + random.int(0, 59) * 60_000);
}

interface World {
  schools: readonly DemoSchool[];
  weakest: ReadonlySet<DemoSchool>;
  municipalities: readonly string[];
  /** Mean strength of each municipality's schools. */
  municipalStrength: ReadonlyMap<string, number>;
  /** Curator number per municipality of the weakest schools. */
  curators: ReadonlyMap<string, number>;
}

function targetsOf(activity: DemoPlanActivity, world: World): Target[] {
  if (activity.scope === 'region') {
    return [{ level: 'region', municipalityCode: null, schoolCode: null, strength: 0, recorder: REGIONAL }];
  }
  if (activity.scope === 'municipality') {
    const codes = WEAKEST_MUNICIPALITIES_PLANS.has(activity.planCode)
      ? [...world.curators.keys()]
      : world.municipalities;
    return codes.map((code) => ({
      level: 'municipality',
      municipalityCode: code,
      schoolCode: null,
      strength: world.municipalStrength.get(code) ?? 0,
      recorder: municipalCoordinator(code),
    }));
  }
  const schools = ALL_SCHOOLS_PLANS.has(activity.planCode) ? world.schools : [...world.weakest];
  return schools.map((s) => {
    const curator = world.weakest.has(s) ? world.curators.get(s.municipalityCode) : undefined;
    return {
      level: 'school',
      municipalityCode: s.municipalityCode,
      schoolCode: s.code,
      strength: s.strength,
      recorder: curator
        ? { id: `demo-curator-${curator}`, name: `Куратор ${curator} (демо)` }
        : municipalCoordinator(s.municipalityCode),
    };
  });
}

/** The state a target has reached by `asOf`, and when it got there. */
function outcome(
  random: SeededRandom,
  activity: DemoPlanActivity,
  target: Target,
  frame: { registered: Date; asOf: Date; doneRate: number; complete: boolean },
): { status: DemoStatus; startedAt: Date | null; doneAt: Date | null; late: boolean } {
  const start = activity.deadlineStart ? toDate(activity.deadlineStart) : frame.registered;
  const from = start > frame.registered ? start : frame.registered;
  const end = activity.deadlineEnd ? new Date(toDate(activity.deadlineEnd).getTime() + DAY - 1) : null;
  if (from > frame.asOf) return { status: 'planned', startedAt: null, doneAt: null, late: false };
  const began = momentBetween(random, from, end && end < frame.asOf ? end : frame.asOf);
  const finished = (by: Date) => momentBetween(random, began, by);

  if (end === null || end >= frame.asOf) {
    // Still running (or no end at all): most targets are on it, a few done early or not yet started.
    const elapsed = end === null ? 0.5 : (frame.asOf.getTime() - from.getTime()) / (end.getTime() - from.getTime());
    const doneChance = activity.recurrence === 'on_request' ? 0.5 : Math.min(0.4, elapsed * 0.35);
    const roll = random.next();
    if (roll < doneChance + 0.05 * target.strength)
      return { status: 'done', startedAt: began, doneAt: finished(frame.asOf), late: false };
    if (roll < 0.82 + 0.05 * target.strength)
      return { status: 'in_progress', startedAt: began, doneAt: null, late: false };
    return { status: 'planned', startedAt: null, doneAt: null, late: false };
  }
  const doneChance = frame.complete ? 1 : Math.max(0.3, Math.min(0.98, frame.doneRate + 0.12 * target.strength));
  if (random.chance(doneChance)) {
    const late = random.chance(0.12);
    const lateBy = new Date(Math.min(frame.asOf.getTime(), end.getTime() + random.int(5, 45) * DAY));
    return {
      status: 'done',
      startedAt: began,
      doneAt: late ? momentBetween(random, end, lateBy) : finished(end),
      late,
    };
  }
  return random.chance(0.7)
    ? { status: 'in_progress', startedAt: began, doneAt: null, late: true }
    : { status: 'planned', startedAt: null, doneAt: null, late: true };
}

function entriesOf(
  random: SeededRandom,
  activity: DemoPlanActivity,
  target: Target,
  frame: { registered: Date; asOf: Date; doneRate: number; complete: boolean },
): DemoProgressEntry[] {
  const base = {
    activityId: activity.id,
    level: target.level,
    municipalityCode: target.municipalityCode,
    schoolCode: target.schoolCode,
  };
  const registeredAt = momentBetween(random, frame.registered, new Date(frame.registered.getTime() + 4 * DAY));
  const entries: DemoProgressEntry[] = [
    {
      ...base,
      status: 'planned',
      previousStatus: null,
      evidenceUrl: null,
      comment: null,
      changedFields: ['status'],
      recordedById: REGIONAL.id,
      recordedBy: REGIONAL.name,
      recordedAt: registeredAt,
    },
  ];
  const result = outcome(random, activity, target, frame);
  const who = { recordedById: target.recorder.id, recordedBy: target.recorder.name };
  const later = (at: Date) => (at > registeredAt ? at : new Date(registeredAt.getTime() + 3_600_000));
  if (result.startedAt && (result.status === 'in_progress' || random.chance(0.6))) {
    const comment =
      result.status === 'in_progress' && result.late
        ? LATE_COMMENTS[random.int(0, 3)]!
        : PROGRESS_COMMENTS[random.int(0, 3)]!;
    entries.push({
      ...base,
      ...who,
      status: 'in_progress',
      previousStatus: 'planned',
      evidenceUrl: null,
      comment,
      changedFields: comment ? ['status', 'comment'] : ['status'],
      recordedAt: later(result.startedAt),
    });
  }
  if (result.status === 'done' && result.doneAt) {
    const previous = entries.at(-1)!;
    const slug = target.schoolCode ?? target.municipalityCode ?? 'region';
    const comment = result.late ? 'Выполнено с опозданием (демо)' : null;
    entries.push({
      ...base,
      ...who,
      status: 'done',
      previousStatus: previous.status,
      evidenceUrl: `https://demo.example.org/plans/${activity.planCode}/${activity.number}/${slug}`,
      comment,
      changedFields: ['status', 'evidenceUrl', ...(comment !== previous.comment ? ['comment'] : [])],
      recordedAt: later(
        result.doneAt > previous.recordedAt ? result.doneAt : new Date(previous.recordedAt.getTime() + DAY),
      ),
    });
  }
  if (result.status === 'planned' && result.late) {
    entries.push({
      ...base,
      ...who,
      status: 'planned',
      previousStatus: 'planned',
      evidenceUrl: null,
      comment: LATE_COMMENTS[random.int(0, 3)]!,
      changedFields: ['comment'],
      recordedAt: later(momentBetween(random, frame.registered, frame.asOf)),
    });
  }
  return entries;
}

/**
 * Deterministic, labelled demo progress for every plan: the ШНОР roadmap's
 * school work for the weakest 68 schools in 17 municipalities (their curators
 * record it), municipal work per municipality, regional work once. Weaker
 * schools and municipalities fall behind more often; each plan stands as of
 * late November of the year after its plan year.
 */
export function generateDemoPlanProgress(input: {
  activities: readonly DemoPlanActivity[];
  schools: readonly DemoSchool[];
  municipalityCodes: readonly string[];
  seed?: string;
}): DemoPlanProgress {
  const random = new SeededRandom(input.seed ?? 'demo-plan-progress-v1');
  const weakest = selectWeakestSchools(input.schools, SHNOR_DEMO_SIZE);
  const curators = new Map<string, number>();
  for (const code of input.municipalityCodes) {
    if (weakest.some((s) => s.municipalityCode === code)) curators.set(code, curators.size + 1);
  }
  const sums = new Map<string, { total: number; n: number }>();
  for (const s of input.schools) {
    const sum = sums.get(s.municipalityCode) ?? { total: 0, n: 0 };
    sums.set(s.municipalityCode, { total: sum.total + s.strength, n: sum.n + 1 });
  }
  const world: World = {
    schools: input.schools,
    weakest: new Set(weakest),
    municipalities: input.municipalityCodes,
    municipalStrength: new Map([...sums].map(([code, { total, n }]) => [code, total / n])),
    curators,
  };
  const current: DemoProgressEntry[] = [];
  const history: DemoProgressEntry[] = [];
  for (const activity of input.activities) {
    const profile = PLAN_PROFILES[activity.planCode] ?? { registered: `${activity.planYear}-01-15`, doneRate: 0.8 };
    const frame = {
      registered: toDate(profile.registered),
      asOf: toDate(`${activity.planYear + 1}-11-20`),
      doneRate: profile.doneRate,
      // Most multi-target activities get finished everywhere; the rest leave the weaker targets behind.
      complete: activity.scope !== 'region' && random.chance(0.55),
    };
    for (const target of targetsOf(activity, world)) {
      const entries = entriesOf(random, activity, target, frame);
      history.push(...entries);
      current.push(entries.at(-1)!);
    }
  }
  return { current, history };
}
