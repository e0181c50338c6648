import { describe, expect, it } from 'vitest';
import { generateDemoPlanProgress, type DemoPlanActivity } from './plan-progress';
import type { DemoSchool } from './school-profile';

const school = (i: number, strength: number): DemoSchool => ({
  code: `sch79${String(i).padStart(4, '0')}`,
  municipalityCode: `m${i % 20}`,
  strength,
  type: 'СОШ',
  locality: 'rural',
  studentCount: 200,
  distanceToTomskKm: 150,
  yearRoundRoad: true,
});

const schools = [
  ...Array.from({ length: 150 }, (_, i) => school(i, -1.5 + (i % 7) * 0.01)),
  ...Array.from({ length: 150 }, (_, i) => school(150 + i, 1.5)),
];
const municipalityCodes = Array.from({ length: 20 }, (_, i) => `m${i}`);

const activity = (id: number, overrides: Partial<DemoPlanActivity> = {}): DemoPlanActivity => ({
  id,
  planCode: 'school-ministry-2025',
  planYear: 2025,
  number: String(id),
  scope: 'school',
  deadlineStart: '2025-03-01',
  deadlineEnd: '2025-04-30',
  recurrence: null,
  ...overrides,
});

describe('generateDemoPlanProgress', () => {
  const activities = Array.from({ length: 8 }, (_, i) => activity(i + 1));
  const result = generateDemoPlanProgress({ activities, schools, municipalityCodes });

  it('is deterministic', () => {
    expect(generateDemoPlanProgress({ activities, schools, municipalityCodes })).toEqual(result);
    expect(generateDemoPlanProgress({ activities, schools, municipalityCodes, seed: 'other' })).not.toEqual(result);
  });

  it('weaker schools fall behind more often on past-due work', () => {
    const notDone = (weak: boolean) => {
      const rows = result.current.filter((r) => schools.find((s) => s.code === r.schoolCode)!.strength < 0 === weak);
      return rows.filter((r) => r.status !== 'done').length / rows.length;
    };
    expect(notDone(true)).toBeGreaterThan(notDone(false) + 0.05);
  });

  it('labels every recorder as demo and curators only for the weakest schools', () => {
    expect(result.history.every((e) => e.recordedBy.endsWith('(демо)') && e.recordedById.startsWith('demo-'))).toBe(
      true,
    );
    const curated = new Set(result.current.filter((e) => e.recordedBy.startsWith('Куратор')).map((e) => e.schoolCode));
    for (const code of curated) expect(schools.find((s) => s.code === code)!.strength).toBeLessThan(0);
  });

  it('gives each target a history from a planned registration to its current state, in time order', () => {
    const byTarget = new Map<string, typeof result.history>();
    for (const e of result.history) {
      const key = `${e.activityId}|${e.schoolCode ?? e.municipalityCode ?? 'region'}`;
      const list = byTarget.get(key) ?? [];
      list.push(e);
      byTarget.set(key, list);
    }
    expect(byTarget.size).toBe(result.current.length);
    for (const entries of byTarget.values()) {
      expect(entries[0]).toMatchObject({ status: 'planned', previousStatus: null });
      for (let i = 1; i < entries.length; i++) {
        expect(entries[i]!.recordedAt.getTime()).toBeGreaterThan(entries[i - 1]!.recordedAt.getTime());
        expect(entries[i]!.previousStatus).toBe(entries[i - 1]!.status);
      }
    }
    const history = new Set(result.history);
    expect(result.current.every((c) => history.has(c))).toBe(true);
  });

  it('work that starts after the demo date is planned; done work carries evidence', () => {
    const future = generateDemoPlanProgress({
      activities: [activity(1, { scope: 'region', deadlineStart: '2027-01-01', deadlineEnd: '2027-12-31' })],
      schools,
      municipalityCodes,
    });
    expect(future.current).toEqual([expect.objectContaining({ status: 'planned', level: 'region' })]);
    const done = result.current.filter((c) => c.status === 'done');
    expect(done.length).toBeGreaterThan(0);
    expect(done.every((c) => c.evidenceUrl?.startsWith('https://demo.example.org/'))).toBe(true);
  });
});
