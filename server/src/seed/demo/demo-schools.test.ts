import { describe, expect, it } from 'vitest';
import { SAMPLE_SCHOOLS } from '../reference/sample-schools';
import { generateDemoSchools } from './demo-schools';

describe('generateDemoSchools', () => {
  const demo = generateDemoSchools();

  it('brings the region to about 300 schools', () => {
    expect(SAMPLE_SCHOOLS.length + demo.length).toBe(299);
  });

  it('is deterministic', () => {
    expect(generateDemoSchools()).toEqual(demo);
  });

  it('labels every school as demo in its name and uses codes apart from real ones', () => {
    for (const school of demo) {
      expect(school.fullName).toMatch(/демо/);
      expect(school.shortName).toMatch(/^Демо /);
      expect(school.code).toMatch(/^sch79\d{4}$/);
    }
    expect(new Set(demo.map((s) => s.code)).size).toBe(demo.length);
  });

  it('gives plausible sizes: rural basic schools are small, urban gymnasiums large', () => {
    const ruralBasic = demo.filter((s) => s.locality === 'rural' && s.type === 'ООШ');
    const urbanSelective = demo.filter((s) => s.locality === 'urban' && (s.type === 'гимназия' || s.type === 'лицей'));
    expect(ruralBasic.length).toBeGreaterThan(5);
    expect(urbanSelective.length).toBeGreaterThan(3);
    expect(Math.max(...ruralBasic.map((s) => s.studentCount))).toBeLessThanOrEqual(110);
    expect(Math.min(...urbanSelective.map((s) => s.studentCount))).toBeGreaterThanOrEqual(550);
  });
});
