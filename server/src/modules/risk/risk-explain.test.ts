import { describe, expect, it } from 'vitest';
import { explainEvidence, percent, summarize } from './risk-explain';

const names = {
  procedures: new Map([
    ['VPR', 'ВПР'],
    ['EGE', 'ЕГЭ'],
  ]),
  subjects: new Map([
    ['MATHEMATICS', 'Математика'],
    ['RUSSIAN', 'Русский язык'],
  ]),
};

describe('explainEvidence', () => {
  it('writes the share of «2» against the region as the department reads it', () => {
    const e = explainEvidence(
      {
        rule: 'assessment_share_2',
        key: 'VPR/2026/MATHEMATICS/5',
        at: '2026-05-20T00:00:00Z',
        facts: {
          procedure: 'VPR',
          subject: 'MATHEMATICS',
          grade: 5,
          year: 2026,
          participants: 58,
          failed: 14,
          outOf: 58,
          byMinimum: false,
          regionFailed: 98,
          regionOutOf: 1000,
          ratio: 1.5,
          minShare: 0.15,
        },
      },
      names,
    );
    expect(e.explanation).toBe(
      'Доля «2» по ВПР, математика, 5 кл. (2026): 24,1 % (14 из 58) при региональных 9,8 %; ' +
        'порог — выше региональной в 1,5 раза и не менее 15,0 %',
    );
    expect(e.source).toEqual({ domain: 'assessment', section: 'assessments', key: 'VPR/2026/MATHEMATICS/5' });
    expect(e.date.toISOString()).toBe('2026-05-20T00:00:00.000Z');
  });

  it('says «ниже минимального балла» for ЕГЭ measured by the minimum', () => {
    const e = explainEvidence(
      {
        rule: 'assessment_share_2',
        key: 'EGE/2025/RUSSIAN',
        at: '2025-07-01T00:00:00Z',
        facts: {
          procedure: 'EGE',
          subject: 'RUSSIAN',
          grade: null,
          year: 2025,
          failed: 3,
          outOf: 12,
          byMinimum: true,
          regionFailed: 0,
          regionOutOf: 0,
          ratio: 2,
          minShare: 0.1,
        },
      },
      names,
    );
    expect(e.explanation).toMatch(/^Доля ниже минимального балла по ЕГЭ, русский язык \(2025\): 25,0 %/);
  });
});

describe('percent and summarize', () => {
  it('rounds to one decimal with a comma', () => {
    expect(percent(0.24137)).toBe('24,1 %');
    expect(percent(1)).toBe('100,0 %');
  });

  it('keeps three explanations and counts the rest', () => {
    const item = (n: number) => ({
      explanation: `Случай ${n}`,
      source: { domain: 'plan', section: 'plans', key: `${n}` },
      date: new Date(),
    });
    expect(summarize([item(1), item(2)])).toBe('Случай 1. Случай 2');
    expect(summarize([1, 2, 3, 4, 5].map(item))).toBe('Случай 1. Случай 2. Случай 3. И ещё 2 случая');
  });
});
