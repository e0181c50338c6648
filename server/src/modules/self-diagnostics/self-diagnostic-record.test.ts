import { describe, expect, it } from 'vitest';
import { SelfDiagnosticLevel } from './self-diagnostic-level';
import { isSelfDiagnosticUnchanged, selfDiagnosticRecord } from './self-diagnostic-record';

const directions = [{ code: 'knowledge' }, { code: 'health' }];
const draft = {
  schoolCode: 'sch700001',
  year: 2025,
  round: 1,
  scores: [
    { directionCode: 'knowledge', score: 3 },
    { directionCode: 'health', score: 4 },
  ],
  level: SelfDiagnosticLevel.BASE,
};

describe('selfDiagnosticRecord', () => {
  it('stores the total as given, else the sum when every direction is scored, else none', () => {
    expect(selfDiagnosticRecord({ ...draft, total: 7 }, directions).total).toBe(7);
    expect(selfDiagnosticRecord(draft, directions).total).toBe(7);
    expect(selfDiagnosticRecord({ ...draft, scores: draft.scores.slice(1) }, directions).total).toBeNull();
  });
});

describe('isSelfDiagnosticUnchanged', () => {
  const record = selfDiagnosticRecord(draft, directions);
  const stored = { isDemo: false, record: { ...record, scores: new Map(record.scores) } };

  it('is true only for a stored real result saying the same', () => {
    expect(isSelfDiagnosticUnchanged(stored, record)).toBe(true);
    expect(isSelfDiagnosticUnchanged(undefined, record)).toBe(false);
    expect(isSelfDiagnosticUnchanged({ ...stored, isDemo: true }, record)).toBe(false);
    expect(isSelfDiagnosticUnchanged(stored, { ...record, level: SelfDiagnosticLevel.HIGH })).toBe(false);
    expect(isSelfDiagnosticUnchanged(stored, { ...record, total: null })).toBe(false);
    expect(isSelfDiagnosticUnchanged(stored, { ...record, scores: new Map([['knowledge', 3]]) })).toBe(false);
    expect(isSelfDiagnosticUnchanged(stored, { ...record, scores: new Map([...record.scores, ['x', 0]]) })).toBe(false);
  });
});
