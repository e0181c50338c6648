import { describe, expect, it } from 'vitest';
import { positionsAfterRow, vsokoDraftOfRow, type VsokoFileRow } from './vsoko-file-row';
import type { VsokoEvaluationRecord } from './vsoko-merge';

describe('positionsAfterRow', () => {
  it('keeps positions without a column, marks «да», unmarks «нет» and empty cells', () => {
    expect(
      positionsAfterRow(['principal', 'methodologist'], { methodologist: false, 'upbringing-adviser': true }),
    ).toEqual(['principal', 'upbringing-adviser']);
    expect(positionsAfterRow(['principal'], { principal: null })).toBeNull();
    expect(positionsAfterRow(['principal', 'methodologist'], { principal: null })).toEqual(['methodologist']);
  });

  it('reports «none» when a row answers «нет», «not reported» when it answers nothing', () => {
    expect(positionsAfterRow(null, { principal: false })).toEqual([]);
    expect(positionsAfterRow(null, { principal: null, methodologist: null })).toBeNull();
    expect(positionsAfterRow([], { principal: null })).toBeNull();
  });
});

describe('vsokoDraftOfRow', () => {
  const stored: VsokoEvaluationRecord = {
    schoolCode: 'sch700001',
    year: 2024,
    scores: new Map(),
    expert: null,
    managementPositions: ['principal'],
    teacherCount: 10,
    studentCount: 100,
    links: new Map(),
  };
  const row: VsokoFileRow = { schoolCode: 'sch700001', year: 2024, blocks: [{ number: 1, score: 5 }] };

  it('leaves the passport alone when the file has no passport column', () => {
    expect(vsokoDraftOfRow(row, stored).passport).toBeUndefined();
  });

  it('resolves position marks against the stored positions, head counts as given', () => {
    expect(
      vsokoDraftOfRow({ ...row, studentCount: null, positions: { methodologist: true } }, stored).passport,
    ).toEqual({
      managementPositions: ['methodologist', 'principal'],
      teacherCount: undefined,
      studentCount: null,
    });
  });
});
