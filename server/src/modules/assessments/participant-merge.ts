import type { PoolClient } from 'pg';
import type { EntityManager, QueryRunner } from 'typeorm';
import type { ChunkedMerge, MergeCounts } from '../imports/import-kind';
import { hashJoinsForLargeTables, plannerDefaults } from './planner-hints';
import { recomputeSchoolResults, SAME_KEY } from './school-result-derivation';

/** School-level keys of the file's rows so far. */
const FILE_KEYS = 'import_file_keys';
/** Those first met in the current step (their demo rows go before the step writes). */
const NEW_KEYS = 'import_new_keys';
/** Keys that updated rows left (another school or grade): derived again, and maybe emptied. */
const LEFT_KEYS = 'import_left_keys';
const MATCHED = 'import_matched_rows';
const TOUCHED = 'import_touched_keys';
const EMPTIED = 'import_emptied_keys';

const KEY = 'school_code, procedure_code, year, subject_code, grade';
const VALUES =
  'participant_code, procedure_code, year, subject_code, school_code, grade, primary_score, test_score, mark';
const PK = (a: string, b: string) =>
  `(${a}.participant_code, ${a}.procedure_code, ${a}.year, ${a}.subject_code) = ` +
  `(${b}.participant_code, ${b}.procedure_code, ${b}.year, ${b}.subject_code)`;

const UNIQUE_VIOLATION = '23505';

/**
 * Real participant rows an import staged (columns named as in `participant_result`), written by
 * participant code + procedure + year + subject; then the school-level results of every key the
 * file touches (and of keys participants moved away from) are derived again, set-wise, in the
 * same transaction. Demo participant rows of the file's keys go: a real file's figures are not
 * to be mixed with generated ones. The table lock keeps other writers of participant rows out
 * meanwhile (readers are not blocked).
 *
 * A file of new rows (the common large case) is written chunk by chunk as it is read, each chunk
 * by one plain INSERT under a savepoint. A chunk with a row that exists already (or repeats a key
 * of the file) fails on the primary key and is rolled back to the savepoint; from there on the
 * rest of the file is written at the end by one join with the stored rows, which updates changed
 * rows, leaves equal ones untouched and inserts the others (an INSERT … ON CONFLICT costs a third
 * more per row). Repeats within the file are the import's to find before anything is kept.
 */
export class ParticipantMerge implements ChunkedMerge {
  private inserted = 0;

  private constructor(
    private readonly em: EntityManager,
    private readonly runner: QueryRunner,
  ) {}

  static async open(em: EntityManager): Promise<ParticipantMerge> {
    const runner = em.queryRunner;
    if (!runner) throw new Error('The participant merge runs inside the import’s transaction');
    await em.query(`LOCK TABLE participant_result IN SHARE ROW EXCLUSIVE MODE`);
    for (const table of [FILE_KEYS, NEW_KEYS, LEFT_KEYS]) {
      await em.query(
        `CREATE TEMP TABLE ${table} (school_code text, procedure_code text, year integer, subject_code text,
                                     grade integer) ON COMMIT DROP`,
      );
    }
    return new ParticipantMerge(em, runner);
  }

  private async affected(sql: string): Promise<number> {
    return (await this.runner.query(sql, [], true)).affected ?? 0;
  }

  /** Keys of `table` not met before: recorded, and their demo participant rows removed. */
  private async takeNewKeys(table: string): Promise<void> {
    await this.em.query(`DELETE FROM ${NEW_KEYS}`);
    const fresh = await this.affected(
      `INSERT INTO ${NEW_KEYS} SELECT ${KEY} FROM ${table} EXCEPT SELECT ${KEY} FROM ${FILE_KEYS}`,
    );
    if (fresh === 0) return;
    await this.em.query(`INSERT INTO ${FILE_KEYS} SELECT * FROM ${NEW_KEYS}`);
    const large = await hashJoinsForLargeTables(this.em, NEW_KEYS);
    await this.em.query(
      `DELETE FROM participant_result p
        WHERE p.is_demo AND EXISTS (SELECT 1 FROM ${NEW_KEYS} k WHERE ${SAME_KEY('p', 'k')})`,
    );
    if (large) await plannerDefaults(this.em);
  }

  async chunk(table: string): Promise<boolean> {
    await this.takeNewKeys(table);
    // On the driver's client: a refused chunk is expected here, not an error for the query log.
    const client = (await this.runner.connect()) as PoolClient;
    await client.query(`SAVEPOINT import_chunk`);
    try {
      // In the order of the (school, year) index: its insertions then land next to each other.
      const written = await client.query(
        `INSERT INTO participant_result (${VALUES}, is_demo)
         SELECT ${VALUES}, false FROM ${table} ORDER BY school_code, year`,
      );
      this.inserted += written.rowCount ?? 0;
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      await client.query(`ROLLBACK TO SAVEPOINT import_chunk`);
      await client.query(`RELEASE SAVEPOINT import_chunk`);
      return false;
    }
    await client.query(`RELEASE SAVEPOINT import_chunk`);
    return true;
  }

  async finish(rest: string | null): Promise<MergeCounts> {
    const updated = rest === null ? 0 : await this.writeRest(rest);
    await this.em.query(
      `CREATE TEMP TABLE ${TOUCHED} ON COMMIT DROP AS SELECT * FROM ${FILE_KEYS} UNION SELECT * FROM ${LEFT_KEYS}`,
    );
    await this.em.query(`ANALYZE ${TOUCHED}`);
    // A key of the file keeps at least that row: only keys rows left can have been emptied.
    await this.em.query(
      `CREATE TEMP TABLE ${EMPTIED} ON COMMIT DROP AS SELECT * FROM ${LEFT_KEYS} EXCEPT SELECT * FROM ${FILE_KEYS}`,
    );
    await recomputeSchoolResults(this.em, { keysTable: TOUCHED, emptiedKeysTable: EMPTIED });
    return { inserted: this.inserted, updated };
  }

  /**
   * The staged rows no chunk wrote: one join of them with the stored rows says which lines
   * exist and which of them change; the keys changed rows leave are derived again too.
   */
  private async writeRest(rest: string): Promise<number> {
    await this.takeNewKeys(rest);
    const large = await hashJoinsForLargeTables(this.em, rest);
    await this.em.query(
      `CREATE TEMP TABLE ${MATCHED} ON COMMIT DROP AS
       SELECT s.line, p.ctid AS stored, p.school_code AS old_school_code, p.grade AS old_grade,
              (p.school_code, p.grade, p.primary_score, p.test_score, p.mark, p.is_demo)
                IS DISTINCT FROM (s.school_code, s.grade, s.primary_score, s.test_score, s.mark, false) AS changed
         FROM ${rest} s JOIN participant_result p ON ${PK('p', 's')}`,
    );
    await this.em.query(
      `INSERT INTO ${LEFT_KEYS}
       SELECT DISTINCT m.old_school_code, s.procedure_code, s.year, s.subject_code, m.old_grade
         FROM ${MATCHED} m JOIN ${rest} s ON s.line = m.line
        WHERE m.changed AND (m.old_school_code, m.old_grade) IS DISTINCT FROM (s.school_code, s.grade)`,
    );
    const updated = await this.affected(
      `UPDATE participant_result t
          SET school_code = s.school_code, grade = s.grade, primary_score = s.primary_score,
              test_score = s.test_score, mark = s.mark, is_demo = false
         FROM ${MATCHED} m JOIN ${rest} s ON s.line = m.line
        WHERE m.changed AND t.ctid = m.stored`,
    );
    this.inserted += await this.affected(
      `INSERT INTO participant_result (${VALUES}, is_demo)
       SELECT ${VALUES}, false FROM ${rest} s
        WHERE NOT EXISTS (SELECT 1 FROM ${MATCHED} m WHERE m.line = s.line)
        ORDER BY school_code, year`,
    );
    if (large) await plannerDefaults(this.em);
    return updated;
  }
}
