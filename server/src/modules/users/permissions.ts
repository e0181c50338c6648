import type { Actor } from '../../graphql/actor';
import { HubError } from '../../graphql/errors';
import { Role, ROLE_TITLES } from './role';
import { AuthErrorCode } from './users.errors';

/**
 * Who may write what: the one statement of the write rules, pure so that
 * services enforce it and a client can ask "may I?" before offering a form.
 * Reading is decided by the database's row-level security; these rules use
 * the same scope (a municipality, a school, assigned schools).
 */

/** A school as a write names it; `municipalityCode` is null when the caller cannot see the school (or it does not exist). */
export interface SchoolRef {
  code: string;
  municipalityCode: string | null;
}

/** Parts of a ВСОКО evaluation a write changes. */
export type VsokoPart = 'scores' | 'expert' | 'passport' | 'documents';

/** A plan progress target as the write gives it; `schoolMunicipalityCode` as for `SchoolRef`. */
export interface ProgressTargetRef {
  level: string;
  municipalityCode: string | null;
  schoolCode: string | null;
  schoolMunicipalityCode: string | null;
}

export type Intent =
  | { kind: 'vsoko-evaluation'; school: SchoolRef; parts: readonly VsokoPart[] }
  | { kind: 'self-diagnostic'; school: SchoolRef }
  | { kind: 'shnor-listing'; school: SchoolRef }
  /** `planKind` null: the activity does not exist (validation reports it). */
  | { kind: 'activity-progress'; planKind: string | null; target: ProgressTargetRef }
  | { kind: 'import'; importKind: string }
  | { kind: 'manage-users' }
  | { kind: 'read-audit-log' }
  | { kind: 'risk-rules' };

export type Decision = { allowed: true } | { allowed: false; reason: string };

const ALLOW: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

const SHNOR_ROADMAP = 'shnor_roadmap';
const SCORE_PARTS: readonly VsokoPart[] = ['scores', 'expert'];
const SCHOOL_PARTS: readonly VsokoPart[] = ['passport', 'documents'];

function outOfScope(code: string | null): Decision {
  return deny(`Школа «${code ?? ''}» не входит в вашу область доступа`);
}

/** Whether the actor's read scope holds the school: the rule row-level security applies. */
export function schoolInScope(actor: Actor, school: SchoolRef): boolean {
  if (actor.role === Role.REGION_ADMIN || actor.role === Role.REGION_ANALYST || actor.role === 'system') return true;
  if (actor.role === Role.MUNICIPAL_OFFICER) {
    return school.municipalityCode !== null && school.municipalityCode === actor.municipalityCode;
  }
  return actor.schoolCodes.includes(school.code);
}

/** The actor's own schools: a coordinator's school, an expert's or a curator's assigned ones. */
function assigned(actor: Actor, code: string | null): boolean {
  return code !== null && actor.schoolCodes.includes(code);
}

function vsoko(actor: Actor, school: SchoolRef, parts: readonly VsokoPart[]): Decision {
  if (actor.role === Role.EXPERT) {
    if (!assigned(actor, school.code)) return deny(`Школа «${school.code}» не назначена вам как эксперту ВСОКО`);
    if (parts.some((p) => !SCORE_PARTS.includes(p))) {
      return deny('Эксперт ВСОКО вносит баллы блоков; паспорт и ссылки на документы вносит координатор школы');
    }
    return ALLOW;
  }
  if (actor.role === Role.SCHOOL_COORDINATOR) {
    if (!assigned(actor, school.code)) return outOfScope(school.code);
    if (parts.some((p) => !SCHOOL_PARTS.includes(p))) {
      return deny(
        'Координатор школы вносит паспорт участника и ссылки на документы; баллы блоков и эксперта вносит эксперт ВСОКО',
      );
    }
    return ALLOW;
  }
  return deny(`Роль «${title(actor)}» не вносит оценки ВСОКО`);
}

function progress(actor: Actor, planKind: string | null, target: ProgressTargetRef): Decision {
  const level = target.level.trim().toLowerCase();
  switch (actor.role) {
    case Role.MUNICIPAL_OFFICER:
      if (target.schoolCode !== null) {
        return target.schoolMunicipalityCode !== null && target.schoolMunicipalityCode === actor.municipalityCode
          ? ALLOW
          : outOfScope(target.schoolCode);
      }
      if (level === 'municipality') {
        return target.municipalityCode === actor.municipalityCode
          ? ALLOW
          : deny(`Исполнение за муниципалитет «${target.municipalityCode ?? ''}» отмечает его МОУО`);
      }
      return deny('Исполнение на уровне региона отмечает администратор региона');
    case Role.CURATOR:
      if (planKind !== null && planKind !== SHNOR_ROADMAP) {
        return deny('Куратор ШНОР отмечает исполнение только мероприятий «дорожной карты» ШНОР');
      }
      return assigned(actor, target.schoolCode)
        ? ALLOW
        : deny(`Школа «${target.schoolCode ?? ''}» не назначена вам как куратору ШНОР`);
    case Role.SCHOOL_COORDINATOR:
      return assigned(actor, target.schoolCode) ? ALLOW : outOfScope(target.schoolCode);
    default:
      return deny(`Роль «${title(actor)}» не отмечает исполнение мероприятий`);
  }
}

function title(actor: Actor): string {
  return actor.role === null || actor.role === 'system' ? 'аноним' : ROLE_TITLES[actor.role];
}

/** May `actor` do this? With the reason, in Russian, when not. */
export function decide(actor: Actor, intent: Intent): Decision {
  if (actor.role === null) return deny('Требуется вход');
  if (actor.role === 'system' || actor.role === Role.REGION_ADMIN) return ALLOW;
  if (intent.kind === 'read-audit-log') return deny('Журнал изменений доступен администратору региона');
  if (actor.role === Role.REGION_ANALYST) return deny('Аналитик региона читает данные, но не изменяет их');
  switch (intent.kind) {
    case 'vsoko-evaluation':
      return vsoko(actor, intent.school, intent.parts);
    case 'self-diagnostic':
      if (actor.role !== Role.SCHOOL_COORDINATOR) {
        return deny(`Самодиагностику вносит координатор школы, а не ${title(actor)}`);
      }
      return assigned(actor, intent.school.code) ? ALLOW : outOfScope(intent.school.code);
    case 'shnor-listing':
      return deny('Списки ШНОР/ШНСУ ведёт администратор региона');
    case 'activity-progress':
      return progress(actor, intent.planKind, intent.target);
    case 'import':
      return deny('Загружать файлы может администратор региона');
    case 'manage-users':
      return deny('Пользователями управляет администратор региона');
    case 'risk-rules':
      return deny('Правила раннего предупреждения изменяет администратор региона');
  }
}

/** Throws FORBIDDEN with the reason unless `decide` allows: the check every write makes first. */
export function assertAllowed(actor: Actor, intent: Intent): void {
  const decision = decide(actor, intent);
  if (!decision.allowed) throw new HubError(AuthErrorCode.FORBIDDEN, decision.reason);
}
