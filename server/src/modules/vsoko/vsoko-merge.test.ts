import { describe, expect, it } from 'vitest';
import { mergeVsokoEvaluation, type VsokoEvaluationRecord } from './vsoko-merge';
import type { VsokoEvaluationDraft } from './vsoko.validation';

const blocks = [
  { number: 1, score: 5 },
  { number: 2, score: 7 },
  { number: 3, score: 3 },
  { number: 4, score: 5 },
];
const stored: VsokoEvaluationRecord = {
  schoolCode: 'sch700001',
  year: 2024,
  scores: new Map([
    [1, 1],
    [2, 1],
    [3, 1],
    [4, 1],
  ]),
  expert: 'Эксперт 1',
  managementPositions: ['principal'],
  teacherCount: 20,
  studentCount: 300,
  links: new Map([
    ['self-examination-report', 'https://s.example/otchet.pdf'],
    ['vsoko-regulation', 'https://s.example/vsoko.pdf'],
  ]),
};
const draft = (overrides: Partial<VsokoEvaluationDraft> = {}): VsokoEvaluationDraft => ({
  schoolCode: 'sch700001',
  year: 2024,
  blocks,
  ...overrides,
});

describe('mergeVsokoEvaluation', () => {
  it('a first record takes what is given and leaves the rest empty', () => {
    expect(mergeVsokoEvaluation(null, draft({ expert: '  Эксперт 2 ', documents: [{ code: 'a', url: ' ' }] }))).toEqual(
      {
        schoolCode: 'sch700001',
        year: 2024,
        scores: new Map(blocks.map((b) => [b.number, b.score])),
        expert: 'Эксперт 2',
        managementPositions: null,
        teacherCount: null,
        studentCount: null,
        links: new Map(),
      },
    );
  });

  it('replaces the scores and keeps what the draft leaves out', () => {
    const merged = mergeVsokoEvaluation(stored, draft());
    expect([...merged.scores.values()]).toEqual([5, 7, 3, 5]);
    expect(merged).toMatchObject({
      expert: 'Эксперт 1',
      managementPositions: ['principal'],
      teacherCount: 20,
      studentCount: 300,
    });
    expect(merged.links).toEqual(stored.links);
  });

  it('clears what the draft sets to null or empty', () => {
    const merged = mergeVsokoEvaluation(stored, draft({ expert: '', passport: null, documents: null }));
    expect(merged).toMatchObject({ expert: null, managementPositions: null, teacherCount: null, studentCount: null });
    expect(merged.links.size).toBe(0);
  });

  it('updates single passport items and document links, keeping the others', () => {
    const merged = mergeVsokoEvaluation(
      stored,
      draft({
        passport: { studentCount: 310, managementPositions: ['principal', 'methodologist', 'principal'] },
        documents: [
          { code: 'vsoko-regulation', url: null },
          { code: 'basic-general-education-program', url: 'https://s.example/oop.pdf' },
        ],
      }),
    );
    expect(merged).toMatchObject({
      teacherCount: 20,
      studentCount: 310,
      managementPositions: ['principal', 'methodologist'],
    });
    expect(Object.fromEntries(merged.links)).toEqual({
      'self-examination-report': 'https://s.example/otchet.pdf',
      'basic-general-education-program': 'https://s.example/oop.pdf',
    });
  });
});
