import { describe, expect, it } from 'vitest';
import { ANONYMOUS, SYSTEM, type Actor } from '../../graphql/actor';
import { assertAllowed, decide, schoolInScope, type Intent, type ProgressTargetRef } from './permissions';
import { Role } from './role';

const actor = (role: Role, scope: Partial<Pick<Actor, 'municipalityCode' | 'schoolCodes'>> = {}): Actor => ({
  userId: '00000000-0000-4000-8000-000000000001',
  username: role,
  displayName: role,
  role,
  municipalityCode: scope.municipalityCode ?? null,
  schoolCodes: scope.schoolCodes ?? [],
});

const admin = actor(Role.REGION_ADMIN);
const analyst = actor(Role.REGION_ANALYST);
const officer = actor(Role.MUNICIPAL_OFFICER, { municipalityCode: 'tomsky' });
const coordinator = actor(Role.SCHOOL_COORDINATOR, { schoolCodes: ['s1'] });
const expert = actor(Role.EXPERT, { schoolCodes: ['s1', 's2'] });
const curator = actor(Role.CURATOR, { schoolCodes: ['s2'] });

const s1 = { code: 's1', municipalityCode: 'tomsky' };
const s2 = { code: 's2', municipalityCode: 'tomsky' };
const s3 = { code: 's3', municipalityCode: 'tomsk' };
const unseen = { code: 's9', municipalityCode: null };

const allowed = (who: Actor, intent: Intent) => decide(who, intent).allowed;

describe('decide: writes by role and scope', () => {
  it('the region admin and the system may do everything; anonymous nothing; the analyst writes nothing', () => {
    const intents: Intent[] = [
      { kind: 'vsoko-evaluation', school: s3, parts: ['scores', 'passport'] },
      { kind: 'self-diagnostic', school: unseen },
      { kind: 'shnor-listing', school: s1 },
      { kind: 'import', importKind: 'schools' },
      { kind: 'manage-users' },
      { kind: 'read-audit-log' },
    ];
    for (const intent of intents) {
      expect(allowed(admin, intent)).toBe(true);
      expect(allowed(SYSTEM, intent)).toBe(true);
      expect(decide(ANONYMOUS, intent)).toEqual({ allowed: false, reason: 'Требуется вход' });
      expect(allowed(analyst, intent)).toBe(false);
    }
    expect(decide(analyst, intents[0]!)).toEqual({
      allowed: false,
      reason: 'Аналитик региона читает данные, но не изменяет их',
    });
    expect(decide(analyst, { kind: 'read-audit-log' })).toEqual({
      allowed: false,
      reason: 'Журнал изменений доступен администратору региона',
    });
  });

  it('ВСОКО: an expert scores assigned schools only; a coordinator fills its passport and links only', () => {
    const vsoko = (school: typeof s1, ...parts: ('scores' | 'expert' | 'passport' | 'documents')[]): Intent => ({
      kind: 'vsoko-evaluation',
      school,
      parts,
    });
    expect(allowed(expert, vsoko(s1, 'scores', 'expert'))).toBe(true);
    expect(allowed(expert, vsoko(s2))).toBe(true);
    expect(decide(expert, vsoko(s3, 'scores'))).toEqual({
      allowed: false,
      reason: 'Школа «s3» не назначена вам как эксперту ВСОКО',
    });
    expect(allowed(expert, vsoko(s1, 'scores', 'passport'))).toBe(false);
    expect(allowed(expert, vsoko(s1, 'documents'))).toBe(false);
    expect(allowed(coordinator, vsoko(s1, 'passport', 'documents'))).toBe(true);
    expect(allowed(coordinator, vsoko(s1))).toBe(true);
    expect(allowed(coordinator, vsoko(s1, 'scores'))).toBe(false);
    expect(allowed(coordinator, vsoko(s1, 'expert'))).toBe(false);
    expect(allowed(coordinator, vsoko(s2, 'passport'))).toBe(false);
    expect(allowed(officer, vsoko(s1, 'passport'))).toBe(false);
    expect(allowed(curator, vsoko(s2, 'scores'))).toBe(false);
  });

  it('self-diagnostics: the coordinator of the school; ШНОР lists, imports, users: the admin', () => {
    expect(allowed(coordinator, { kind: 'self-diagnostic', school: s1 })).toBe(true);
    expect(allowed(coordinator, { kind: 'self-diagnostic', school: s2 })).toBe(false);
    expect(allowed(coordinator, { kind: 'self-diagnostic', school: unseen })).toBe(false);
    for (const who of [officer, expert, curator]) {
      expect(allowed(who, { kind: 'self-diagnostic', school: s1 })).toBe(false);
      expect(allowed(who, { kind: 'shnor-listing', school: s2 })).toBe(false);
      expect(allowed(who, { kind: 'import', importKind: 'schools' })).toBe(false);
      expect(allowed(who, { kind: 'manage-users' })).toBe(false);
      expect(allowed(who, { kind: 'read-audit-log' })).toBe(false);
    }
  });

  describe('plan progress', () => {
    const target = (t: Partial<ProgressTargetRef>): ProgressTargetRef => ({
      level: 'school',
      municipalityCode: null,
      schoolCode: null,
      schoolMunicipalityCode: null,
      ...t,
    });
    const progress = (t: Partial<ProgressTargetRef>, planKind: string | null = 'shnor_roadmap'): Intent => ({
      kind: 'activity-progress',
      planKind,
      target: target(t),
    });

    it('a municipal officer: its municipality and its schools, not the region or another municipality', () => {
      expect(allowed(officer, progress({ level: 'municipality', municipalityCode: 'tomsky' }))).toBe(true);
      expect(allowed(officer, progress({ level: 'municipality', municipalityCode: 'tomsk' }))).toBe(false);
      expect(allowed(officer, progress({ schoolCode: 's1', schoolMunicipalityCode: 'tomsky' }))).toBe(true);
      expect(allowed(officer, progress({ schoolCode: 's3', schoolMunicipalityCode: 'tomsk' }))).toBe(false);
      expect(allowed(officer, progress({ schoolCode: 's9', schoolMunicipalityCode: null }))).toBe(false);
      // A school of another municipality named under its own municipality's code is still another's school.
      expect(
        allowed(officer, progress({ schoolCode: 's3', municipalityCode: 'tomsky', schoolMunicipalityCode: 'tomsk' })),
      ).toBe(false);
      expect(allowed(officer, progress({ level: 'region' }))).toBe(false);
    });

    it('a curator: assigned schools, on the ШНОР roadmap only', () => {
      expect(allowed(curator, progress({ schoolCode: 's2', schoolMunicipalityCode: 'tomsky' }))).toBe(true);
      expect(allowed(curator, progress({ schoolCode: 's1', schoolMunicipalityCode: 'tomsky' }))).toBe(false);
      expect(allowed(curator, progress({ schoolCode: 's2' }, 'seminar_decisions'))).toBe(false);
      expect(allowed(curator, progress({ level: 'municipality', municipalityCode: 'tomsky' }))).toBe(false);
    });

    it('a coordinator: its own school in any plan; an expert: nothing', () => {
      expect(allowed(coordinator, progress({ schoolCode: 's1' }, 'seminar_decisions'))).toBe(true);
      expect(allowed(coordinator, progress({ schoolCode: 's2' }))).toBe(false);
      expect(allowed(coordinator, progress({ level: 'municipality', municipalityCode: 'tomsky' }))).toBe(false);
      expect(allowed(expert, progress({ schoolCode: 's1' }))).toBe(false);
    });
  });

  it('assertAllowed throws FORBIDDEN with the reason', () => {
    expect(() => assertAllowed(officer, { kind: 'shnor-listing', school: s1 })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: 'Списки ШНОР/ШНСУ ведёт администратор региона' }),
    );
    expect(() => assertAllowed(admin, { kind: 'shnor-listing', school: s1 })).not.toThrow();
  });
});

describe('schoolInScope: the read rule row-level security applies', () => {
  it('by role', () => {
    expect(schoolInScope(analyst, s3)).toBe(true);
    expect(schoolInScope(officer, s1)).toBe(true);
    expect(schoolInScope(officer, s3)).toBe(false);
    expect(schoolInScope(officer, unseen)).toBe(false);
    expect(schoolInScope(expert, s2)).toBe(true);
    expect(schoolInScope(curator, s1)).toBe(false);
    expect(schoolInScope(ANONYMOUS, s1)).toBe(false);
  });
});
