import { In, type EntityManager } from 'typeorm';
import { SYSTEM, type Actor } from '../../graphql/actor';
import { InputError, type FieldProblem } from '../../graphql/errors';
import { audit } from '../audit/audit';
import { hashPassword } from './password';
import { assertAllowed } from './permissions';
import { Role } from './role';
import { AppUser, UserSchoolAssignment } from './user.entity';
import { UserErrorCode } from './users.errors';

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  displayName?: string | null;
  municipalityCode?: string | null;
  schoolCode?: string | null;
  assignedSchools?: string[] | null;
}

const USERNAME = /^[a-z0-9._-]{3,64}$/;
export const MIN_PASSWORD_LENGTH = 10;

/** The rules of an account: a username, a long enough password, and the scope its role needs. */
export function validateNewUser(user: NewUser): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!USERNAME.test(user.username)) {
    problems.push({
      field: 'username',
      message: 'Имя пользователя: 3–64 символа, латинские строчные буквы, цифры, «.», «_», «-»',
    });
  }
  if (user.password.length < MIN_PASSWORD_LENGTH) {
    problems.push({ field: 'password', message: `Пароль должен быть не короче ${MIN_PASSWORD_LENGTH} символов` });
  }
  const needs = {
    municipality: user.role === Role.MUNICIPAL_OFFICER,
    school: user.role === Role.SCHOOL_COORDINATOR,
    assigned: user.role === Role.EXPERT || user.role === Role.CURATOR,
  };
  if (needs.municipality !== Boolean(user.municipalityCode)) {
    problems.push({
      field: 'municipalityCode',
      message: needs.municipality
        ? 'Для специалиста МОУО укажите муниципалитет'
        : 'Муниципалитет указывается только для специалиста МОУО',
    });
  }
  if (needs.school !== Boolean(user.schoolCode)) {
    problems.push({
      field: 'schoolCode',
      message: needs.school
        ? 'Для координатора школы укажите школу'
        : 'Школа указывается только для координатора школы',
    });
  }
  if (!needs.assigned && (user.assignedSchools?.length ?? 0) > 0) {
    problems.push({ field: 'assignedSchools', message: 'Школы назначаются только экспертам и кураторам' });
  }
  return problems;
}

/** An account as the audit log and `user list` show it: never the password hash. */
export interface UserSummary {
  username: string;
  role: Role;
  displayName: string;
  municipalityCode: string | null;
  schoolCode: string | null;
  assignedSchools: string[];
  disabled: boolean;
}

function summary(user: AppUser, assignedSchools: string[]): UserSummary {
  return {
    username: user.username,
    role: user.role,
    displayName: user.displayName,
    municipalityCode: user.municipalityCode,
    schoolCode: user.schoolCode,
    assignedSchools,
    disabled: user.disabled,
  };
}

/** Accounts: created, listed, disabled — by a region admin or the command line, each change audited. */
export class UsersService {
  constructor(private readonly em: EntityManager) {}

  async create(input: NewUser, actor: Actor = SYSTEM): Promise<AppUser> {
    assertAllowed(actor, { kind: 'manage-users' });
    const username = input.username.trim().toLowerCase();
    const user = { ...input, username };
    const problems = validateNewUser(user);
    if (await this.em.existsBy(AppUser, { username })) {
      problems.push({ field: 'username', message: `Пользователь «${username}» уже есть` });
    }
    if (user.municipalityCode && !(await this.exists('municipality', [user.municipalityCode]))) {
      problems.push({ field: 'municipalityCode', message: `Нет муниципалитета с кодом «${user.municipalityCode}»` });
    }
    const schools = [...(user.schoolCode ? [user.schoolCode] : []), ...(user.assignedSchools ?? [])];
    const missing = await this.missingSchools(schools);
    if (missing.length > 0) problems.push({ field: 'schools', message: `Нет школ с кодами: ${missing.join(', ')}` });
    if (problems.length > 0) throw new InputError(UserErrorCode.INVALID, problems);

    const passwordHash = await hashPassword(user.password);
    return this.em.transaction(async (em) => {
      const saved = await em.save(
        Object.assign(new AppUser(), {
          username,
          passwordHash,
          role: user.role,
          displayName: user.displayName?.trim() || username,
          municipalityCode: user.municipalityCode ?? null,
          schoolCode: user.schoolCode ?? null,
          disabled: false,
        }),
      );
      const assigned = [...new Set(user.assignedSchools ?? [])].sort();
      if (assigned.length > 0) {
        await em.insert(
          UserSchoolAssignment,
          assigned.map((schoolCode) => ({ userId: saved.id, schoolCode })),
        );
      }
      await audit(em, {
        actor,
        action: 'user.add',
        entity: 'app_user',
        key: username,
        before: null,
        after: summary(saved, assigned),
      });
      return saved;
    });
  }

  list(): Promise<AppUser[]> {
    return this.em.find(AppUser, { order: { username: 'ASC' } });
  }

  assignedSchools(userIds: string[]): Promise<Map<string, string[]>> {
    return this.assignedSchoolsIn(this.em, userIds);
  }

  private async assignedSchoolsIn(em: EntityManager, userIds: string[]): Promise<Map<string, string[]>> {
    const rows = await em.find(UserSchoolAssignment, {
      where: { userId: In(userIds) },
      order: { schoolCode: 'ASC' },
    });
    const result = new Map<string, string[]>();
    for (const r of rows) result.set(r.userId, [...(result.get(r.userId) ?? []), r.schoolCode]);
    return result;
  }

  /**
   * Disables an account and revokes its sessions: requests with its tokens are
   * refused within seconds, its refresh tokens at once, its sockets closed.
   */
  async disable(username: string, actor: Actor = SYSTEM): Promise<AppUser> {
    assertAllowed(actor, { kind: 'manage-users' });
    return this.em.transaction(async (em) => {
      const user = await em.findOne(AppUser, {
        where: { username: username.trim().toLowerCase() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) {
        throw new InputError(UserErrorCode.NOT_FOUND, [
          { field: 'username', message: `Нет пользователя «${username}»` },
        ]);
      }
      const assigned = (await this.assignedSchoolsIn(em, [user.id])).get(user.id) ?? [];
      const before = summary(user, assigned);
      user.disabled = true;
      await em.update(AppUser, user.id, { disabled: true });
      await em.query('UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [
        user.id,
      ]);
      await audit(em, {
        actor,
        action: 'user.disable',
        entity: 'app_user',
        key: user.username,
        before,
        after: summary(user, assigned),
      });
      return user;
    });
  }

  private async exists(table: 'municipality', codes: string[]): Promise<boolean> {
    const rows = await this.em.query(`SELECT 1 FROM ${table} WHERE code = ANY($1)`, [codes]);
    return rows.length === codes.length;
  }

  private async missingSchools(codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows: { code: string }[] = await this.em.query(`SELECT code FROM school WHERE code = ANY($1)`, [codes]);
    const found = new Set(rows.map((r) => r.code));
    return [...new Set(codes)].filter((c) => !found.has(c));
  }
}
