import { describe, expect, it } from 'vitest';
import { SELF_DIAGNOSTIC_DIRECTIONS } from '../reference/self-diagnostics/self-diagnostics';
import type { DemoSchool } from './school-profile';
import { generateSelfDiagnosticsDemo } from './self-diagnostics-demo';

const schools: DemoSchool[] = Array.from({ length: 200 }, (_, i) => ({
  code: `sch79${String(i).padStart(4, '0')}`,
  municipalityCode: 'tomsk',
  type: 'СОШ',
  locality: 'urban',
  studentCount: 400,
  distanceToTomskKm: 0,
  yearRoundRoad: true,
  strength: -2 + (4 * i) / 199,
}));
const codes = SELF_DIAGNOSTIC_DIRECTIONS.map((d) => d.code);

describe('generateSelfDiagnosticsDemo', () => {
  const demo = generateSelfDiagnosticsDemo(schools, codes);
  const shareBelowBase = (year: number, round: number) => {
    const inRound = demo.filter((r) => r.year === year && r.round === round);
    return inRound.filter((r) => r.level === 'below_base').length / inRound.length;
  };

  it('gives every school two rounds in 2024 and 2025, deterministically', () => {
    expect(demo).toHaveLength(schools.length * 4);
    expect(generateSelfDiagnosticsDemo(schools, codes)).toEqual(demo);
  });

  it('scores every direction, with the total their sum', () => {
    for (const r of demo) {
      expect(r.scores.map((s) => s.directionCode)).toEqual(codes);
      expect(r.total).toBe(r.scores.reduce((sum, s) => sum + s.score, 0));
      for (const s of r.scores) expect(s.score).toBeGreaterThanOrEqual(0);
    }
  });

  it('ties levels to strength and shrinks «ниже базового» over the rounds', () => {
    const weakest = demo.filter((r) => r.schoolCode === schools[0]!.code);
    const strongest = demo.filter((r) => r.schoolCode === schools.at(-1)!.code);
    expect(weakest[0]!.level).toBe('below_base');
    expect(strongest.every((r) => r.level === 'high')).toBe(true);
    expect(shareBelowBase(2025, 2)).toBeLessThan(shareBelowBase(2024, 1));
  });
});
