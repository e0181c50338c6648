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
import {
  selfDiagnosticKey,
  selfDiagnosticRecord,
  type SelfDiagnosticRecord,
  type StoredSelfDiagnostic,
} from './self-diagnostic-record';
import { validateSelfDiagnostic, type SelfDiagnosticDraft } from './self-diagnostics.validation';
import { addSchoolSetConditions } from '../shared/school-set-filter';

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

/** Who a write records: a caller (`ctx.actor`) or the user an import acts for. */
export type Recorder = Pick<Actor, 'userId' | 'displayName'>;

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
    addSchoolSetConditions(c, filter, 'r');
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
   * The stored results of the given keys, demo ones included, locked until the transaction
   * ends; keyed by `selfDiagnosticKey`, in one statement.
   */
  async storedMany(
    keys: readonly { schoolCode: string; year: number; round: number }[],
  ): Promise<Map<string, StoredSelfDiagnostic>> {
    if (keys.length === 0) return new Map();
    const rows: Record<string, unknown>[] = await this.em.query(
      `SELECT ${RESULT_COLUMNS} FROM self_diagnostic_result r
        WHERE (r.school_code, r.year, r.round) IN (SELECT * FROM unnest($1::text[], $2::int[], $3::int[]))
          FOR UPDATE OF r`,
      [keys.map((k) => k.schoolCode), keys.map((k) => k.year), keys.map((k) => k.round)],
    );
    return new Map(
      this.hydrateResults(rows).map((r) => [
        selfDiagnosticKey(r.schoolCode, r.year, r.round),
        {
          isDemo: r.isDemo,
          record: {
            schoolCode: r.schoolCode,
            year: r.year,
            round: r.round,
            total: r.total,
            level: r.level,
            scores: r.scores,
          },
        },
      ]),
    );
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
      await tx.write([selfDiagnosticRecord(full, directions)], actor);
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

  /**
   * Writes whole results (each replaces the stored one of its school, year and round), real,
   * recorded by `by` now: a constant number of statements however many. The one write path
   * of the result tables: `submitSelfDiagnostic` and the `self-diagnostics` import use it.
   */
  async write(records: readonly SelfDiagnosticRecord[], by: Recorder): Promise<void> {
    if (records.length === 0) return;
    const column = <T>(get: (r: SelfDiagnosticRecord) => T) => records.map(get);
    const keys = [column((r) => r.schoolCode), column((r) => r.year), column((r) => r.round)];
    await this.em.query(
      `INSERT INTO self_diagnostic_round (year, round)
       SELECT DISTINCT * FROM unnest($1::int[], $2::int[]) ON CONFLICT DO NOTHING`,
      [keys[1], keys[2]],
    );
    await this.em.query(
      `INSERT INTO self_diagnostic_result (school_code, year, round, total, level, is_demo, recorded_by,
              recorded_by_user_id, recorded_at)
       SELECT s, y, r, t, l::self_diagnostic_level, false, $6, $7, now()
         FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::text[]) AS x(s, y, r, t, l)
       ON CONFLICT (school_code, year, round) DO UPDATE SET
         total = EXCLUDED.total, level = EXCLUDED.level, is_demo = false, recorded_by = EXCLUDED.recorded_by,
         recorded_by_user_id = EXCLUDED.recorded_by_user_id, recorded_at = now()`,
      [...keys, column((r) => r.total), column((r) => r.level), by.displayName, by.userId],
    );
    await this.em.query(
      `DELETE FROM self_diagnostic_score sc USING unnest($1::text[], $2::int[], $3::int[]) AS k(s, y, r)
        WHERE sc.school_code = k.s AND sc.year = k.y AND sc.round = k.r`,
      keys,
    );
    const scores = records.flatMap((r) => [...r.scores].map(([code, score]) => ({ r, code, score })));
    if (scores.length > 0) {
      await this.em.query(
        `INSERT INTO self_diagnostic_score (school_code, year, round, direction_code, score)
         SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::int[])`,
        [
          scores.map((s) => s.r.schoolCode),
          scores.map((s) => s.r.year),
          scores.map((s) => s.r.round),
          scores.map((s) => s.code),
          scores.map((s) => s.score),
        ],
      );
    }
  }
}
