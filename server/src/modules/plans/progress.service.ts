import type { EntityManager } from 'typeorm';
import type { Actor } from '../../graphql/actor';
import { InputError } from '../../graphql/errors';
import { audit } from '../audit/audit';
import { assertAllowed } from '../users/permissions';
import { ActivityProgressChange } from './activity-progress-change.entity';
import { ActivityProgress } from './activity-progress.entity';
import { Activity } from './activity.entity';
import { plansClock, type Clock } from './clock';
import { validateProgress } from './progress-validation';

/** Which activity: the natural key a form or a file row gives. */
export interface ActivityRef {
  planCode: string;
  activityNumber: string;
}

/** Whose progress; the municipality and school are explicit, for the scope check. */
export interface ProgressTargetArgs {
  level: string;
  municipalityCode?: string | null;
  schoolCode?: string | null;
}

/** The new state. An omitted (undefined) evidence link or comment keeps the current one; null or '' clears it. */
export interface ProgressChangeArgs {
  status: string;
  evidenceUrl?: string | null;
  comment?: string | null;
}

export type ProgressRowInit = Omit<ActivityProgress, 'id' | 'activityRef' | 'municipalityRef' | 'schoolRef'>;
export type ProgressChangeInit = Omit<ActivityProgressChange, 'id' | 'activityRef'>;

const INSERT_CHUNK = 1000;

/**
 * Every write of `activity_progress` and `activity_progress_change`: a change of
 * the current state and its history entry always go together.
 */
export class ProgressService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock = plansClock(),
  ) {}

  /**
   * Sets the current state of an activity for a target and appends the change
   * to the history, in one transaction. Whether the actor may write this target
   * is checked first (FORBIDDEN); bad input throws an InputError naming every
   * problem; either writes nothing; a state equal to the current one writes
   * nothing. A change is audited.
   */
  record(
    ref: ActivityRef,
    target: ProgressTargetArgs,
    change: ProgressChangeArgs,
    actor: Actor,
  ): Promise<ActivityProgress> {
    return this.em.transaction(async (em) => {
      const activity = await em.findOneBy(Activity, {
        planCode: ref.planCode.trim(),
        number: ref.activityNumber.trim(),
      });
      const municipalityCodes = [target.municipalityCode?.trim()].filter((c): c is string => Boolean(c));
      const schoolCodes = [target.schoolCode?.trim()].filter((c): c is string => Boolean(c));
      const known: { kind: string; code: string; municipality_code: string | null }[] = await em.query(
        `SELECT 'municipality' AS kind, code, NULL AS municipality_code FROM municipality WHERE code = ANY($1)
         UNION ALL
         SELECT 'school', code, municipality_code FROM school WHERE code = ANY($2)`,
        [municipalityCodes, schoolCodes],
      );
      // Under row-level security a school out of the caller's scope is not found: the check refuses it.
      const plan: { kind: string }[] = activity
        ? await em.query('SELECT kind FROM plan WHERE code = $1', [activity.planCode])
        : [];
      const school = known.find((k) => k.kind === 'school');
      assertAllowed(actor, {
        kind: 'activity-progress',
        planKind: plan[0]?.kind ?? null,
        target: {
          level: target.level,
          municipalityCode: municipalityCodes[0] ?? null,
          schoolCode: schoolCodes[0] ?? null,
          schoolMunicipalityCode: school?.municipality_code ?? null,
        },
      });
      const { problems, value } = validateProgress(
        { ...ref, ...change, target },
        {
          activity: activity && { scope: activity.scope },
          municipalities: new Set(known.filter((k) => k.kind === 'municipality').map((k) => k.code)),
          schools: new Map(known.filter((k) => k.kind === 'school').map((k) => [k.code, k.municipality_code!])),
        },
      );
      if (!value || !activity) throw new InputError(problems[0]!.code, problems);

      // Two writers of the same target queue here rather than race to the unique key.
      await em.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [activity.id, value.targetKey]);
      const current = await em.findOneBy(ActivityProgress, { activityId: activity.id, targetKey: value.targetKey });
      const next = {
        status: value.status,
        evidenceUrl: change.evidenceUrl === undefined ? (current?.evidenceUrl ?? null) : value.evidenceUrl,
        comment: change.comment === undefined ? (current?.comment ?? null) : value.comment,
      };
      const changedFields = (['status', 'evidenceUrl', 'comment'] as const).filter((field) =>
        current ? current[field] !== next[field] : field === 'status' || next[field] !== null,
      );
      if (current && changedFields.length === 0) return current;

      const row: ProgressRowInit = {
        activityId: activity.id,
        targetLevel: value.level,
        targetKey: value.targetKey,
        municipalityCode: value.municipalityCode,
        schoolCode: value.schoolCode,
        ...next,
        recordedById: actor.userId,
        recordedBy: actor.displayName,
        recordedAt: this.clock.now(),
        isDemo: false,
      };
      const previousStatus = current?.status ?? null;
      const before = current && { status: current.status, evidenceUrl: current.evidenceUrl, comment: current.comment };
      let saved: ActivityProgress;
      if (current) {
        await em.update(ActivityProgress, current.id, row);
        saved = Object.assign(current, row);
      } else {
        const inserted = await em.insert(ActivityProgress, row);
        saved = em.create(ActivityProgress, { ...row, id: inserted.identifiers[0]!.id as number });
      }
      await em.insert(ActivityProgressChange, {
        ...row,
        previousStatus,
        changedFields: [...changedFields],
      });
      await audit(em, {
        actor,
        action: 'recordActivityProgress',
        entity: 'activity_progress',
        key: `${activity.planCode}:${activity.number}/${value.targetKey}`,
        before,
        after: next,
      });
      return saved;
    });
  }

  /** Bulk load (demo data, later imports): current rows and their history, in chunks. */
  async insertMany(current: readonly ProgressRowInit[], history: readonly ProgressChangeInit[]): Promise<number> {
    for (let i = 0; i < current.length; i += INSERT_CHUNK) {
      await this.em
        .createQueryBuilder()
        .insert()
        .into(ActivityProgress)
        .values(current.slice(i, i + INSERT_CHUNK))
        .updateEntity(false)
        .execute();
    }
    for (let i = 0; i < history.length; i += INSERT_CHUNK) {
      await this.em
        .createQueryBuilder()
        .insert()
        .into(ActivityProgressChange)
        .values(history.slice(i, i + INSERT_CHUNK))
        .updateEntity(false)
        .execute();
    }
    return current.length + history.length;
  }
}
