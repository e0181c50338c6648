import { describe, expect, it } from 'vitest';
import { activityStatus, isOverdue } from './activity-state';
import { dateIn, regionToday } from './clock';
import { parseDeadline } from './deadline';

describe('activityStatus', () => {
  it('is planned with no targets or only planned ones', () => {
    expect(activityStatus({ planned: 0, inProgress: 0, done: 0 })).toBe('planned');
    expect(activityStatus({ planned: 3, inProgress: 0, done: 0 })).toBe('planned');
  });

  it('is in progress once any target has moved, and done only when all are done', () => {
    expect(activityStatus({ planned: 2, inProgress: 1, done: 0 })).toBe('in_progress');
    expect(activityStatus({ planned: 1, inProgress: 0, done: 67 })).toBe('in_progress');
    expect(activityStatus({ planned: 0, inProgress: 0, done: 68 })).toBe('done');
  });
});

describe('isOverdue around the deadline day', () => {
  const end = '2023-05-31';
  it('is not overdue on the last day, and is the day after', () => {
    expect(isOverdue(end, 'in_progress', '2023-05-30')).toBe(false);
    expect(isOverdue(end, 'in_progress', '2023-05-31')).toBe(false);
    expect(isOverdue(end, 'in_progress', '2023-06-01')).toBe(true);
    expect(isOverdue(end, 'planned', '2023-06-01')).toBe(true);
  });

  it('is never overdue once done, nor without an end', () => {
    expect(isOverdue(end, 'done', '2030-01-01')).toBe(false);
    expect(isOverdue(null, 'planned', '2030-01-01')).toBe(false);
  });

  it('a recurring deadline falls due only when the plan year is over', () => {
    for (const text of ['Ежемесячно', '1-2 раза в квартал', '2 раза в год', 'Ежеквартально']) {
      const { end } = parseDeadline(text, 2023);
      expect(isOverdue(end, 'in_progress', '2023-12-31'), text).toBe(false);
      expect(isOverdue(end, 'in_progress', '2024-01-01'), text).toBe(true);
    }
  });

  it('«постоянно», «по запросу» and unparsed deadlines are never overdue', () => {
    for (const text of ['постоянно', 'по запросу', 'Согласно плану работы сообщества']) {
      expect(isOverdue(parseDeadline(text, 2021).end, 'planned', '2099-01-01'), text).toBe(false);
    }
  });
});

describe('today in Tomsk', () => {
  it('turns at midnight Tomsk time (UTC+7), not UTC', () => {
    expect(dateIn('Asia/Tomsk', new Date('2023-05-31T16:59:59Z'))).toBe('2023-05-31');
    expect(dateIn('Asia/Tomsk', new Date('2023-05-31T17:00:00Z'))).toBe('2023-06-01');
  });

  it('reads the injected clock', () => {
    expect(regionToday({ now: () => new Date('2026-11-22T18:30:00Z') })).toBe('2026-11-23');
  });
});
