import { isoDay, lastDayOf, normalizeDeadline, ordinalOf } from './deadline-words';

/** How often a recurring activity happens; `continuous` and `on_request` have no period. */
export type RecurrenceKindValue =
  'weekly' | 'monthly' | 'quarterly' | 'school_term' | 'half_yearly' | 'yearly' | 'continuous' | 'on_request';

export interface ParsedRecurrence {
  kind: RecurrenceKindValue;
  /** «1-2 раза в квартал» → { min: 1, max: 2 }; null for `continuous` and `on_request`. */
  timesPerPeriod: { min: number; max: number } | null;
}

/**
 * A deadline as a date range (ISO dates, both inclusive) and/or a recurrence.
 * `end` is the day after which an unfinished activity is overdue; null when the
 * text sets no end («постоянно», «по запросу») or could not be read.
 */
export interface ParsedDeadline {
  start: string | null;
  end: string | null;
  recurrence: ParsedRecurrence | null;
  /** False when the text is not a deadline this parser knows; then start, end and recurrence are null. */
  parsed: boolean;
}

const UNPARSED: ParsedDeadline = { start: null, end: null, recurrence: null, parsed: false };

interface Span {
  start: string;
  end: string;
}

type Unit = 'day' | 'month' | 'year' | 'quarter' | 'half' | 'bare';

interface Point {
  unit: Unit;
  year: number | null;
  month?: number;
  day?: number;
  /** Quarter or half-year number; for `bare`, the number before a dash («20-21 апреля», «I-II квартал»). */
  n?: number;
}

function readPoint(text: string): Point | null {
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return { unit: 'day', day: Number(m[1]), month: Number(m[2]) - 1, year: Number(m[3]) };
  m = /^(\d{1,2}) m(\d{1,2})(?: (\d{4}))?$/.exec(text);
  if (m) return { unit: 'day', day: Number(m[1]), month: Number(m[2]), year: m[3] ? Number(m[3]) : null };
  m = /^m(\d{1,2})(?: (\d{4}))?$/.exec(text);
  if (m) return { unit: 'month', month: Number(m[1]), year: m[2] ? Number(m[2]) : null };
  m = /^(\d{4})$/.exec(text);
  if (m) return { unit: 'year', year: Number(m[1]) };
  m = /^конц[аеу]? (?:года|(\d{4}))$/.exec(text);
  if (m) return { unit: 'year', year: m[1] ? Number(m[1]) : null };
  m = /^(i{1,3}|iv|[1-4]) (квартал|полугоди)[а-я]*(?: (\d{4}))?$/.exec(text);
  if (m) {
    const n = ordinalOf(m[1]!)!;
    const unit = m[2] === 'квартал' ? 'quarter' : 'half';
    if (unit === 'half' && n > 2) return null;
    return { unit, n, year: m[3] ? Number(m[3]) : null };
  }
  m = /^(\d{1,2}|i{1,3}|iv)$/.exec(text);
  if (m) return { unit: 'bare', n: /\d/.test(m[1]!) ? Number(m[1]) : ordinalOf(m[1]!)!, year: null };
  return null;
}

/** The days a point covers in the given year; null for a day that does not exist. */
function spanOf(point: Point, year: number): Span | null {
  switch (point.unit) {
    case 'day': {
      const day = isoDay(year, point.month!, point.day!);
      return day ? { start: day, end: day } : null;
    }
    case 'month':
      return { start: isoDay(year, point.month!, 1)!, end: lastDayOf(year, point.month!) };
    case 'year':
      return { start: `${year}-01-01`, end: `${year}-12-31` };
    case 'quarter':
      return { start: isoDay(year, (point.n! - 1) * 3, 1)!, end: lastDayOf(year, point.n! * 3 - 1) };
    case 'half':
      return { start: isoDay(year, (point.n! - 1) * 6, 1)!, end: lastDayOf(year, point.n! * 6 - 1) };
    case 'bare':
      return null;
  }
}

/** «20-21 апреля»: the bare left side takes the unit, month and year of the right side. */
function completeLeft(left: Point, right: Point): Point | null {
  if (left.unit !== 'bare') return left;
  if (right.unit === 'day') return { ...right, day: left.n };
  if (right.unit === 'quarter' || right.unit === 'half') return { ...right, n: left.n };
  return null;
}

/** A point or a range («март-май 2023», «с 1 марта по 15 апреля», «2025-2030», «ноябрь 2025 - март 2026»). */
function readSpan(text: string, contextYear: number): { span: Span; explicitYear: boolean } | null {
  const single = readPoint(text);
  if (single) {
    const span = spanOf(single, single.year ?? contextYear);
    return span ? { span, explicitYear: single.year !== null } : null;
  }
  const range = /^с (.+) (?:по|до) (.+)$/.exec(text) ?? /^(.+?) ?- ?(.+)$/.exec(text);
  if (!range) return null;
  const rawLeft = readPoint(range[1]!);
  const right = readPoint(range[2]!);
  if (!rawLeft || !right || right.unit === 'bare') return null;
  const left = completeLeft(rawLeft, right);
  if (!left) return null;
  const rightYear = right.year ?? left.year ?? contextYear;
  const rightSpan = spanOf(right, rightYear);
  if (!rightSpan) return null;
  let leftSpan = spanOf(left, left.year ?? rightYear);
  // «ноябрь - март 2026»: a left side without a year that would come after the right one is the year before.
  if (leftSpan && left.year === null && leftSpan.start > rightSpan.start) leftSpan = spanOf(left, rightYear - 1);
  if (!leftSpan || leftSpan.start > rightSpan.end) return null;
  return {
    span: { start: leftSpan.start, end: rightSpan.end },
    explicitYear: left.year !== null || right.year !== null,
  };
}

const PERIOD_UNITS: [RegExp, RecurrenceKindValue][] = [
  [/^недел/, 'weekly'],
  [/^месяц/, 'monthly'],
  [/^квартал/, 'quarterly'],
  [/четверть|^триместр/, 'school_term'],
  [/^полугоди/, 'half_yearly'],
  [/^год/, 'yearly'],
];

const TIMES_PER = /(\d+)(?: ?- ?(\d+))? раза? в ((?:учебн[а-я]* )?[а-я]+)/;

const EVERY: [RegExp, RecurrenceKindValue][] = [
  [/еженедельно|каждую неделю/, 'weekly'],
  [/ежемесячно|каждый месяц/, 'monthly'],
  [/ежеквартально|каждый квартал/, 'quarterly'],
  [/ежегодно|каждый год/, 'yearly'],
];

/** Takes the periodic recurrence out of the text: «1-2 раза в квартал», «Ежемесячно». */
function takeRecurrence(text: string): { rest: string; recurrence: ParsedRecurrence | null } | null {
  const times = TIMES_PER.exec(text);
  if (times) {
    const kind = PERIOD_UNITS.find(([re]) => re.test(times[3]!))?.[1];
    if (!kind) return null;
    const min = Number(times[1]);
    const max = times[2] ? Number(times[2]) : min;
    if (min < 1 || max < min) return null;
    return { rest: text.replace(times[0], ' '), recurrence: { kind, timesPerPeriod: { min, max } } };
  }
  for (const [re, kind] of EVERY) {
    if (re.test(text)) return { rest: text.replace(re, ' '), recurrence: { kind, timesPerPeriod: { min: 1, max: 1 } } };
  }
  return { rest: text, recurrence: null };
}

/** Words that say a schedule exists elsewhere and carry no date of their own. */
const NO_DATE_WORDS = /(?:согласно|по) (?:отдельному |утвержденному )?графику/g;

const PERIODIC = new Set<RecurrenceKindValue>([
  'weekly',
  'monthly',
  'quarterly',
  'school_term',
  'half_yearly',
  'yearly',
]);

/**
 * Reads a deadline as the department writes it, with the plan's year for the
 * parts that give none. Pieces separated by «,», «;» or «и» are each a date, a
 * range, a «до …» end, «в течение года», «постоянно» or «по запросу»; the result
 * spans them all. A list whose months go back in time without a year
 * («до 15 сентября; … до 15 января») runs on into the next year. A periodic
 * deadline without dates («Ежемесячно», «2 раза в год») spans the plan's year.
 * Any piece it cannot read makes the whole deadline unparsed. Never throws.
 */
export function parseDeadline(text: string, planYear: number): ParsedDeadline {
  try {
    return parse(text, planYear);
  } catch {
    return UNPARSED;
  }
}

/** One piece of a deadline: «в течение года», «до 15 сентября», a date or a range. */
function readPiece(text: string, year: number): { start: string | null; end: string; explicitYear: boolean } | null {
  // «в марте», «в 2024 году»
  const piece = text.replace(/^в (?=m\d|\d{4})/, '');
  const during = /^в течение (?:всего )?(?:года|(\d{4}))$/.exec(piece);
  if (during) {
    const y = during[1] ? Number(during[1]) : year;
    return { start: `${y}-01-01`, end: `${y}-12-31`, explicitYear: Boolean(during[1]) };
  }
  const until = /^(?:.* )?(?:до|не позднее) (.+)$/.exec(piece);
  if (until && !piece.startsWith('с ')) {
    const read = readSpan(until[1]!, year);
    return read && { start: null, end: read.span.end, explicitYear: read.explicitYear };
  }
  const read = readSpan(piece, year);
  return read && { start: read.span.start, end: read.span.end, explicitYear: read.explicitYear };
}

function parse(text: string, planYear: number): ParsedDeadline {
  const normalized = normalizeDeadline(text).replace(/(\d)-?(?:й|го|ое|ий|м) /g, '$1 ');
  const taken = takeRecurrence(normalized);
  if (!taken) return UNPARSED;
  let recurrence = taken.recurrence;
  const pieces = taken.rest
    .replace(NO_DATE_WORDS, ' ')
    .replace(/[()«»"]/g, ' ')
    .split(/[;,:]| и /)
    .map((p) => p.replace(/\s+/g, ' ').replace(/^[\s.-]+|[\s.]+$/g, ''))
    .filter((p) => p !== '');

  const spans: { start: string | null; end: string }[] = [];
  let contextYear = planYear;
  for (const piece of pieces) {
    if (/^(?:далее )?-? ?постоянно/.test(piece)) {
      recurrence ??= { kind: 'continuous', timesPerPeriod: null };
      continue;
    }
    if (/^по (?:запросу|мере необходимости)/.test(piece)) {
      recurrence ??= { kind: 'on_request', timesPerPeriod: null };
      continue;
    }
    let read = readPiece(piece, contextYear);
    if (!read) return UNPARSED;
    // A list without years that goes back in time has crossed into the next year.
    const previous = spans.at(-1);
    if (!read.explicitYear && previous && read.end < previous.end) {
      read = readPiece(piece, contextYear + 1);
      if (!read) return UNPARSED;
    }
    contextYear = Number(read.end.slice(0, 4));
    spans.push(read);
  }

  if (spans.length === 0) {
    if (recurrence && PERIODIC.has(recurrence.kind)) {
      return { start: `${planYear}-01-01`, end: `${planYear}-12-31`, recurrence, parsed: true };
    }
    if (recurrence) return { start: null, end: null, recurrence, parsed: true };
    return UNPARSED;
  }
  const starts = spans.map((s) => s.start);
  const start = starts.every((s) => s !== null) ? [...(starts as string[])].sort()[0]! : null;
  const end = spans.map((s) => s.end).sort((a, b) => (a < b ? 1 : -1))[0]!;
  return { start, end, recurrence, parsed: true };
}
