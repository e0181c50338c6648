import { describe, expect, it } from 'vitest';
import {
  changedVsokoParts,
  mergeVsokoEvaluation,
  realRecord,
  sameVsokoEvaluation,
  type VsokoEvaluationRecord,
} from './vsoko-merge';
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

describe('sameVsokoEvaluation and realRecord', () => {
  const copy = (r: VsokoEvaluationRecord): VsokoEvaluationRecord => ({
    ...r,
    scores: new Map(r.scores),
    links: new Map(r.links),
  });

  it('finds a merge that repeats what is stored unchanged, positions compared as sets', () => {
    const again = mergeVsokoEvaluation(
      stored,
      draft({ blocks: [...stored.scores].map(([number, score]) => ({ number, score })) }),
    );
    expect(sameVsokoEvaluation(stored, again)).toBe(true);
    const twoPositions = { ...copy(stored), managementPositions: ['a', 'b'] };
    expect(sameVsokoEvaluation(twoPositions, { ...copy(stored), managementPositions: ['b', 'a'] })).toBe(true);
  });

  it('tells any difference: a score, a link, the expert, a count, positions reported or not', () => {
    const changed: Partial<VsokoEvaluationRecord>[] = [
      { scores: new Map([...stored.scores, [4, 2]]) },
      { links: new Map([['self-examination-report', 'https://s.example/otchet.pdf']]) },
      { expert: null },
      { teacherCount: 21 },
      { studentCount: null },
      { managementPositions: null },
      { managementPositions: [] },
    ];
    for (const change of changed) expect(sameVsokoEvaluation(stored, { ...copy(stored), ...change })).toBe(false);
  });

  it('merges over a real record only: a demo one is replaced whole', () => {
    expect(realRecord({ isDemo: false, record: stored })).toBe(stored);
    expect(realRecord({ isDemo: true, record: stored })).toBeNull();
    expect(realRecord(undefined)).toBeNull();
  });
});

describe('changedVsokoParts', () => {
  const same = stored.scores;
  const storedBlocks = [...same].map(([number, score]) => ({ number, score }));

  it('a first record changes the scores and whatever else it gives', () => {
    expect(changedVsokoParts(null, draft())).toEqual(['scores']);
    expect(changedVsokoParts(null, draft({ expert: 'Эксперт 2', passport: { teacherCount: 3 } }))).toEqual([
      'scores',
      'expert',
      'passport',
    ]);
  });

  it('the stored scores sent back are no change; one point more is', () => {
    expect(changedVsokoParts(stored, draft({ blocks: storedBlocks }))).toEqual([]);
    expect(changedVsokoParts(stored, draft({ blocks: [...storedBlocks.slice(1), { number: 1, score: 2 }] }))).toEqual([
      'scores',
    ]);
  });

  it('omitted parts, and parts set to what is stored, are no change', () => {
    const unchanged = draft({
      blocks: storedBlocks,
      expert: ' Эксперт 1 ',
      passport: { managementPositions: ['principal'], teacherCount: 20 },
      documents: [{ code: 'vsoko-regulation', url: 'https://s.example/vsoko.pdf' }],
    });
    expect(changedVsokoParts(stored, unchanged)).toEqual([]);
  });

  it('names each changed part', () => {
    expect(changedVsokoParts(stored, draft({ blocks: storedBlocks, expert: null }))).toEqual(['expert']);
    expect(changedVsokoParts(stored, draft({ blocks: storedBlocks, passport: { studentCount: 301 } }))).toEqual([
      'passport',
    ]);
    expect(
      changedVsokoParts(stored, draft({ blocks: storedBlocks, passport: { managementPositions: ['methodologist'] } })),
    ).toEqual(['passport']);
    expect(
      changedVsokoParts(stored, draft({ blocks: storedBlocks, documents: [{ code: 'vsoko-regulation', url: '' }] })),
    ).toEqual(['documents']);
  });
});
