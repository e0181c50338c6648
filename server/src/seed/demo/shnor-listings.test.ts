import { describe, expect, it } from 'vitest';
import { SAMPLE_SCHOOLS } from '../reference/sample-schools';
import { generateDemoSchools } from './demo-schools';
import { schoolStrength, type DemoSchool } from './school-profile';
import { generateDemoShnorListings } from './shnor-listings';

const schools: DemoSchool[] = [...SAMPLE_SCHOOLS, ...generateDemoSchools()].map((s) => ({
  ...s,
  strength: schoolStrength(s),
}));
const rows = generateDemoShnorListings(schools);
const ofYear = (year: number) => rows.filter((r) => r.year === year);
const municipality = new Map(schools.map((s) => [s.code, s.municipalityCode]));

describe('generateDemoShnorListings', () => {
  it('lists 68 schools in 17 municipalities in 2023, as the real list', () => {
    expect(ofYear(2023)).toHaveLength(68);
    expect(new Set(ofYear(2023).map((r) => municipality.get(r.schoolCode))).size).toBe(17);
  });

  it('names one demo curator per municipality', () => {
    const curators = new Map<string, Set<string>>();
    for (const r of ofYear(2023)) {
      expect(r.curator).toMatch(/^Куратор \d+ \(демо\)$/);
      const m = municipality.get(r.schoolCode)!;
      curators.set(m, (curators.get(m) ?? new Set()).add(r.curator!));
    }
    expect([...curators.values()].every((c) => c.size === 1)).toBe(true);
  });

  it('lists mostly the weakest schools', () => {
    const strength = new Map(schools.map((s) => [s.code, s.strength]));
    const median = [...schools.map((s) => s.strength)].sort((a, b) => a - b)[Math.floor(schools.length / 2)]!;
    const belowMedian = ofYear(2023).filter((r) => strength.get(r.schoolCode)! < median).length;
    expect(belowMedian / 68).toBeGreaterThan(0.9);
  });

  it('changes the list a little each year', () => {
    for (const [a, b] of [
      [2023, 2024],
      [2024, 2025],
    ] as const) {
      const before = new Set(ofYear(a).map((r) => r.schoolCode));
      const after = new Set(ofYear(b).map((r) => r.schoolCode));
      const stayed = [...after].filter((c) => before.has(c)).length;
      expect(stayed).toBeGreaterThan(55);
      expect(stayed).toBeLessThan(after.size);
    }
  });

  it('moves programmes from approval to monitoring', () => {
    const statuses = (year: number) => new Set(ofYear(year).map((r) => r.programmeStatus));
    expect(statuses(2023).has('monitored' as never)).toBe(false);
    expect(ofYear(2025).filter((r) => r.programmeStatus === 'monitored').length).toBeGreaterThan(40);
  });

  it('is deterministic', () => {
    expect(generateDemoShnorListings(schools)).toEqual(rows);
  });
});
