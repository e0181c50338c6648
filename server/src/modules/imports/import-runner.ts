import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_IMPORT_CHUNK_ROWS } from '../../config';
import { SYSTEM } from '../../graphql/actor';
import type { Logger } from '../../observability/logger';
import type { HubMetrics } from '../../observability/metrics';
import type { HubPubSub } from '../../realtime/topics';
import { audit } from '../audit/audit';
import { columnsOf, type AnyImportKind, type MergeCounts, type RowProblem } from './import-kind';
import { ImportJob } from './import-job.entity';
import { ImportPhase, ImportStatus } from './import-progress';
import type { ColumnSpec } from './reader/header';
import { openTable, TableError, type TableRow } from './reader/table';
import { openChunkedStager } from './chunked-staging';
import { KeyHashes } from './key-hashes';
import { FileNotKept, type KeptFile } from './kept-file';
import { addProblems, createProblems, problemCount, problemPages, takeDuplicates } from './staged-problems';
import { analyzeStaging, createStaging, openStager, stagedCount } from './staging';

/** Rejected rows are written to the ledger in batches of this size. */
const REJECT_BATCH = 2000;
const PROGRESS_EVERY_MS = 250;

/**
 * The cells of the lines the staged checks rejected: the file is read again, next to the
 * problems paged in line order, so that neither side is held in memory whole.
 */
async function* cellsOfProblems(
  em: EntityManager,
  filePath: string,
  fileName: string,
  columns: ColumnSpec[],
): AsyncGenerator<{ line: number; cells: string[]; problems: RowProblem[] }> {
  const table = await openTable(filePath, fileName, columns);
  const rows = table.rows;
  let row = await rows.next();
  try {
    for await (const page of problemPages(em)) {
      for (const { line, problems } of page) {
        while (!row.done && row.value.line < line) row = await rows.next();
        const cells = !row.done && row.value.line === line ? row.value.cells : [];
        yield { line, cells, problems };
      }
    }
  } finally {
    await rows.return(undefined);
  }
}

/** The rows of the file that parse, read again up to line `before`. */
async function* validRows(
  filePath: string,
  fileName: string,
  columns: ColumnSpec[],
  kind: AnyImportKind,
  context: unknown,
  before: number,
): AsyncGenerator<{ line: number; value: unknown }> {
  const table = await openTable(filePath, fileName, columns);
  for await (const batch of table.batches) {
    for (const row of batch) {
      if (row.line >= before) return;
      const parsed = kind.parse(row.values, context);
      if (!('problems' in parsed)) yield { line: row.line, value: parsed.value };
    }
  }
}

/** Thrown inside the transaction to roll it back on purpose (rejected file, dry run). */
class Rollback extends Error {}

interface RunOptions {
  dataSource: DataSource;
  pubSub: HubPubSub;
  job: ImportJob;
  kind: AnyImportKind;
  filePath: string;
  /**
   * Starts keeping the original file (see `startKeeping`), once the file has been read: it then
   * runs while PostgreSQL applies what was read (the derivation of a large file's results, where
   * this process has nothing else to do) instead of taking a core from the reading.
   */
  keep: () => Promise<KeptFile | FileNotKept>;
  /** For the audit entry of an applied import. */
  requestId?: string | null;
  /** The server's metrics and log; the command line has neither and prints its own report. */
  observe?: ImportObserver;
}

export interface ImportObserver {
  metrics?: HubMetrics;
  logger?: Logger;
  /** Most rows per chunk of the kinds written while the file is read (see `ChunkedMerge`). */
  chunkRows?: number;
}

/**
 * Reads, checks and applies one file in one transaction: by default any bad
 * row rejects the whole file and nothing changes; with `partial` the valid
 * rows are applied; a dry run checks and counts, then rolls back. Rejected
 * rows and the job's record are written outside that transaction, so they
 * survive a rollback.
 */
export async function runImport({
  dataSource,
  pubSub,
  job,
  kind,
  filePath,
  keep,
  requestId = null,
  observe = {},
}: RunOptions): Promise<ImportJob> {
  const started = Date.now();
  const ledger = dataSource.manager;
  let kept: Promise<KeptFile | FileNotKept> | null = null;
  const keeping = () => (kept ??= keep());
  // The command line has no logger: it keeps printing to standard error, as it did.
  const failed = (error: unknown, message: string) =>
    observe.logger ? observe.logger.error({ err: error, importId: job.id }, message) : console.error(message, error);
  let lastProgress = 0;

  const progress = async (force = false) => {
    const now = Date.now();
    if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    pubSub.publish('import.progress', job.id, {
      jobId: job.id,
      phase: job.phase,
      status: job.status,
      rowsRead: job.rowsRead,
      rejected: job.rejected,
    });
  };
  const setPhase = async (phase: ImportPhase) => {
    job.phase = phase;
    await ledger.update(ImportJob, job.id, { phase, rowsRead: job.rowsRead, rejected: job.rejected });
    await progress(true);
  };

  // Every line is rejected once at most: a row that fails parsing is never
  // staged, and the staged checks see only the rows left after duplicates. So
  // nothing about rejected rows is kept here beyond the batch waiting to be written.
  const pendingRejects: { line: number; cells: string[]; problems: RowProblem[] }[] = [];
  // A batch goes in as four array parameters: when every row of a large file is bad, that is
  // far cheaper to send and to plan than four parameters per row.
  const flushRejects = async () => {
    if (pendingRejects.length === 0) return;
    const batch = pendingRejects.splice(0);
    await ledger.query(
      `INSERT INTO import_rejected_row (job_id, line, cells, problems)
       SELECT $1, r.line, ARRAY(SELECT jsonb_array_elements_text(r.cells)), r.problems
         FROM unnest($2::integer[], $3::jsonb[], $4::jsonb[]) AS r(line, cells, problems)
       ON CONFLICT (job_id, line) DO UPDATE SET problems = excluded.problems`,
      [
        job.id,
        batch.map((r) => r.line),
        batch.map((r) => JSON.stringify(r.cells)),
        batch.map((r) => JSON.stringify(r.problems)),
      ],
    );
  };
  const reject = (line: number, cells: string[], problems: RowProblem[]) => {
    job.rejected++;
    pendingRejects.push({ line, cells, problems });
  };

  let counts: MergeCounts = { inserted: 0, updated: 0 };
  let staged = 0;
  try {
    await setPhase(ImportPhase.READING);
    const columns = await columnsOf(kind, ledger);
    const table = await openTable(filePath, job.fileName, columns);
    job.format = table.format;
    job.warnings = table.warnings;
    job.headerCells = table.headerCells;
    await ledger.update(ImportJob, job.id, {
      format: job.format,
      warnings: job.warnings,
      headerCells: job.headerCells,
    });

    await dataSource.transaction(async (em: EntityManager) => {
      const importer = { userId: job.userId, displayName: job.userName };
      const context = await kind.prepare(em);
      // Written while read only where a problem found later rolls everything back (see ChunkedMerge).
      const chunked = kind.openMerge && !job.partial ? await kind.openMerge(em, importer) : null;
      const stagingTable = await createStaging(em, kind, chunked !== null);
      const keys = new KeyHashes();
      const chunkedStager = chunked
        ? openChunkedStager(em, kind, keys, chunked, {
            rows: observe.chunkRows ?? DEFAULT_IMPORT_CHUNK_ROWS,
            // A rejected row rejects the file: writing more of it would be wasted. A chunk is
            // written only while no key can have repeated: a repeat is the checks' to report.
            writing: () => job.rejected === 0 && keys.unique,
          })
        : null;
      const stager = chunkedStager ?? (await openStager(em, kind, keys));
      let stagedRows = 0;
      try {
        for await (const batch of table.batches as AsyncIterable<TableRow[]>) {
          for (const row of batch) {
            job.rowsRead++;
            const parsed = kind.parse(row.values, context);
            if ('problems' in parsed) {
              reject(row.line, row.cells, parsed.problems);
              if (pendingRejects.length >= REJECT_BATCH) await flushRejects();
            } else {
              stagedRows++;
              const full = stager.add(row.line, parsed.value);
              if (full) await full;
            }
          }
          await progress();
        }
        await stager.finish();
        void keeping();
      } catch (error) {
        await stager.abort();
        throw error;
      }
      // Repeats are looked for among every row: also those of chunks written without staging.
      if (!keys.unique)
        await chunkedStager?.stageWritten((before) =>
          validRows(filePath, job.fileName, columns, kind, context, before),
        );
      const rest = chunkedStager ? await chunkedStager.rest() : stagingTable;
      // Statistics only for what reads the staged rows as a whole.
      if (!keys.unique || kind.checkStaged || rest !== null) await analyzeStaging(em);

      await setPhase(ImportPhase.VALIDATING);
      await createProblems(em);
      // The key hashes prove most files free of repeats; the others are grouped exactly.
      if (!keys.unique) await takeDuplicates(em, kind);
      if (kind.checkStaged) await addProblems(em, await kind.checkStaged(em, stagingTable));
      const problemLines = await problemCount(em);
      if (problemLines > 0) {
        for await (const { line, cells, problems } of cellsOfProblems(em, filePath, job.fileName, columns)) {
          reject(line, cells, problems);
          if (pendingRejects.length >= REJECT_BATCH) await flushRejects();
        }
      }
      await flushRejects();
      staged = problemLines > 0 ? await stagedCount(em) : stagedRows;

      if (job.rejected > 0 && !job.partial) throw new Rollback();
      await setPhase(ImportPhase.APPLYING);
      counts = chunked ? await chunked.finish(rest) : await kind.merge(em, stagingTable, importer);
      if (job.dryRun) throw new Rollback();
      // Applied only with its file kept: a failure to keep it rolls the import back.
      const file = await keeping();
      if (file instanceof FileNotKept) throw file;
      // The file is kept with the job: the entry says what it did, the file what it held.
      await audit(em, {
        actor: { ...SYSTEM, userId: job.userId, displayName: job.userName },
        action: 'import',
        entity: 'import',
        key: job.id,
        before: null,
        after: {
          kind: job.kind,
          fileName: job.fileName,
          sha256: file.sha256,
          partial: job.partial,
          rowsRead: job.rowsRead,
          inserted: counts.inserted,
          updated: counts.updated,
          unchanged: staged - counts.inserted - counts.updated,
          rejected: job.rejected,
        },
        requestId,
      });
    });
    job.status = ImportStatus.APPLIED;
  } catch (error) {
    if (error instanceof Rollback) {
      job.status = job.dryRun && (job.rejected === 0 || job.partial) ? ImportStatus.CHECKED : ImportStatus.REJECTED;
    } else if (error instanceof TableError) {
      job.status = ImportStatus.REJECTED;
      job.error = error.message;
    } else if (!(error instanceof FileNotKept)) {
      job.status = ImportStatus.FAILED;
      job.error = 'Внутренняя ошибка при импорте; ничего не изменено. Сообщите администратору.';
      failed(error, 'import failed');
    }
  }
  // Whatever the outcome, the job ends with its file kept (or says it is not).
  const file = await keeping();
  if (file instanceof FileNotKept) {
    job.status = ImportStatus.FAILED;
    job.error = file.message;
    failed(file.cause, 'original file of an import not kept');
  } else Object.assign(job, { fileSize: file.size, sha256: file.sha256 });
  await flushRejects().catch((error: unknown) => failed(error, 'rejected rows of an import not written'));

  const applied = job.status === ImportStatus.APPLIED || job.status === ImportStatus.CHECKED;
  job.inserted = applied ? counts.inserted : 0;
  job.updated = applied ? counts.updated : 0;
  job.unchanged = applied ? staged - counts.inserted - counts.updated : 0;
  job.phase = ImportPhase.DONE;
  job.finishedAt = new Date();
  job.durationMs = Date.now() - started;
  await ledger.save(ImportJob, job);
  await progress(true);
  recordImport(job, observe);
  return job;
}

function recordImport(job: ImportJob, { metrics, logger }: ImportObserver): void {
  const kind = job.kind;
  if (metrics) {
    const rows = { read: job.rowsRead, inserted: job.inserted, updated: job.updated, unchanged: job.unchanged };
    for (const [outcome, count] of Object.entries({ ...rows, rejected: job.rejected })) {
      metrics.importRows.inc({ kind, outcome }, count);
    }
    metrics.importDuration.observe({ kind, status: job.status.toLowerCase() }, (job.durationMs ?? 0) / 1000);
  }
  logger?.info(
    {
      importId: job.id,
      kind,
      status: job.status,
      userId: job.userId ?? undefined,
      rowsRead: job.rowsRead,
      inserted: job.inserted,
      updated: job.updated,
      rejected: job.rejected,
      durationMs: job.durationMs,
    },
    'import finished',
  );
}
