import { describe, expect, it } from 'vitest';
import type { DemoSchool } from './school-profile';
import { selectWeakestSchools } from './weakest-schools';

const school = (code: string, municipalityCode: string, strength: number): DemoSchool => ({
  code,
  municipalityCode,
  strength,
  type: 'СОШ',
  locality: 'rural',
  studentCount: 100,
  distanceToTomskKm: 100,
  yearRoundRoad: true,
});

describe('selectWeakestSchools', () => {
  const schools = [
    school('a1', 'a', -1.9),
    school('a2', 'a', -1.8),
    school('a3', 'a', -1.7),
    school('b1', 'b', -0.2),
    school('b2', 'b', 0.5),
    school('c1', 'c', -1.0),
    school('d1', 'd', 1.5),
  ];

  it('keeps the municipalities with the weakest schools and gives each its weakest school', () => {
    const chosen = selectWeakestSchools(schools, { count: 4, municipalities: 3 });
    expect(chosen.map((s) => s.code)).toEqual(['a1', 'a2', 'c1', 'b1']);
  });

  it('returns the weakest first and never more than asked', () => {
    const chosen = selectWeakestSchools(schools, { count: 2, municipalities: 2 });
    expect(chosen.map((s) => s.code)).toEqual(['a1', 'c1']);
  });

  it('breaks strength ties by code, so the list is the same on every machine', () => {
    const tied = [school('x2', 'x', -1), school('x1', 'x', -1), school('y1', 'y', -1)];
    expect(selectWeakestSchools(tied, { count: 2, municipalities: 2 }).map((s) => s.code)).toEqual(['x1', 'y1']);
  });
});
