import { describe, expect, it } from 'vitest';
import { validateParticipantScores, validateResultFigures } from '../../modules/assessments/assessment-validation';
import { SAMPLE_SCHOOLS } from '../reference/sample-schools';
import { generateDemoAssessments } from './assessment-results';
import { generateDemoSchools } from './demo-schools';
import { schoolStrength, type DemoSchool } from './school-profile';

const schools: DemoSchool[] = [...SAMPLE_SCHOOLS, ...generateDemoSchools()].map((s) => ({
  ...s,
  strength: schoolStrength(s),
}));
const demo = generateDemoAssessments(schools);

describe('generateDemoAssessments', () => {
  it('is deterministic', () => {
    expect(generateDemoAssessments(schools)).toEqual(demo);
  });

  it('stays under 250 000 participant rows for 2023–2025', () => {
    expect(demo.years).toEqual([2023, 2024, 2025]);
    expect(demo.participantResults.length).toBeGreaterThan(100_000);
    expect(demo.participantResults.length).toBeLessThan(250_000);
  });

  it('writes only valid figures', () => {
    expect(demo.schoolResults.flatMap((row) => validateResultFigures(row))).toEqual([]);
    expect(demo.participantResults.flatMap((row) => validateParticipantScores(row))).toEqual([]);
  });

  it('gives each school what its type allows', () => {
    const byType = (type: string) => new Set(schools.filter((s) => s.type === type).map((s) => s.code));
    const primary = byType('НОШ');
    const basic = byType('ООШ');
    expect(primary.size).toBeGreaterThan(0);
    const vprGrades = (codes: Set<string>) =>
      new Set(demo.schoolResults.filter((r) => codes.has(r.schoolCode)).map((r) => r.grade));
    expect(vprGrades(primary)).toEqual(new Set([4]));
    expect([...vprGrades(basic)].every((g) => g! <= 8)).toBe(true);
    const exams = (codes: Set<string>) =>
      new Set(demo.participantResults.filter((r) => codes.has(r.schoolCode)).map((r) => r.procedureCode));
    expect(exams(primary)).toEqual(new Set());
    expect(exams(basic)).toEqual(new Set(['OGE']));
    expect(exams(byType('гимназия'))).toEqual(new Set(['OGE', 'EGE']));
  });

  it('runs ВПР in grade 11 up to 2024 and in grade 10 from 2025, with the journal comparison', () => {
    const grades = (year: number) => new Set(demo.schoolResults.filter((r) => r.year === year).map((r) => r.grade));
    expect(grades(2024).has(11) && !grades(2024).has(10)).toBe(true);
    expect(grades(2025).has(10) && !grades(2025).has(11)).toBe(true);
    expect(demo.schoolResults.every((r) => r.journalConfirmed !== null)).toBe(true);
  });

  it('sizes classes at about a eleventh of the students', () => {
    const school = schools.find((s) => s.code === 'sch700033')!;
    const russian5 = demo.schoolResults.find(
      (r) => r.schoolCode === school.code && r.year === 2024 && r.grade === 5 && r.subjectCode === 'RUSSIAN',
    )!;
    const perGrade = school.studentCount! / 11;
    expect(russian5.participants).toBeGreaterThan(perGrade * 0.7);
    expect(russian5.participants).toBeLessThan(perGrade * 1.2);
  });

  it('tells the same story as the strength: weak schools have more «2» and lower ЕГЭ scores', () => {
    const sorted = [...schools].sort((a, b) => a.strength - b.strength);
    const weak = new Set(sorted.slice(0, 40).map((s) => s.code));
    const strong = new Set(sorted.slice(-40).map((s) => s.code));
    const share2 = (codes: Set<string>) => {
      const rows = demo.schoolResults.filter((r) => codes.has(r.schoolCode));
      return rows.reduce((a, r) => a + r.count2, 0) / rows.reduce((a, r) => a + r.participants, 0);
    };
    const meanRussian = (codes: Set<string>) => {
      const rows = demo.participantResults.filter(
        (r) => codes.has(r.schoolCode) && r.procedureCode === 'EGE' && r.subjectCode === 'RUSSIAN',
      );
      return rows.reduce((a, r) => a + r.testScore!, 0) / rows.length;
    };
    expect(share2(weak)).toBeGreaterThan(3 * share2(strong));
    expect(meanRussian(weak)).toBeLessThan(meanRussian(strong) - 10);
  });
});
