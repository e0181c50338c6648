import type { EntityManager } from 'typeorm';
import { hydrate } from '../../db/hydrate';
import type { Actor } from '../../graphql/actor';
import { HubError, InputError } from '../../graphql/errors';
import { PaginationErrorCode, toConnection, type Page } from '../../graphql/pagination';
import { School } from '../schools/school.entity';
import { VsokoCampaignsService } from './vsoko-campaigns.service';
import { VsokoEvaluation } from './vsoko-evaluation.entity';
import {
  changedVsokoParts,
  mergeVsokoEvaluation,
  realRecord,
  vsokoKey,
  type StoredVsokoEvaluation,
  type VsokoEvaluationRecord,
} from './vsoko-merge';
import type { VsokoEvaluationFilter } from './vsoko.inputs';
import type { VsokoEvaluationConnection } from './vsoko.types';
import { audit } from '../audit/audit';
import { Conditions } from '../shared/sql-conditions';
import { assertAllowed } from '../users/permissions';
import { validateVsokoEvaluation, type VsokoEvaluationDraft } from './vsoko.validation';
import { addSchoolSetConditions } from '../shared/school-set-filter';

/** Evaluation columns plus its scores and links as JSON objects, for `hydrateEvaluations`. */
const EVALUATION_COLUMNS = `e.*,
  (SELECT coalesce(json_object_agg(bs.block_number, bs.score), '{}') FROM vsoko_block_score bs
    WHERE bs.school_code = e.school_code AND bs.campaign_year = e.campaign_year) AS scores_json,
  (SELECT coalesce(json_object_agg(dl.document_code, dl.url), '{}') FROM vsoko_document_link dl
    WHERE dl.school_code = e.school_code AND dl.campaign_year = e.campaign_year) AS links_json`;

const cursorKey = (e: VsokoEvaluation) => `${e.campaignYear}:${e.schoolCode}`;

function parseCursorKey(key: string): { year: number; schoolCode: string } {
  const match = /^(\d{4}):(.+)$/.exec(key);
  if (!match) {
    throw new HubError(
      PaginationErrorCode.BAD_CURSOR,
      'Курсор after не распознан: передайте endCursor из предыдущей страницы',
    );
  }
  return { year: Number(match[1]), schoolCode: match[2]! };
}

/** Who a write records: a caller (`ctx.actor`) or the user an import acts for. */
export type Recorder = Pick<Actor, 'userId' | 'displayName'>;

/** The one place that reads and writes ВСОКО evaluations. */
export class VsokoEvaluationsService {
  constructor(private readonly em: EntityManager) {}

  private hydrateEvaluations(rows: Record<string, unknown>[]): VsokoEvaluation[] {
    const evaluations = hydrate(this.em, VsokoEvaluation, rows);
    rows.forEach((row, i) => {
      const e = evaluations[i]!;
      const scores = row.scores_json as Record<string, number>;
      e.scores = new Map(Object.entries(scores).map(([n, s]) => [Number(n), s]));
      e.links = new Map(Object.entries(row.links_json as Record<string, string>));
    });
    return evaluations;
  }

  private filtered(filter: VsokoEvaluationFilter | null | undefined): Conditions {
    const c = new Conditions();
    if (!filter) return c;
    if (filter.year !== null && filter.year !== undefined) c.add((p) => `e.campaign_year = ${p(filter.year)}`);
    if (filter.zones) c.add((p) => `o.zone::text = ANY(${p(filter.zones)})`);
    if (filter.riskyBlocks) c.add((p) => `o.risky_blocks && ${p(filter.riskyBlocks)}::int[]`);
    addSchoolSetConditions(c, filter, 'e');
    return c;
  }

  private static readonly FROM = `FROM vsoko_evaluation e
    JOIN vsoko_evaluation_outcome o ON o.school_code = e.school_code AND o.campaign_year = e.campaign_year
    JOIN school s ON s.code = e.school_code`;

  /** A page of evaluations, newest campaign first, then by school code; cursors are stable. */
  async list(filter: VsokoEvaluationFilter | null | undefined, page: Page): Promise<VsokoEvaluationConnection> {
    const c = this.filtered(filter);
    if (page.after !== null) {
      const after = parseCursorKey(page.after);
      c.add(
        (p) =>
          `(e.campaign_year < ${p(after.year)} OR (e.campaign_year = ${p(after.year)} AND e.school_code > ${p(after.schoolCode)}))`,
      );
    }
    const limit = c.param(page.first + 1);
    const rows: Record<string, unknown>[] =
      page.first === 0
        ? []
        : await this.em.query(
            `SELECT ${EVALUATION_COLUMNS}, row_to_json(s) AS school_json ${VsokoEvaluationsService.FROM}
              ${c.where()} ORDER BY e.campaign_year DESC, e.school_code LIMIT ${limit}`,
            c.params,
          );
    const evaluations = this.hydrateEvaluations(rows);
    evaluations.forEach((e, i) => {
      e.school = hydrate(this.em, School, [rows[i]!.school_json as Record<string, unknown>])[0];
    });
    return {
      ...toConnection(evaluations, page, cursorKey),
      totalCount: async () => {
        const count = this.filtered(filter);
        const [row] = await this.em.query(
          `SELECT count(*)::int AS count ${VsokoEvaluationsService.FROM} ${count.where()}`,
          count.params,
        );
        return (row as { count: number }).count;
      },
    };
  }

  /** Each school's evaluation of `year`, or its latest when `year` is null, in one statement. */
  async bySchools(codes: readonly string[], year: number | null): Promise<Map<string, VsokoEvaluation>> {
    const rows: Record<string, unknown>[] = await this.em.query(
      `SELECT DISTINCT ON (e.school_code) ${EVALUATION_COLUMNS}
         FROM vsoko_evaluation e
        WHERE e.school_code = ANY($1) AND ($2::int IS NULL OR e.campaign_year = $2)
        ORDER BY e.school_code, e.campaign_year DESC`,
      [codes, year],
    );
    return new Map(this.hydrateEvaluations(rows).map((e) => [e.schoolCode, e]));
  }

  /** Every evaluation of each school, newest first, in one statement. */
  async historyBySchools(codes: readonly string[]): Promise<Map<string, VsokoEvaluation[]>> {
    const rows: Record<string, unknown>[] = await this.em.query(
      `SELECT ${EVALUATION_COLUMNS} FROM vsoko_evaluation e
        WHERE e.school_code = ANY($1) ORDER BY e.school_code, e.campaign_year DESC`,
      [codes],
    );
    const bySchool = new Map<string, VsokoEvaluation[]>(codes.map((c) => [c, []]));
    for (const e of this.hydrateEvaluations(rows)) bySchool.get(e.schoolCode)?.push(e);
    return bySchool;
  }

  /**
   * The stored evaluations of the given schools and campaigns, demo ones included, locked
   * until the transaction ends; keyed by `vsokoKey`, in one statement.
   */
  async storedMany(keys: readonly { schoolCode: string; year: number }[]): Promise<Map<string, StoredVsokoEvaluation>> {
    if (keys.length === 0) return new Map();
    const rows: Record<string, unknown>[] = await this.em.query(
      `SELECT ${EVALUATION_COLUMNS} FROM vsoko_evaluation e
        WHERE (e.school_code, e.campaign_year) IN (SELECT * FROM unnest($1::text[], $2::int[]))
          FOR UPDATE OF e`,
      [keys.map((k) => k.schoolCode), keys.map((k) => k.year)],
    );
    return new Map(
      this.hydrateEvaluations(rows).map((e) => [
        vsokoKey(e.schoolCode, e.campaignYear),
        { isDemo: e.isDemo, record: { ...e, year: e.campaignYear } },
      ]),
    );
  }

  /**
   * Records (inserts or updates) the evaluation of `schoolCode` in the campaign of
   * `draft.year`. Who may change which parts is checked first, then every rule;
   * any refusal throws and nothing changes. The change is audited.
   */
  async record(
    schoolCode: string,
    draft: Omit<VsokoEvaluationDraft, 'schoolCode'>,
    actor: Actor,
  ): Promise<VsokoEvaluation> {
    const full: VsokoEvaluationDraft = { ...draft, schoolCode };
    return this.em.transaction(async (em) => {
      const tx = new VsokoEvaluationsService(em);
      const campaigns = new VsokoCampaignsService(em);
      // Under row-level security a school out of the caller's scope is not found: the check refuses it.
      const school = await em.findOneBy(School, { code: schoolCode });
      const stored = school
        ? ((await tx.storedMany([{ schoolCode, year: full.year }])).get(vsokoKey(schoolCode, full.year)) ?? null)
        : null;
      assertAllowed(actor, {
        kind: 'vsoko-evaluation',
        school: { code: schoolCode, municipalityCode: school?.municipalityCode ?? null },
        parts: changedVsokoParts(stored?.record ?? null, full),
      });
      const rules = (await campaigns.rules([full.year])).get(full.year) ?? null;
      const problems = validateVsokoEvaluation(full, {
        campaign: rules,
        campaignYears: rules ? [] : await campaigns.years(),
        schoolExists: school !== null,
        inSample: rules !== null && school !== null && (await campaigns.isInSample(full.year, schoolCode)),
      });
      if (problems.length > 0) throw new InputError(problems[0]!.code, problems);

      // A real record over a demo one starts afresh: no demo expert, passport or link survives in it.
      const record = mergeVsokoEvaluation(realRecord(stored), full);
      await tx.write([record], actor);
      await audit(em, {
        actor,
        action: 'recordVsokoEvaluation',
        entity: 'vsoko_evaluation',
        key: `${schoolCode}/${full.year}`,
        before: stored ? { ...stored.record, isDemo: stored.isDemo } : null,
        after: { ...record, isDemo: false },
      });
      const saved = (await tx.bySchools([schoolCode], full.year)).get(schoolCode)!;
      saved.school = school!;
      return saved;
    });
  }

  /**
   * Writes whole evaluations (as `mergeVsokoEvaluation` made them), real, recorded by `by`
   * now: a constant number of statements however many. The one write path of the
   * evaluation tables: `recordVsokoEvaluation` and the `vsoko-evaluations` import use it.
   */
  async write(records: readonly VsokoEvaluationRecord[], by: Recorder): Promise<void> {
    if (records.length === 0) return;
    const rows = records.map((r) => ({
      school_code: r.schoolCode,
      campaign_year: r.year,
      expert: r.expert,
      management_positions: r.managementPositions,
      teacher_count: r.teacherCount,
      student_count: r.studentCount,
    }));
    await this.em.query(
      `INSERT INTO vsoko_evaluation AS e (school_code, campaign_year, expert, management_positions, teacher_count,
              student_count, is_demo, recorded_by, recorded_by_user_id, recorded_at)
       SELECT x.school_code, x.campaign_year, x.expert, x.management_positions, x.teacher_count, x.student_count,
              false, $2, $3, now()
         FROM jsonb_to_recordset($1::jsonb) AS x(school_code text, campaign_year int, expert text,
              management_positions text[], teacher_count int, student_count int)
       ON CONFLICT (school_code, campaign_year) DO UPDATE SET
         expert = EXCLUDED.expert, management_positions = EXCLUDED.management_positions,
         teacher_count = EXCLUDED.teacher_count, student_count = EXCLUDED.student_count, is_demo = false,
         recorded_by = EXCLUDED.recorded_by, recorded_by_user_id = EXCLUDED.recorded_by_user_id, recorded_at = now()`,
      [JSON.stringify(rows), by.displayName, by.userId],
    );
    const keys = [records.map((r) => r.schoolCode), records.map((r) => r.year)];
    for (const table of ['vsoko_block_score', 'vsoko_document_link']) {
      await this.em.query(
        `DELETE FROM ${table} t USING unnest($1::text[], $2::int[]) AS k(school_code, campaign_year)
          WHERE t.school_code = k.school_code AND t.campaign_year = k.campaign_year`,
        keys,
      );
    }
    const scores = records.flatMap((r) =>
      [...r.scores].map(([number, score]) => [r.schoolCode, r.year, number, score]),
    );
    await this.em.query(
      `INSERT INTO vsoko_block_score (school_code, campaign_year, block_number, score)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[])`,
      [0, 1, 2, 3].map((i) => scores.map((s) => s[i])),
    );
    const links = records.flatMap((r) => [...r.links].map(([code, url]) => [r.schoolCode, r.year, code, url]));
    if (links.length > 0) {
      await this.em.query(
        `INSERT INTO vsoko_document_link (school_code, campaign_year, document_code, url)
         SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[])`,
        [0, 1, 2, 3].map((i) => links.map((l) => l[i])),
      );
    }
  }
}
