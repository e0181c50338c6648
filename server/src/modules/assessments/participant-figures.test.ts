import { describe, expect, it } from 'vitest';
import type { ParticipantResultRow } from './assessment-rows';
import { KeyFigures } from './participant-figures';

const figures = () =>
  new KeyFigures({
    ogeScale: [{ year: 2024, subject: 'CHEMISTRY', for3: 10, for4: 20, for5: 27 }],
    egeMinimum: [{ year: 2024, subject: 'PHYSICS', min: 36 }],
  });

const row = (values: Partial<ParticipantResultRow>): ParticipantResultRow => ({
  participantCode: 'P1',
  schoolCode: 'sch700001',
  procedureCode: 'OGE',
  year: 2024,
  subjectCode: 'CHEMISTRY',
  grade: 9,
  primaryScore: null,
  testScore: null,
  mark: null,
  ...values,
});

describe('KeyFigures', () => {
  it('marks as the derivation does: the source’s mark, else the year’s ОГЭ scale, else none', () => {
    const f = figures();
    expect(f.markOf(row({ primaryScore: 9 }))).toBe(2);
    expect(f.markOf(row({ primaryScore: 10 }))).toBe(3);
    expect(f.markOf(row({ primaryScore: 20 }))).toBe(4);
    expect(f.markOf(row({ primaryScore: 27 }))).toBe(5);
    expect(f.markOf(row({ primaryScore: 9, mark: 4 }))).toBe(4);
    expect(f.markOf(row({ primaryScore: 20, year: 2026 }))).toBeNull();
    expect(f.markOf(row({ procedureCode: 'EGE', primaryScore: 27 }))).toBeNull();
  });

  it('counts ЕГЭ below the minimum: under the year’s minimum score, or a «2» where there is none', () => {
    const f = figures();
    const ege = (values: Partial<ParticipantResultRow>) => row({ procedureCode: 'EGE', grade: 11, ...values });
    expect(f.belowOf(ege({ subjectCode: 'PHYSICS', testScore: 35 }), null)).toBe(true);
    expect(f.belowOf(ege({ subjectCode: 'PHYSICS', testScore: 36 }), null)).toBe(false);
    expect(f.belowOf(ege({ subjectCode: 'PHYSICS' }), 2)).toBe(false);
    expect(f.belowOf(ege({ subjectCode: 'MATHEMATICS_BASE' }), 2)).toBe(true);
    expect(f.belowOf(ege({ subjectCode: 'MATHEMATICS_BASE' }), 3)).toBe(false);
  });

  it('sums each school-level key’s rows as COPY text, and names the keys first met since it was last asked', () => {
    const f = figures();
    f.add(row({ primaryScore: 27 }));
    f.add(row({ primaryScore: 9, mark: 3 }));
    f.add(row({ procedureCode: 'EGE', subjectCode: 'PHYSICS', grade: null, primaryScore: 20, testScore: 30 }));
    expect(f.takeFresh()).toEqual({
      text: 'sch700001\tOGE\t2024\tCHEMISTRY\t9\nsch700001\tEGE\t2024\tPHYSICS\t\\N\n',
      count: 2,
    });
    expect(f.takeFresh()).toEqual({ text: '', count: 0 });
    f.add(row({ procedureCode: 'EGE', subjectCode: 'PHYSICS', grade: null, testScore: 70 }));
    f.add(row({ schoolCode: 'sch700002', primaryScore: 20 }));
    expect(f.takeFresh()).toEqual({ text: 'sch700002\tOGE\t2024\tCHEMISTRY\t9\n', count: 1 });
    expect(f.take().split('\n')).toEqual([
      'sch700001\tOGE\t2024\tCHEMISTRY\t9\t2\t0\t1\t0\t1\t36\t2\t0\t0\t0\tf',
      'sch700001\tEGE\t2024\tPHYSICS\t\\N\t2\t0\t0\t0\t0\t20\t1\t100\t2\t1\tf',
      'sch700002\tOGE\t2024\tCHEMISTRY\t9\t1\t0\t0\t1\t0\t20\t1\t0\t0\t0\tf',
      '',
    ]);
    expect(f.size).toBe(3);
  });
});

describe('KeyFigures with many keys', () => {
  it('keeps every key’s sums apart as their table grows, whichever order their rows come in', () => {
    const f = figures();
    const schools = 60;
    const subjects = ['CHEMISTRY', 'PHYSICS', 'BIOLOGY'];
    // Rows of a school and procedure come together, then another's: each key is met many times.
    for (let round = 0; round < 3; round++) {
      for (let s = 0; s < schools; s++) {
        for (const procedureCode of ['OGE', 'EGE']) {
          for (const [j, subjectCode] of subjects.entries()) {
            for (const grade of [9, 10, 11]) {
              const schoolCode = `sch${700000 + s}`;
              f.add(row({ schoolCode, procedureCode, subjectCode, grade, primaryScore: s + j + grade + round }));
            }
          }
        }
      }
    }
    expect(f.size).toBe(schools * 2 * subjects.length * 3);
    const lines = f.take().trimEnd().split('\n');
    expect(lines).toHaveLength(f.size);
    // Every row counted once, those of the keys whose arrival grew the table included.
    const participants = lines.map((line) => Number(line.split('\t')[5]));
    expect(participants.every((n) => n === 3)).toBe(true);
    const bySchool = lines.filter((line) => line.startsWith('sch700042\tEGE\t2024\tPHYSICS\t10\t'));
    // Three rows, primary scores 42+1+10 plus 0, 1 and 2.
    expect(bySchool).toEqual(['sch700042\tEGE\t2024\tPHYSICS\t10\t3\t0\t0\t0\t0\t162\t3\t0\t0\t0\tf']);
  });
});
