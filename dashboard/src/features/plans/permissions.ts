import type { PlanKind, PlanLevel, SessionUserFragment } from '../../generated/graphql';

/**
 * Who may record an activity's progress, as the server decides it: the region
 * admin everything; a municipal officer its municipality and its schools; a
 * ШНОР curator the schools assigned to it, in the ШНОР roadmap; a school
 * coordinator its school. The form follows these rules; the server has the last word.
 */
export interface TargetRef {
  level: PlanLevel;
  municipalityCode: string | null;
  schoolCode: string | null;
  /** The school's municipality, when known. */
  schoolMunicipalityCode?: string | null;
}

export function mayRecord(user: SessionUserFragment | undefined, planKind: PlanKind, target: TargetRef): boolean {
  if (!user) return false;
  switch (user.role) {
    case 'REGION_ADMIN':
      return true;
    case 'MUNICIPAL_OFFICER':
      if (target.level === 'MUNICIPALITY') return target.municipalityCode === user.municipalityCode;
      if (target.level === 'SCHOOL') {
        return (target.schoolMunicipalityCode ?? target.municipalityCode) === user.municipalityCode;
      }
      return false;
    case 'CURATOR':
      return (
        planKind === 'SHNOR_ROADMAP' &&
        target.level === 'SCHOOL' &&
        target.schoolCode !== null &&
        user.assignedSchools.includes(target.schoolCode)
      );
    case 'SCHOOL_COORDINATOR':
      return target.level === 'SCHOOL' && target.schoolCode !== null && target.schoolCode === user.schoolCode;
    default:
      return false;
  }
}

/** Whether the user may record anything at all for an activity of this scope: whether to offer the form. */
export function mayRecordScope(user: SessionUserFragment | undefined, planKind: PlanKind, scope: PlanLevel): boolean {
  if (!user) return false;
  switch (user.role) {
    case 'REGION_ADMIN':
      return true;
    case 'MUNICIPAL_OFFICER':
      return scope !== 'REGION' && user.municipalityCode !== null;
    case 'CURATOR':
      return planKind === 'SHNOR_ROADMAP' && scope === 'SCHOOL' && user.assignedSchools.length > 0;
    case 'SCHOOL_COORDINATOR':
      return scope === 'SCHOOL' && user.schoolCode !== null;
    default:
      return false;
  }
}

/** Schools the user answers for, whatever the activity: a coordinator's school, a curator's assigned ones. */
export function ownSchools(user: SessionUserFragment | undefined): string[] {
  if (!user) return [];
  if (user.role === 'SCHOOL_COORDINATOR') return user.schoolCode ? [user.schoolCode] : [];
  if (user.role === 'CURATOR' || user.role === 'EXPERT') return user.assignedSchools;
  return [];
}
