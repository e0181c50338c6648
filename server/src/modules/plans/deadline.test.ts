import { describe, expect, it } from 'vitest';
import { PLAN_REFERENCES, deadlineYearOf } from '../../seed/reference/plans';
import { parseDeadline } from './deadline';

const range = (start: string | null, end: string | null) => ({ start, end, recurrence: null, parsed: true });

describe('parseDeadline: the forms the brief names', () => {
  it.each([
    ['Март 2023г.', 2023, range('2023-03-01', '2023-03-31')],
    ['Апрель-май', 2023, range('2023-04-01', '2023-05-31')],
    ['В течение года', 2023, range('2023-01-01', '2023-12-31')],
    ['до 15 сентября', 2021, range(null, '2021-09-15')],
    ['20–21 апреля 2023г., октябрь 2023г.', 2023, range('2023-04-20', '2023-10-31')],
    ['Август - октябрь 2023г.', 2023, range('2023-08-01', '2023-10-31')],
    ['январь', 2025, range('2025-01-01', '2025-01-31')],
    ['IV квартал', 2024, range('2024-10-01', '2024-12-31')],
  ])('«%s» (plan year %i)', (text, year, expected) => {
    expect(parseDeadline(text, year)).toEqual(expected);
  });

  it('«Ежемесячно»: monthly over the plan year', () => {
    expect(parseDeadline('Ежемесячно', 2023)).toEqual({
      start: '2023-01-01',
      end: '2023-12-31',
      recurrence: { kind: 'monthly', timesPerPeriod: { min: 1, max: 1 } },
      parsed: true,
    });
  });

  it('«1-2 раза в квартал»: quarterly, one to two times, over the plan year', () => {
    expect(parseDeadline('1-2 раза в квартал', 2026)).toEqual({
      start: '2026-01-01',
      end: '2026-12-31',
      recurrence: { kind: 'quarterly', timesPerPeriod: { min: 1, max: 2 } },
      parsed: true,
    });
  });

  it('«2 раза в год»: yearly, twice', () => {
    expect(parseDeadline('2 раза в год', 2025)).toMatchObject({
      start: '2025-01-01',
      end: '2025-12-31',
      recurrence: { kind: 'yearly', timesPerPeriod: { min: 2, max: 2 } },
    });
  });

  it('«до 10 июня 2021 года, далее - постоянно»: a first deadline, then continuous', () => {
    expect(parseDeadline('до 10 июня 2021 года, далее - постоянно', 2021)).toEqual({
      start: null,
      end: '2021-06-10',
      recurrence: { kind: 'continuous', timesPerPeriod: null },
      parsed: true,
    });
  });

  it('«по запросу» and «постоянно»: understood, with no end', () => {
    expect(parseDeadline('по запросу', 2025)).toEqual({
      start: null,
      end: null,
      recurrence: { kind: 'on_request', timesPerPeriod: null },
      parsed: true,
    });
    expect(parseDeadline('Постоянно', 2025)).toEqual({
      start: null,
      end: null,
      recurrence: { kind: 'continuous', timesPerPeriod: null },
      parsed: true,
    });
  });
});

describe('parseDeadline: word forms, dashes and years', () => {
  it('reads month names in any case and grammatical form', () => {
    expect(parseDeadline('МАРТ', 2023).end).toBe('2023-03-31');
    expect(parseDeadline('до 1 марта', 2023).end).toBe('2023-03-01');
    expect(parseDeadline('в марте', 2023)).toEqual(range('2023-03-01', '2023-03-31'));
    expect(parseDeadline('Сентябрь', 2023).start).toBe('2023-09-01');
    expect(parseDeadline('до 30 сентября', 2023).end).toBe('2023-09-30');
    expect(parseDeadline('до 31 мая 2021 года', 2021).end).toBe('2021-05-31');
    expect(parseDeadline('Май', 2023).end).toBe('2023-05-31');
    expect(parseDeadline('до 5 ноября', 2025).end).toBe('2025-11-05');
  });

  it('accepts hyphens, en and em dashes, with or without spaces', () => {
    for (const dash of ['-', '–', '—', ' - ', ' – ']) {
      expect(parseDeadline(`Март${dash}май 2023г.`, 2020)).toEqual(range('2023-03-01', '2023-05-31'));
    }
  });

  it('accepts years with «г.», «г», «гг.», «года», «годы» or nothing', () => {
    for (const text of ['Май 2023г.', 'Май 2023 г.', 'Май 2023г', 'Май 2023 года', 'Май 2023']) {
      expect(parseDeadline(text, 2000)).toEqual(range('2023-05-01', '2023-05-31'));
    }
    expect(parseDeadline('2025-2030 гг.', 2025)).toEqual(range('2025-01-01', '2030-12-31'));
    expect(parseDeadline('2025-2027 годы', 2025)).toEqual(range('2025-01-01', '2027-12-31'));
  });

  it('a range across the new year puts the yearless start in the year before', () => {
    expect(parseDeadline('Ноябрь 2025 – март 2026', 2025)).toEqual(range('2025-11-01', '2026-03-31'));
    expect(parseDeadline('ноябрь-март 2026', 2025)).toEqual(range('2025-11-01', '2026-03-31'));
  });

  it('reads numeric dates, «с … по …», quarters and half-years', () => {
    expect(parseDeadline('до 31.05.2021', 2021)).toEqual(range(null, '2021-05-31'));
    expect(parseDeadline('с 1 марта по 15 апреля 2023 г.', 2023)).toEqual(range('2023-03-01', '2023-04-15'));
    expect(parseDeadline('I-II квартал 2024', 2023)).toEqual(range('2024-01-01', '2024-06-30'));
    expect(parseDeadline('3 квартал', 2023)).toEqual(range('2023-07-01', '2023-09-30'));
    expect(parseDeadline('II полугодие', 2023)).toEqual(range('2023-07-01', '2023-12-31'));
    expect(parseDeadline('до конца года', 2023)).toEqual(range(null, '2023-12-31'));
  });

  it('a list of months without years that goes back in time runs into the next year', () => {
    const parsed = parseDeadline(
      '1 раз в учебную четверть: до 15 сентября; до 5 ноября; до 15 января; до 5 апреля; до 15 июня',
      2025,
    );
    expect(parsed).toEqual({
      start: null,
      end: '2026-06-15',
      recurrence: { kind: 'school_term', timesPerPeriod: { min: 1, max: 1 } },
      parsed: true,
    });
    expect(parseDeadline('июнь, декабрь', 2025)).toEqual(range('2025-06-01', '2025-12-31'));
  });

  it('a schedule kept elsewhere adds nothing to the dates it comes with', () => {
    expect(parseDeadline('в течение года согласно отдельному графику', 2025)).toEqual(
      range('2025-01-01', '2025-12-31'),
    );
    expect(parseDeadline('согласно отдельному графику (2 раза в год)', 2025)).toMatchObject({
      end: '2025-12-31',
      recurrence: { kind: 'yearly', timesPerPeriod: { min: 2, max: 2 } },
    });
  });
});

const UNREAD = { start: null, end: null, recurrence: null, parsed: false };

describe('parseDeadline: what it does not read', () => {
  it.each([
    [''],
    ['   '],
    ['Согласно плану работы регионального профессионального сообщества коррекционных школ ТО'],
    ['согласно отдельному графику'],
    ['31 февраля 2023'],
    ['Май 2023 - март 2023'],
    ['V квартал'],
    ['III полугодие'],
    ['0 раз в месяц'],
    ['3-1 раза в год'],
    ['когда-нибудь'],
    ['13.13.2023'],
  ])('«%s» is not a deadline', (text) => {
    expect(parseDeadline(text, 2023)).toEqual(UNREAD);
  });

  it('never throws, whatever the text', () => {
    for (const text of ['-', '- -', ',,,', 'до', 'с по', 'm1', '(2 раза в)', 'до до до', '\u0000', 'ё'.repeat(5000)]) {
      expect(() => parseDeadline(text, 2023)).not.toThrow();
    }
  });
});

/** The transcribed deadlines the parser cannot read, each for a reason the text gives. */
const KNOWN_UNPARSED = new Set([
  // The dates are in another body's work plan, which is not part of the document.
  'Согласно плану работы регионального профессионального сообщества коррекционных школ ТО',
]);

describe('parseDeadline over every transcribed deadline', () => {
  const all = PLAN_REFERENCES.flatMap((plan) => plan.sections.flatMap((s) => s.activities.map((a) => ({ plan, a }))));

  it('covers all four plans', () => {
    expect(all).toHaveLength(35 + 13 + 23 + 10);
  });

  it('reads each one, except the known ones, with an end inside a sane window', () => {
    const failures: string[] = [];
    for (const { plan, a } of all) {
      const parsed = parseDeadline(a.deadline, deadlineYearOf(plan));
      if (KNOWN_UNPARSED.has(a.deadline)) {
        if (parsed.parsed) failures.push(`${plan.code} ${a.number}: «${a.deadline}» is now parsed`);
        continue;
      }
      if (!parsed.parsed) failures.push(`${plan.code} ${a.number}: «${a.deadline}»`);
      if (parsed.start && parsed.end && parsed.start > parsed.end)
        failures.push(`${plan.code} ${a.number}: start > end`);
      const year = Number((parsed.end ?? `${plan.year}`).slice(0, 4));
      if (year < plan.year || year > plan.year + 5) failures.push(`${plan.code} ${a.number}: end ${parsed.end}`);
    }
    expect(failures).toEqual([]);
  });

  it('gives the expected range for a sample of them', () => {
    const byKey = new Map(
      all.map(({ plan, a }) => [`${plan.code} ${a.number}`, parseDeadline(a.deadline, deadlineYearOf(plan))]),
    );
    expect(byKey.get('shnor-roadmap-2023 1')).toMatchObject({ start: '2023-01-01', end: '2023-03-31' });
    expect(byKey.get('shnor-roadmap-2023 24')).toMatchObject({ start: '2023-04-20', end: '2023-10-31' });
    expect(byKey.get('shnor-roadmap-2023 13')).toMatchObject({ end: '2023-12-31', recurrence: { kind: 'monthly' } });
    expect(byKey.get('school-ministry-2025 3')).toMatchObject({ start: '2025-06-01', end: '2025-12-31' });
    expect(byKey.get('school-ministry-2025 9')).toMatchObject({ end: null, recurrence: { kind: 'on_request' } });
    expect(byKey.get('regional-model-2025 1.3')).toMatchObject({ start: '2025-01-01', end: '2030-12-31' });
    expect(byKey.get('regional-model-2025 7.3')).toMatchObject({ start: '2025-11-01', end: '2026-03-31' });
    expect(byKey.get('seminar-decisions-2021 2')).toMatchObject({
      end: '2021-06-10',
      recurrence: { kind: 'continuous' },
    });
    expect(byKey.get('seminar-decisions-2021 6')).toMatchObject({ start: null, end: '2025-12-31' });
    expect(byKey.get('seminar-decisions-2021 8')).toMatchObject({ end: null, recurrence: { kind: 'continuous' } });
  });
});
