import type { EntityManager } from 'typeorm';
import type { ColumnSpec } from './reader/header';

/** A problem of one row, naming the column as the file's header writes it (null: the row as a whole). */
export interface RowProblem {
  column: string | null;
  message: string;
}

export type ParsedRow<T> = { value: T } | { problems: RowProblem[] };

/** A column of the staging table: its PostgreSQL type and how to take it from a parsed row. */
export interface StagingColumn<T> {
  name: string;
  type: 'text' | 'integer' | 'double precision' | 'boolean' | 'date' | 'jsonb';
  get(value: T): string | number | boolean | null;
}

/** Who runs an import: the domains that record «who» record this. */
export interface Importer {
  userId: string | null;
  displayName: string;
}

export interface MergeCounts {
  inserted: number;
  updated: number;
}

/** The rows of a chunk as the file gave them, to be sent again. */
export interface ChunkRows {
  /**
   * One COPY of the chunk's rows, in the file's order, into `target`: a table with columns named
   * as the kind's staging columns (other columns take their defaults). COPY writes rows in
   * batches and needs no sort, where INSERT … SELECT from a staged chunk wrote them one by one
   * in the order of an index. Resolves to the rows written.
   */
  copyInto(target: string): Promise<number>;
  /**
   * The chunk as a table of the transaction (a partition of the staging table, with `line`),
   * staged now if it is not yet: a chunk written by `copyInto` alone is never staged at all.
   */
  staged(): Promise<string>;
}

/**
 * A kind's write split in steps, so that PostgreSQL writes while the rest of the file is read
 * and parsed (the two run on separate cores). Used only where any problem found later rolls the
 * whole transaction back (not with `--partial`): what a chunk wrote never outlives a rejected file.
 */
export interface ChunkedMerge<T = any> {
  /**
   * Sees each row of the chunk being gathered, before `chunk` writes it (no more rows once the
   * import has stopped writing chunks): what the kind derives from its rows can be summed up here,
   * while they are at hand, instead of being read back from the database.
   */
  add?(value: T): void;
  /**
   * Writes the rows gathered since the last chunk, or leaves them for `finish` (false) when it
   * cannot do so cheaply. It must leave the transaction usable either way: repeats within the
   * file are found afterwards.
   */
  chunk(rows: ChunkRows): Promise<boolean>;
  /** Writes the rows the chunks left (`rest`, a table or view; null: none), then what depends on all of them. */
  finish(rest: string | null): Promise<MergeCounts>;
}

/**
 * One kind of file the hub imports. Rows are parsed and checked one by one in
 * TypeScript (the domain's pure validators), staged in a temporary table, then
 * merged set-wise by the kind's SQL, all in one transaction.
 */
export interface ImportKind<T = unknown, Context = unknown> {
  /** `schools`, `assessment-results`, …: the name in URLs and on the command line. */
  kind: string;
  /** Russian name for people: «Школы». */
  title: string;
  columns: ColumnSpec[];
  /**
   * Further optional columns whose headers are reference data (a campaign's document
   * titles, the self-diagnostic directions), read once per import; see `columnsOf`.
   */
  loadColumns?(em: EntityManager): Promise<ColumnSpec[]>;
  /** What checking needs (matchers, known codes), loaded once per import. */
  prepare(em: EntityManager): Promise<Context>;
  /** One row: its value, or every problem in it. */
  parse(values: Record<string, string | undefined>, context: Context): ParsedRow<T>;
  /** Columns of the natural key, among `staging` (two rows with the same key are duplicates). */
  key: string[];
  /** How the key reads to a person: «sch700001, 2024». */
  describeKey(value: T): string;
  staging: StagingColumn<T>[];
  /** Cross-row and database checks on the staged rows: `line` → problems. */
  checkStaged?(em: EntityManager, table: string): Promise<Map<number, RowProblem[]>>;
  /** Writes the staged rows into the domain's tables; the rest of the staged rows are unchanged. */
  merge(em: EntityManager, table: string, importer: Importer): Promise<MergeCounts>;
  /** The same write in chunks, for large files (see `ChunkedMerge`); kinds without it merge once at the end. */
  openMerge?(em: EntityManager, importer: Importer): Promise<ChunkedMerge<T>>;
}

/** A kind whose value type is erased, for registries. */
export type AnyImportKind = ImportKind<any, any>;

/** Every column a kind reads: its fixed ones, then those loaded from reference data. */
export async function columnsOf(kind: AnyImportKind, em: EntityManager): Promise<ColumnSpec[]> {
  return kind.loadColumns ? [...kind.columns, ...(await kind.loadColumns(em))] : kind.columns;
}
