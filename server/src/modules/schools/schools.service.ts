import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { hydrate } from '../../db/hydrate';
import { toConnection, type Page } from '../../graphql/pagination';
import type { SchoolConnection } from './school-connection';
import { School } from './school.entity';
import type { SchoolFilter } from './schools.inputs';

/** Lower case and ё → е, the same on both sides of a name search. */
const FOLD = (sql: string) => `translate(lower(${sql}), 'ё', 'е')`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export class SchoolsService {
  constructor(private readonly em: EntityManager) {}

  byCode(code: string): Promise<School | null> {
    return this.em.findOneBy(School, { code });
  }

  byCodes(codes: readonly string[]): Promise<School[]> {
    return this.em.findBy(School, { code: In([...codes]) });
  }

  private filtered(filter: SchoolFilter | null | undefined): SelectQueryBuilder<School> {
    const qb = this.em.createQueryBuilder(School, 's');
    if (!filter) return qb;
    if (filter.municipalityCodes)
      qb.andWhere('s.municipality_code = ANY(:municipalities)', { municipalities: filter.municipalityCodes });
    if (filter.clusterCodes) qb.andWhere('s.cluster_code = ANY(:clusters)', { clusters: filter.clusterCodes });
    if (filter.types) qb.andWhere('s.type = ANY(:types)', { types: filter.types });
    if (filter.isDemo !== null && filter.isDemo !== undefined)
      qb.andWhere('s.is_demo = :isDemo', { isDemo: filter.isDemo });
    const search = filter.search?.trim();
    if (search) {
      const pattern = `%${escapeLike(search.toLowerCase().replace(/ё/g, 'е'))}%`;
      qb.andWhere(
        `(${FOLD('s.full_name')} LIKE :pattern OR ${FOLD("coalesce(s.short_name, '')")} LIKE :pattern OR lower(s.code) LIKE :pattern)`,
        { pattern },
      );
    }
    return qb;
  }

  /** A page of schools in code order; cursors carry the code, so pages are stable. */
  async list(filter: SchoolFilter | null | undefined, page: Page): Promise<SchoolConnection> {
    const qb = this.filtered(filter)
      .orderBy('s.code', 'ASC')
      .limit(page.first + 1);
    if (page.after !== null) qb.andWhere('s.code > :after', { after: page.after });
    const rows = page.first === 0 ? [] : await qb.getMany();
    return {
      ...toConnection(rows, page, (s) => s.code),
      totalCount: () => this.filtered(filter).getCount(),
    };
  }

  /**
   * Pages of several municipalities' schools in one statement
   * (`Municipality.schools` over a list of municipalities).
   */
  async pagesByMunicipality(codes: readonly string[], page: Page): Promise<Map<string, School[]>> {
    const rows: Record<string, unknown>[] = await this.em.query(
      `SELECT * FROM (
         SELECT s.*, row_number() OVER (PARTITION BY s.municipality_code ORDER BY s.code) AS rn
           FROM school s
          WHERE s.municipality_code = ANY($1) AND ($2::text IS NULL OR s.code > $2)
       ) ranked
       WHERE rn <= $3
       ORDER BY code`,
      [codes, page.after, page.first + 1],
    );
    const byMunicipality = new Map<string, School[]>(codes.map((c) => [c, []]));
    for (const school of hydrate(this.em, School, rows)) byMunicipality.get(school.municipalityCode)?.push(school);
    return byMunicipality;
  }

  /** School counts per value of a grouping column, for the given keys. */
  async countBy(column: 'municipality_code' | 'cluster_code', keys: readonly string[]): Promise<Map<string, number>> {
    const rows: { key: string; count: number }[] = await this.em.query(
      `SELECT ${column} AS key, count(*)::int AS count FROM school WHERE ${column} = ANY($1) GROUP BY ${column}`,
      [keys],
    );
    return new Map(rows.map((r) => [r.key, r.count]));
  }
}
