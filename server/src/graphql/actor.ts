import { Role } from '../modules/users/role';

/**
 * Who performs a request: recorded with every write ("who and when"), and
 * the role and scope that services and the database's row-level security check.
 */
export interface Actor {
  /** The user's id; null for an anonymous caller and for the system. */
  userId: string | null;
  username: string | null;
  /** A name to show in histories («кто внёс»). */
  displayName: string;
  /** Null: anonymous. `system`: seeds and the command line, which act as the database owner. */
  role: Role | 'system' | null;
  /** The municipality of a municipal officer. */
  municipalityCode: string | null;
  /** The school of a coordinator, the assigned schools of an expert or a curator. */
  schoolCodes: string[];
}

export const ANONYMOUS: Actor = {
  userId: null,
  username: null,
  displayName: 'Аноним',
  role: null,
  municipalityCode: null,
  schoolCodes: [],
};

export const SYSTEM: Actor = { ...ANONYMOUS, displayName: 'Система', role: 'system' };

/** Roles that see every school's rows. */
export function seesEverySchool(actor: Actor): boolean {
  return actor.role === Role.REGION_ADMIN || actor.role === Role.REGION_ANALYST || actor.role === 'system';
}
