import type { EntityManager } from 'typeorm';
import { hydrate } from '../../db/hydrate';
import type { Actor } from '../../graphql/actor';
import { HubError, InputError } from '../../graphql/errors';
import { PaginationErrorCode, toConnection, type Page } from '../../graphql/pagination';
import { School } from '../schools/school.entity';
import { audit } from '../audit/audit';
import { Conditions } from '../shared/sql-conditions';
import { assertAllowed } from '../users/permissions';
import { SelfDiagnosticDirection } from './self-diagnostic-direction.entity';
import { SelfDiagnosticResult, type SelfDiagnosticRound } from './self-diagnostic-result.entity';
import type { SelfDiagnosticFilter } from './self-diagnostics.inputs';
import type { SelfDiagnosticResultConnection } from './self-diagnostics.types';
import { storedTotal, validateSelfDiagnostic, type SelfDiagnosticDraft } from './self-diagnostics.validation';

/** Result columns plus its direction scores as a JSON object, for `hydrateResults`. */
const RESULT_COLUMNS = `r.*,
  (SELECT coalesce(json_object_agg(sc.direction_code, sc.score), '{}') FROM self_diagnostic_score sc
    WHERE sc.school_code = r.school_code AND sc.year = r.year AND sc.round = r.round) AS scores_json`;

const FROM = `FROM self_diagnostic_result r JOIN school s ON s.code = r.school_code`;

const cursorKey = (r: SelfDiagnosticResult) => `${r.year}:${r.round}:${r.schoolCode}`;

function parseCursorKey(key: string): { year: number; round: number; schoolCode: string } {
  const match = /^(\d{4}):(\d):(.+)$/.exec(key);
  if (!match) {
    throw new HubError(
      PaginationErrorCode.BAD_CURSOR,
      'Курсор after не распознан: передайте endCursor из предыдущей страницы',
    );
  }
  return { year: Number(match[1]), round: Number(match[2]), schoolCode: match[3]! };
}

export interface SelfDiagnosticRoundSummary extends SelfDiagnosticRound {
  resultCount: number;
}

/** A result as the audit log keeps it: the figures, not who recorded them (the entry says that). */
function auditRow(r: SelfDiagnosticResult) {
  return { total: r.total, level: r.level, scores: r.scores, isDemo: r.isDemo };
}

/** The one place that reads and writes self-diagnostic results. */
export class SelfDiagnosticsService {
  constructor(private readonly em: EntityManager) {}

  directions(): Promise<SelfDiagnosticDirection[]> {
    return this.em.find(SelfDiagnosticDirection, { order: { position: 'ASC' } });
  }

  /** Rounds, newest first, with how many results each has. */
  async rounds(): Promise<SelfDiagnosticRoundSummary[]> {
    return this.em.query(
      `SELECT d.year, d.round, count(r.school_code)::int AS "resultCount"
         FROM self_diagnostic_round d
         LEFT JOIN self_diagnostic_result r ON r.year = d.year AND r.round = d.round
        GROUP BY d.year, d.round ORDER BY d.year DESC, d.round DESC`,
    );
  }

  private hydrateResults(rows: Record<string, unknown>[]): SelfDiagnosticResult[] {
    const results = hydrate(this.em, SelfDiagnosticResult, rows);
    rows.forEach((row, i) => {
      results[i]!.scores = new Map(Object.entries(row.scores_json as Record<string, number>));
    });
    return results;
  }

  private filtered(filter: SelfDiagnosticFilter | null | undefined): Conditions {
    const c = new Conditions();
    if (!filter) return c;
    if (filter.year !== null && filter.year !== undefined) c.add((p) => `r.year = ${p(filter.year)}`);
    if (filter.round !== null && filter.round !== undefined) c.add((p) => `r.round = ${p(filter.round)}`);
    if (filter.levels) c.add((p) => `r.level::text = ANY(${p(filter.levels)})`);
    if (filter.schoolCodes) c.add((p) => `r.school_code = ANY(${p(filter.schoolCodes)})`);
    if (filter.municipalityCodes) c.add((p) => `s.municipality_code = ANY(${p(filter.municipalityCodes)})`);
    if (filter.clusterCodes) c.add((p) => `s.cluster_code = ANY(${p(filter.clusterCodes)})`);
    if (filter.isDemo !== null && filter.isDemo !== undefined) c.add((p) => `r.is_demo = ${p(filter.isDemo)}`);
    return c;
  }

  /** A page of results: newest round first, then by school code; cursors are stable. */
  async list(filter: SelfDiagnosticFilter | null | undefined, page: Page): Promise<SelfDiagnosticResultConnection> {
    const c = this.filtered(filter);
    if (page.after !== null) {
      const after = parseCursorKey(page.after);
      c.add((p) => {
        const round = `(${p(after.year)}::int, ${p(after.round)}::int)`;
        return `((r.year, r.round) < ${round} OR ((r.year, r.round) = ${round} AND r.school_code > ${p(after.schoolCode)}))`;
      });
    }
    const limit = c.param(page.first + 1);
    const rows: Record<string, unknown>[] =
      page.first === 0
        ? []
        : await this.em.query(
            `SELECT ${RESULT_COLUMNS}, row_to_json(s) AS school_json ${FROM} ${c.where()}
              ORDER BY r.year DESC, r.round DESC, r.school_code LIMIT ${limit}`,
            c.params,
          );
    const results = this.hydrateResults(rows);
    results.forEach((r, i) => {
      r.school = hydrate(this.em, School, [rows[i]!.school_json as Record<string, unknown>])[0];
    });
    return {
      ...toConnection(results, page, cursorKey),
      totalCount: async () => {
        const count = this.filtered(filter);
        const [row] = await this.em.query(`SELECT count(*)::int AS count ${FROM} ${count.where()}`, count.params);
        return (row as { count: number }).count;
      },
    };
  }

  /** Each school's results, newest first, optionally of one year and/or round, in one statement. */
  async bySchools(
    codes: readonly string[],
    year: number | null,
    round: number | null,
  ): Promise<Map<string, SelfDiagnosticResult[]>> {
    const rows: Record<string, unknown>[] = await this.em.query(
      `SELECT ${RESULT_COLUMNS} FROM self_diagnostic_result r
        WHERE r.school_code = ANY($1) AND ($2::int IS NULL OR r.year = $2) AND ($3::int IS NULL OR r.round = $3)
        ORDER BY r.school_code, r.year DESC, r.round DESC`,
      [codes, year, round],
    );
    const bySchool = new Map<string, SelfDiagnosticResult[]>(codes.map((c) => [c, []]));
    for (const r of this.hydrateResults(rows)) bySchool.get(r.schoolCode)?.push(r);
    return bySchool;
  }

  /**
   * Records the result of `schoolCode` in a round, replacing an earlier submission for the
   * same round. All rules are checked first; any problem throws and nothing changes.
   */
  async submit(
    schoolCode: string,
    draft: Omit<SelfDiagnosticDraft, 'schoolCode'>,
    actor: Actor,
  ): Promise<SelfDiagnosticResult> {
    const full: SelfDiagnosticDraft = { ...draft, schoolCode };
    return this.em.transaction(async (em) => {
      const tx = new SelfDiagnosticsService(em);
      // Under row-level security a school out of the caller's scope is not found: the check refuses it.
      const school = await em.findOneBy(School, { code: schoolCode });
      assertAllowed(actor, {
        kind: 'self-diagnostic',
        school: { code: schoolCode, municipalityCode: school?.municipalityCode ?? null },
      });
      const directions = await tx.directions();
      const problems = validateSelfDiagnostic(full, { directions, schoolExists: school !== null });
      if (problems.length > 0) throw new InputError(problems[0]!.code, problems);

      const before = (await tx.bySchools([schoolCode], full.year, full.round)).get(schoolCode)![0];
      const key = [schoolCode, full.year, full.round];
      await em.query(`INSERT INTO self_diagnostic_round (year, round) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        full.year,
        full.round,
      ]);
      await em.query(
        `INSERT INTO self_diagnostic_result (school_code, year, round, total, level, is_demo, recorded_by,
                recorded_by_user_id, recorded_at)
         VALUES ($1, $2, $3, $4, $5, false, $6, $7, now())
         ON CONFLICT (school_code, year, round) DO UPDATE SET
           total = EXCLUDED.total, level = EXCLUDED.level, is_demo = false, recorded_by = EXCLUDED.recorded_by,
           recorded_by_user_id = EXCLUDED.recorded_by_user_id, recorded_at = now()`,
        [...key, storedTotal(full, directions), full.level, actor.displayName, actor.userId],
      );
      await em.query(`DELETE FROM self_diagnostic_score WHERE school_code = $1 AND year = $2 AND round = $3`, key);
      const scores = full.scores ?? [];
      if (scores.length > 0) {
        await em.query(
          `INSERT INTO self_diagnostic_score (school_code, year, round, direction_code, score)
           SELECT $1, $2, $3, d, s FROM unnest($4::text[], $5::int[]) AS t(d, s)`,
          [...key, scores.map((s) => s.directionCode), scores.map((s) => s.score)],
        );
      }
      const saved = (await tx.bySchools([schoolCode], full.year, full.round)).get(schoolCode)![0]!;
      await audit(em, {
        actor,
        action: 'submitSelfDiagnostic',
        entity: 'self_diagnostic_result',
        key: `${schoolCode}/${full.year}/${full.round}`,
        before: before && auditRow(before),
        after: auditRow(saved),
      });
      saved.school = school!;
      return saved;
    });
  }
}
