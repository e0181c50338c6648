import { In, type EntityManager } from 'typeorm';
import { hydrate } from '../../db/hydrate';
import type { Actor } from '../../graphql/actor';
import { InputError } from '../../graphql/errors';
import { audit } from '../audit/audit';
import { School } from '../schools/school.entity';
import { assertAllowed } from '../users/permissions';
import { ShnorListing, type ShnorCategory, type ShnorProgrammeStatus } from './shnor-listing.entity';
import { validateShnorListing, type ShnorListingDraft } from './shnor-validation';

/** A whole listing, as the bulk write takes it. */
export interface ShnorListingRow {
  schoolCode: string;
  year: number;
  category: ShnorCategory;
  curator: string | null;
  programmeStatus: ShnorProgrammeStatus;
}

/** A listing as the audit log keeps it. */
function auditRow(l: ShnorListing) {
  return { category: l.category, curator: l.curator, programmeStatus: l.programmeStatus, isDemo: l.isDemo };
}

/** Every write of the ШНОР list goes through here (the mutation now, the `shnor-list` import later). */
export class ShnorService {
  constructor(private readonly em: EntityManager) {}

  listings(year: number | null): Promise<ShnorListing[]> {
    return this.em.find(ShnorListing, {
      where: year === null ? {} : { year },
      order: { year: 'ASC', schoolCode: 'ASC' },
    });
  }

  /** Listings of several schools in one statement: of a year, or each school's latest when year is null. */
  async bySchools(codes: readonly string[], year: number | null): Promise<Map<string, ShnorListing>> {
    const rows: Record<string, unknown>[] =
      year === null
        ? await this.em.query(
            `SELECT DISTINCT ON (school_code) * FROM shnor_listing WHERE school_code = ANY($1::text[])
              ORDER BY school_code, year DESC`,
            [codes],
          )
        : await this.em.query(`SELECT * FROM shnor_listing WHERE school_code = ANY($1::text[]) AND year = $2`, [
            codes,
            year,
          ]);
    return new Map(hydrate(this.em, ShnorListing, rows).map((l) => [l.schoolCode, l]));
  }

  /** The listings of several schools in the given years, in one statement. */
  inYears(codes: readonly string[], years: readonly number[]): Promise<ShnorListing[]> {
    return this.em.find(ShnorListing, {
      where: { schoolCode: In([...codes]), year: In([...years]) },
      order: { schoolCode: 'ASC', year: 'ASC' },
    });
  }

  /**
   * Puts a school on the list of a year (or updates its listing), or takes it off when no
   * category is given (returns null). Only the region admin may (checked first). A listing of
   * a demo school is demo data. Unchanged input changes nothing; a change is audited.
   */
  setListing(draft: ShnorListingDraft, actor: Actor): Promise<ShnorListing | null> {
    return this.em.transaction(async (em) => {
      const schoolCode = draft.schoolCode.trim();
      const school = await em.findOneBy(School, { code: schoolCode });
      assertAllowed(actor, {
        kind: 'shnor-listing',
        school: { code: schoolCode, municipalityCode: school?.municipalityCode ?? null },
      });
      const { value, problems } = validateShnorListing(draft, { schoolExists: school !== null });
      if (!value || !school) throw new InputError(problems[0]!.code, problems);
      const before = await em.findOneBy(ShnorListing, { schoolCode: value.schoolCode, year: value.year });
      const change = (after: ShnorListing | null) =>
        audit(em, {
          actor,
          action: 'setShnorListing',
          entity: 'shnor_listing',
          key: `${value.schoolCode}/${value.year}`,
          before: before && auditRow(before),
          after: after && auditRow(after),
        });
      if (value.category === null) {
        if (before) {
          await em.delete(ShnorListing, { schoolCode: value.schoolCode, year: value.year });
          await change(null);
        }
        return null;
      }
      const rows: Record<string, unknown>[] = await em.query(
        `INSERT INTO shnor_listing AS l
                (school_code, year, category, curator, programme_status, is_demo, updated_by, updated_by_user_id)
         VALUES ($1, $2, $3, $4, coalesce($5::shnor_programme_status, 'draft'), $6, $7, $8)
         ON CONFLICT (school_code, year) DO UPDATE SET
                category = excluded.category,
                curator = CASE WHEN $9 THEN l.curator ELSE excluded.curator END,
                programme_status = coalesce($5::shnor_programme_status, l.programme_status),
                is_demo = excluded.is_demo, updated_by = excluded.updated_by,
                updated_by_user_id = excluded.updated_by_user_id, updated_at = now()
          WHERE (l.category, l.curator, l.programme_status, l.is_demo) IS DISTINCT FROM
                (excluded.category, CASE WHEN $9 THEN l.curator ELSE excluded.curator END,
                 coalesce($5::shnor_programme_status, l.programme_status), excluded.is_demo)
         RETURNING *`,
        [
          value.schoolCode,
          value.year,
          value.category,
          value.curator ?? null,
          value.programmeStatus ?? null,
          school.isDemo,
          actor.displayName,
          actor.userId,
          value.curator === undefined,
        ],
      );
      if (rows.length === 0) return before!;
      const saved = hydrate(em, ShnorListing, rows)[0]!;
      await change(saved);
      return saved;
    });
  }

  /**
   * Whole listings in bulk (the `shnor-list` import, the demo seed), upserted by school + year;
   * rows already stored exactly so are left alone, so a second import changes nothing.
   */
  async upsertListings(
    rows: readonly ShnorListingRow[],
    actor: Actor,
    options: { isDemo?: boolean } = {},
  ): Promise<{ inserted: number; updated: number; unchanged: number }> {
    if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
    const written: { inserted: boolean }[] = await this.em.query(
      `INSERT INTO shnor_listing AS l
              (school_code, year, category, curator, programme_status, is_demo, updated_by, updated_by_user_id)
       SELECT u.school_code, u.year, u.category, u.curator, u.programme_status, $6, $7, $8
         FROM unnest($1::text[], $2::int[], $3::shnor_category[], $4::text[], $5::shnor_programme_status[])
           AS u(school_code, year, category, curator, programme_status)
       ON CONFLICT (school_code, year) DO UPDATE SET
              category = excluded.category, curator = excluded.curator, programme_status = excluded.programme_status,
              is_demo = excluded.is_demo, updated_by = excluded.updated_by,
              updated_by_user_id = excluded.updated_by_user_id, updated_at = now()
        WHERE (l.category, l.curator, l.programme_status, l.is_demo) IS DISTINCT FROM
              (excluded.category, excluded.curator, excluded.programme_status, excluded.is_demo)
       RETURNING (xmax = 0) AS inserted`,
      [
        rows.map((r) => r.schoolCode),
        rows.map((r) => r.year),
        rows.map((r) => r.category),
        rows.map((r) => r.curator),
        rows.map((r) => r.programmeStatus),
        options.isDemo ?? false,
        actor.displayName,
        actor.userId,
      ],
    );
    const inserted = written.filter((w) => w.inserted).length;
    return { inserted, updated: written.length - inserted, unchanged: rows.length - written.length };
  }
}
