import type { PoolClient } from 'pg';
import type { EntityManager, QueryRunner } from 'typeorm';
import type { ChunkedMerge, ChunkRows, MergeCounts } from '../imports/import-kind';
import { hashJoinsForLargeTables, plannerDefaults, primaryKeyLookups } from './planner-hints';
import { recomputeSchoolResults, SAME_KEY } from './school-result-derivation';

/** School-level keys of the file's rows so far. */
const FILE_KEYS = 'import_file_keys';
/** Those first met in the current step (their demo rows go before the step writes). */
const NEW_KEYS = 'import_new_keys';
/** Keys that updated rows left (another school or grade): derived again, and maybe emptied. */
const LEFT_KEYS = 'import_left_keys';
/** Lines of the current step that are new or differ from the stored row (its place and old key). */
const CHANGES = 'import_changed_rows';
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
 * Large files are written chunk by chunk while they are read (see `ChunkedMerge`). Chunks are
 * first tried as all new, by one COPY of the file's rows straight into the table under a
 * savepoint: the common large file (new results) then costs no lookup at all, and its rows go in
 * batches, in the file's order (a file sorted by participant fills the primary key in order).
 * Once a chunk is refused by the primary key (a row exists),
 * it and every later chunk are compared with the stored rows by one join: new lines are inserted,
 * changed ones updated (the keys they leave derived again), equal ones left untouched — two plain
 * statements, where an INSERT … ON CONFLICT costs a third more per row. The import has made sure
 * no key repeats within what is written this way.
 */
export class ParticipantMerge implements ChunkedMerge {
  private inserted = 0;
  private updated = 0;
  /** Whether chunks are still tried as all new (until one is refused). */
  private optimistic = true;

  private constructor(
    private readonly em: EntityManager,
    private readonly runner: QueryRunner,
    /** Whether any demo participant rows exist (none appear meanwhile: the table is locked, the import writes real rows). */
    private demoRows: boolean,
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
    await em.query(
      `CREATE TEMP TABLE ${CHANGES} (line integer, stored tid, old_school_code text, old_grade integer) ON COMMIT DROP`,
    );
    const [{ demo }] = await em.query(`SELECT EXISTS (SELECT 1 FROM participant_result WHERE is_demo) AS demo`);
    return new ParticipantMerge(em, runner, demo as boolean);
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
    if (!this.demoRows) return;
    const large = await hashJoinsForLargeTables(this.em, NEW_KEYS);
    await this.em.query(
      `DELETE FROM participant_result p
        WHERE p.is_demo AND EXISTS (SELECT 1 FROM ${NEW_KEYS} k WHERE ${SAME_KEY('p', 'k')})`,
    );
    if (large) await plannerDefaults(this.em);
  }

  async chunk(table: string, rows: ChunkRows): Promise<boolean> {
    await this.write(table, false, rows);
    return true;
  }

  /**
   * `bulk`: the table may be the whole file (read in hashed passes); a chunk is looked up by the
   * primary key. `rows`: the chunk's rows again, to be tried as all new.
   */
  private async write(table: string, bulk: boolean, rows?: ChunkRows): Promise<void> {
    await this.takeNewKeys(table);
    if (this.optimistic && (await this.insertAll(table, rows))) return;
    // Rows exist already: this chunk, and every later one, is compared with the stored rows.
    this.optimistic = false;
    const large = bulk && (await hashJoinsForLargeTables(this.em, table));
    if (!bulk) await primaryKeyLookups(this.em);
    const changes = await this.affected(
      `INSERT INTO ${CHANGES}
       SELECT s.line, p.ctid, p.school_code, p.grade
         FROM ${table} s LEFT JOIN participant_result p ON ${PK('p', 's')}
        WHERE p.ctid IS NULL
           OR (p.school_code, p.grade, p.primary_score, p.test_score, p.mark, p.is_demo)
              IS DISTINCT FROM (s.school_code, s.grade, s.primary_score, s.test_score, s.mark, false)`,
    );
    if (!bulk) await plannerDefaults(this.em);
    if (changes > 0) await this.applyChanges(table);
    if (large) await plannerDefaults(this.em);
  }

  /**
   * The whole chunk (its rows as sent, else the staged table) written under a savepoint: refused
   * by the primary key (and rolled back to the savepoint) as soon as one of its rows exists. On
   * the driver's client: a refused chunk is expected here, not an error for the query log.
   */
  private async insertAll(table: string, rows?: ChunkRows): Promise<boolean> {
    const client = (await this.runner.connect()) as PoolClient;
    await client.query(`SAVEPOINT import_chunk`);
    try {
      if (rows) {
        // New rows are demo-free real ones: `is_demo` takes its default (false).
        this.inserted += await rows.copyInto('participant_result');
      } else {
        // In the order of the (school, year) index: its insertions then land next to each other.
        const written = await client.query(
          `INSERT INTO participant_result (${VALUES}, is_demo)
           SELECT ${VALUES}, false FROM ${table} ORDER BY school_code, year`,
        );
        this.inserted += written.rowCount ?? 0;
      }
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      await client.query(`ROLLBACK TO SAVEPOINT import_chunk`);
      await client.query(`RELEASE SAVEPOINT import_chunk`);
      return false;
    }
    await client.query(`RELEASE SAVEPOINT import_chunk`);
    return true;
  }

  /** The lines of `table` in CHANGES (new, or differing from the stored row) written; CHANGES emptied. */
  private async applyChanges(table: string): Promise<void> {
    await this.em.query(
      `INSERT INTO ${LEFT_KEYS}
       SELECT DISTINCT c.old_school_code, s.procedure_code, s.year, s.subject_code, c.old_grade
         FROM ${CHANGES} c JOIN ${table} s ON s.line = c.line
        WHERE c.stored IS NOT NULL AND (c.old_school_code, c.old_grade) IS DISTINCT FROM (s.school_code, s.grade)`,
    );
    this.updated += await this.affected(
      `UPDATE participant_result t
          SET school_code = s.school_code, grade = s.grade, primary_score = s.primary_score,
              test_score = s.test_score, mark = s.mark, is_demo = false
         FROM ${CHANGES} c JOIN ${table} s ON s.line = c.line
        WHERE c.stored IS NOT NULL AND t.ctid = c.stored`,
    );
    this.inserted += await this.affected(
      `INSERT INTO participant_result (${VALUES}, is_demo)
       SELECT ${VALUES}, false FROM ${table} s
        WHERE EXISTS (SELECT 1 FROM ${CHANGES} c WHERE c.line = s.line AND c.stored IS NULL)
        ORDER BY school_code, year`,
    );
    await this.em.query(`DELETE FROM ${CHANGES}`);
  }

  async finish(rest: string | null): Promise<MergeCounts> {
    // What no chunk wrote (or, in one step, the whole file), then what depends on every row.
    if (rest !== null) await this.write(rest, true);
    await this.em.query(
      `CREATE TEMP TABLE ${TOUCHED} ON COMMIT DROP AS SELECT * FROM ${FILE_KEYS} UNION SELECT * FROM ${LEFT_KEYS}`,
    );
    await this.em.query(`ANALYZE ${TOUCHED}`);
    // A key of the file keeps at least that row: only keys rows left can have been emptied.
    await this.em.query(
      `CREATE TEMP TABLE ${EMPTIED} ON COMMIT DROP AS SELECT * FROM ${LEFT_KEYS} EXCEPT SELECT * FROM ${FILE_KEYS}`,
    );
    await recomputeSchoolResults(this.em, { keysTable: TOUCHED, emptiedKeysTable: EMPTIED });
    return { inserted: this.inserted, updated: this.updated };
  }
}
