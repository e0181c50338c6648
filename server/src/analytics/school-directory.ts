import type { DataSource } from 'typeorm';

/** What grouping needs of a school: where it belongs and what it is called. */
export interface DirectorySchool {
  code: string;
  municipalityCode: string;
  clusterCode: string | null;
  isDemo: boolean;
  label: string;
}

export interface DirectoryGroup {
  key: string;
  label: string;
}

/**
 * The schools, municipalities and clusters as one snapshot, held in memory so
 * that a grouping is a pass over arrays instead of a join. Schools are in code
 * order and each has a position: facts are kept in arrays by that position.
 */
export class SchoolDirectory {
  readonly index: ReadonlyMap<string, number>;

  constructor(
    readonly schools: readonly DirectorySchool[],
    /** In the region's order (sort order). */
    readonly municipalities: readonly DirectoryGroup[],
    /** In the clusters' order (position). */
    readonly clusters: readonly DirectoryGroup[],
  ) {
    this.index = new Map(schools.map((s, i) => [s.code, i]));
  }

  /** Same schools in the same positions: facts held by position stay valid. */
  samePositions(other: SchoolDirectory): boolean {
    return (
      this.schools.length === other.schools.length && this.schools.every((s, i) => other.schools[i]!.code === s.code)
    );
  }

  static async load(dataSource: DataSource): Promise<SchoolDirectory> {
    // One snapshot for the three lists: a school never points at a municipality the lists lack.
    return dataSource.transaction('REPEATABLE READ', async (em) => {
      const schools: DirectorySchool[] = await em.query(
        `SELECT code, municipality_code AS "municipalityCode", cluster_code AS "clusterCode", is_demo AS "isDemo",
                coalesce(short_name, full_name) AS label
           FROM school ORDER BY code COLLATE "C"`,
      );
      const municipalities: DirectoryGroup[] = await em.query(
        `SELECT code AS key, name AS label FROM municipality ORDER BY sort_order, code`,
      );
      const clusters: DirectoryGroup[] = await em.query(
        `SELECT code AS key, short_name || ' · ' || name AS label FROM cluster ORDER BY position, code`,
      );
      return new SchoolDirectory(schools, municipalities, clusters);
    });
  }
}
