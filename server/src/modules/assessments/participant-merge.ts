import type { PoolClient, QueryResult } from 'pg';
import type { EntityManager, QueryRunner } from 'typeorm';
import type { ChunkedMerge, ChunkRows, MergeCounts } from '../imports/import-kind';
import { copyPieces } from '../imports/copy-pieces';
import type { ParticipantResultRow } from './assessment-rows';
import { KeyFigures, loadMarkRules } from './participant-figures';
import {
  HASH_JOINS,
  hashJoinsForLargeTables,
  LARGE_ROWS,
  PLANNER_DEFAULTS,
  plannerDefaults,
  primaryKeyLookups,
} from './planner-hints';
import { FIGURE_COLUMNS, recomputeSchoolResults, SAME_KEY } from './school-result-derivation';

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
/** The derivation's sums per key of the file's rows, sent once every row is in (see `KeyFigures`). */
const KEY_FIGURES = 'import_key_figures';
/**
 * The new keys that may hold real participant rows from before the import (another file's
 * participants of the same school, subject and grade): the file's own sums are then not all there
 * is to them. Every write of real participant rows derives their keys in its own transaction, and
 * a derived row is real as soon as one of its participants is, so a key without a real
 * school-level row holds demo participants at most (and those go when the import meets the key).
 */
const MAYBE_STORED = `SELECT * FROM ${NEW_KEYS} k
  WHERE EXISTS (SELECT 1 FROM assessment_result r WHERE ${SAME_KEY('r', 'k')} AND NOT r.is_demo)`;

const KEY = 'school_code, procedure_code, year, subject_code, grade';
const VALUES =
  'participant_code, procedure_code, year, subject_code, school_code, grade, primary_score, test_score, mark';
const PK = (a: string, b: string) =>
  `(${a}.participant_code, ${a}.procedure_code, ${a}.year, ${a}.subject_code) = ` +
  `(${b}.participant_code, ${b}.procedure_code, ${b}.year, ${b}.subject_code)`;

const UNIQUE_VIOLATION = '23505';
/**
 * Keys of the file beyond which sums are no longer gathered (see `add`): a setting here, so that a
 * test reaches the switch with a few rows.
 */
export const participantSums = { maxKeys: 50_000 };
/** The demo participant rows of the new keys. */
const DEMO_DELETE = `DELETE FROM participant_result p
  WHERE p.is_demo AND EXISTS (SELECT 1 FROM ${NEW_KEYS} k WHERE ${SAME_KEY('p', 'k')})`;

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
 * batches, in the file's order. While every chunk goes in that way and every key the file meets
 * is new (holds no real rows yet), the derivation's sums of each key are gathered here as rows are
 * parsed (`KeyFigures`), so the school-level results are derived from a few thousand sums instead
 * of a million participant rows read back.
 *
 * Once a chunk is refused by the primary key (a row exists), it and every later chunk are staged
 * and compared with the stored rows by one join: new lines are inserted, changed ones updated
 * (the keys they leave derived again), equal ones left untouched — two plain statements, where an
 * INSERT … ON CONFLICT costs a third more per row — and the derivation reads the participant rows.
 * The import has made sure no key repeats within what is written this way.
 */
export class ParticipantMerge implements ChunkedMerge<ParticipantResultRow> {
  private inserted = 0;
  private updated = 0;
  /** Whether chunks are still tried as all new (until one is refused). */
  private optimistic = true;

  private constructor(
    private readonly em: EntityManager,
    private readonly runner: QueryRunner,
    /** Whether any demo participant rows exist (none appear meanwhile: the table is locked, the import writes real rows). */
    private demoRows: boolean,
    /** The sums of the rows gathered for the next chunk; null once a row may have been updated. */
    private figures: KeyFigures | null,
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
    await em.query(`CREATE TEMP TABLE ${KEY_FIGURES} (${FIGURE_COLUMNS}) ON COMMIT DROP`);
    await em.query(
      `CREATE TEMP TABLE ${CHANGES} (line integer, stored tid, old_school_code text, old_grade integer) ON COMMIT DROP`,
    );
    const [{ demo }] = await em.query(`SELECT EXISTS (SELECT 1 FROM participant_result WHERE is_demo) AS demo`);
    return new ParticipantMerge(em, runner, demo as boolean, new KeyFigures(await loadMarkRules(em)));
  }

  private async affected(sql: string): Promise<number> {
    return (await this.runner.query(sql, [], true)).affected ?? 0;
  }

  add(row: ParticipantResultRow): void {
    const figures = this.figures;
    if (!figures) return;
    figures.add(row);
    // Sums pay where the file's rows fall into a few thousand keys (a region's schools); a file
    // spread over as many keys as rows (a nation's) is derived from its rows, its chunks staged,
    // without this process holding sums of every key.
    if (figures.size > participantSums.maxKeys) this.figures = null;
  }

  /**
   * Statements sent as one (no parameters): a chunk's bookkeeping costs one round trip, not one
   * each — this process is parsing the next chunk meanwhile, and answers only between batches of
   * rows. Resolves to the rows of its last SELECT.
   */
  private async batch<Row>(statements: string[]): Promise<Row[]> {
    const client = (await this.runner.connect()) as PoolClient;
    const results = (await client.query(statements.join(';\n'))) as unknown as QueryResult | QueryResult[];
    const read = (Array.isArray(results) ? results : [results]).filter((r) => r.command === 'SELECT');
    return (read[read.length - 1]?.rows ?? []) as Row[];
  }

  /** Keys of `table` not met before: recorded, and their demo participant rows removed. */
  private async takeNewKeys(table: string): Promise<void> {
    const [counts] = await this.batch<{ fresh: number }>([
      `DELETE FROM ${NEW_KEYS}`,
      `INSERT INTO ${NEW_KEYS} SELECT ${KEY} FROM ${table} EXCEPT SELECT ${KEY} FROM ${FILE_KEYS}`,
      `INSERT INTO ${FILE_KEYS} SELECT * FROM ${NEW_KEYS}`,
      `SELECT count(*)::int AS fresh FROM ${NEW_KEYS}`,
    ]);
    const demo = this.demoDeletion(counts!.fresh);
    if (demo.length > 0) await this.batch(demo);
  }

  /** The statements that remove the demo participant rows of NEW_KEYS (`keys` of them), if there can be any. */
  private demoDeletion(keys: number): string[] {
    if (keys === 0 || !this.demoRows) return [];
    return keys >= LARGE_ROWS ? [HASH_JOINS, DEMO_DELETE, PLANNER_DEFAULTS] : [DEMO_DELETE];
  }

  /**
   * The keys first met in this chunk (`text`, COPY text of the key columns, as `KeyFigures` tells
   * them): recorded, and their demo participant rows removed. Resolves to the number of them that
   * may hold real rows from before the import (see `MAYBE_STORED`).
   */
  private async takeFreshKeys(text: string, count: number): Promise<number> {
    if (count === 0) return 0;
    const client = (await this.runner.connect()) as PoolClient;
    await copyPieces(client, `COPY ${NEW_KEYS} FROM STDIN`, [Buffer.from(text)]);
    const [counts] = await this.batch<{ stored: number }>([
      `INSERT INTO ${FILE_KEYS} SELECT * FROM ${NEW_KEYS}`,
      `SELECT count(*)::int AS stored FROM (${MAYBE_STORED}) k`,
      ...this.demoDeletion(count),
      `DELETE FROM ${NEW_KEYS}`,
    ]);
    return counts!.stored;
  }

  async chunk(rows: ChunkRows): Promise<boolean> {
    const figures = this.optimistic ? this.figures : null;
    if (figures) {
      const fresh = figures.takeFresh();
      // Keys with rows from before the import: the file's sums are not all there is to them, and
      // the school-level results are derived from the participant rows after all.
      if ((await this.takeFreshKeys(fresh.text, fresh.count)) > 0) this.figures = null;
      // New rows are real ones: `is_demo` takes its default (false).
      if (await this.insertAll(() => rows.copyInto('participant_result'))) return true;
      this.optimistic = false;
      this.figures = null;
      await this.compare(await rows.staged(), false);
      return true;
    }
    this.figures = null;
    const table = await rows.staged();
    await this.takeNewKeys(table);
    if (this.optimistic && (await this.insertAll(() => rows.copyInto('participant_result')))) return true;
    this.optimistic = false;
    await this.compare(table, false);
    return true;
  }

  /**
   * Compares the lines of `table` with the stored rows and writes what differs. `bulk`: the table
   * may be the whole file (read in hashed passes); a chunk is looked up by the primary key.
   */
  private async compare(table: string, bulk: boolean): Promise<void> {
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
   * One write of rows that are all new, under a savepoint: refused by the primary key (and rolled
   * back to the savepoint) as soon as one of its rows exists. On the driver's client: a refused
   * chunk is expected here, not an error for the query log.
   */
  private async insertAll(write: (client: PoolClient) => Promise<number>): Promise<boolean> {
    const client = (await this.runner.connect()) as PoolClient;
    await client.query(`SAVEPOINT import_chunk`);
    let written: number;
    try {
      written = await write(client);
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      await client.query(`ROLLBACK TO SAVEPOINT import_chunk; RELEASE SAVEPOINT import_chunk`);
      return false;
    }
    this.inserted += written;
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
    if (rest !== null) {
      this.figures = null;
      await this.takeNewKeys(rest);
      // In the order of the (school, year) index: its insertions then land next to each other.
      const insert = (client: PoolClient) =>
        client
          .query(
            `INSERT INTO participant_result (${VALUES}, is_demo) SELECT ${VALUES}, false FROM ${rest} ORDER BY school_code, year`,
          )
          .then((written) => written.rowCount ?? 0);
      if (!this.optimistic || !(await this.insertAll(insert))) {
        this.optimistic = false;
        await this.compare(rest, true);
      }
    }
    // A key of the file keeps at least that row: only keys rows left can have been emptied.
    await this.em.query(
      `CREATE TEMP TABLE ${EMPTIED} ON COMMIT DROP AS SELECT * FROM ${LEFT_KEYS} EXCEPT SELECT * FROM ${FILE_KEYS}`,
    );
    const figures = this.figures;
    if (figures) {
      // Every row went in as new, its sums gathered: the participant rows need not be read back.
      const client = (await this.runner.connect()) as PoolClient;
      await copyPieces(client, `COPY ${KEY_FIGURES} FROM STDIN`, [Buffer.from(figures.take())]);
      await recomputeSchoolResults(this.em, {
        keysTable: FILE_KEYS,
        emptiedKeysTable: EMPTIED,
        figuresTable: KEY_FIGURES,
      });
    } else {
      await this.em.query(
        `CREATE TEMP TABLE ${TOUCHED} ON COMMIT DROP AS SELECT * FROM ${FILE_KEYS} UNION SELECT * FROM ${LEFT_KEYS}`,
      );
      await this.em.query(`ANALYZE ${TOUCHED}`);
      await recomputeSchoolResults(this.em, { keysTable: TOUCHED, emptiedKeysTable: EMPTIED });
    }
    return { inserted: this.inserted, updated: this.updated };
  }
}
