import type { DataSource, EntityManager } from 'typeorm';
import type { HubPubSub } from '../../realtime/topics';
import type { AnyImportKind, MergeCounts, RowProblem } from './import-kind';
import { ImportJob, ImportRejectedRow } from './import-job.entity';
import { ImportPhase, ImportStatus } from './import-progress';
import { openTable, TableError, type TableRow } from './reader/table';
import { analyzeStaging, createStaging, dropLines, openStager, stagedCount, takeDuplicates } from './staging';

/** Rejected rows are written to the ledger in batches of this size. */
const REJECT_BATCH = 2000;
/** The clock is looked at once per this many rows. */
const PROGRESS_EVERY_ROWS = 1024;
const PROGRESS_EVERY_MS = 250;

async function cellsOf(
  filePath: string,
  fileName: string,
  kind: AnyImportKind,
  lines: Set<number>,
): Promise<Map<number, string[]>> {
  const table = await openTable(filePath, fileName, kind.columns);
  const cells = new Map<number, string[]>();
  for await (const row of table.rows) {
    if (lines.has(row.line)) cells.set(row.line, row.cells);
    if (cells.size === lines.size) {
      await table.rows.return(undefined);
      break;
    }
  }
  return cells;
}

/** Thrown inside the transaction to roll it back on purpose (rejected file, dry run). */
class Rollback extends Error {}

interface RunOptions {
  dataSource: DataSource;
  pubSub: HubPubSub;
  job: ImportJob;
  kind: AnyImportKind;
  filePath: string;
}

/**
 * Reads, checks and applies one file in one transaction: by default any bad
 * row rejects the whole file and nothing changes; with `partial` the valid
 * rows are applied; a dry run checks and counts, then rolls back. Rejected
 * rows and the job's record are written outside that transaction, so they
 * survive a rollback.
 */
export async function runImport({ dataSource, pubSub, job, kind, filePath }: RunOptions): Promise<ImportJob> {
  const started = Date.now();
  const ledger = dataSource.manager;
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
  const pendingRejects: ImportRejectedRow[] = [];
  const flushRejects = async () => {
    if (pendingRejects.length === 0) return;
    await ledger
      .createQueryBuilder()
      .insert()
      .into(ImportRejectedRow)
      .values(pendingRejects.splice(0))
      .orUpdate(['problems'], ['job_id', 'line'])
      .execute();
  };
  const reject = (line: number, cells: string[], problems: RowProblem[]) => {
    job.rejected++;
    pendingRejects.push(Object.assign(new ImportRejectedRow(), { jobId: job.id, line, cells, problems }));
  };

  let counts: MergeCounts = { inserted: 0, updated: 0 };
  let staged = 0;
  try {
    await setPhase(ImportPhase.READING);
    const table = await openTable(filePath, job.fileName, kind.columns);
    job.format = table.format;
    job.warnings = table.warnings;
    job.headerCells = table.headerCells;
    await ledger.update(ImportJob, job.id, {
      format: job.format,
      warnings: job.warnings,
      headerCells: job.headerCells,
    });

    await dataSource.transaction(async (em: EntityManager) => {
      const context = await kind.prepare(em);
      const stagingTable = await createStaging(em, kind);
      const stager = await openStager(em, kind);
      try {
        for await (const row of table.rows as AsyncIterable<TableRow>) {
          job.rowsRead++;
          const parsed = kind.parse(row.values, context);
          if ('problems' in parsed) {
            reject(row.line, row.cells, parsed.problems);
            if (pendingRejects.length >= REJECT_BATCH) await flushRejects();
          } else {
            const full = stager.add(row.line, parsed.value);
            if (full) await full;
          }
          if (job.rowsRead % PROGRESS_EVERY_ROWS === 0) await progress();
        }
        await stager.finish();
      } catch (error) {
        await stager.abort();
        throw error;
      }
      await analyzeStaging(em);

      await setPhase(ImportPhase.VALIDATING);
      const crossRow = await takeDuplicates(em, kind, (line) => `строка ${line}`);
      const checked = kind.checkStaged ? await kind.checkStaged(em, stagingTable) : new Map<number, RowProblem[]>();
      await dropLines(em, [...checked.keys()]);
      const found = new Map([...crossRow, ...checked]);
      // Rows are not kept in memory: the few found here are read again for the rejected-rows file.
      if (found.size > 0) {
        const cells = await cellsOf(filePath, job.fileName, kind, new Set(found.keys()));
        for (const [line, problems] of found) reject(line, cells.get(line) ?? [], problems);
      }
      await flushRejects();
      staged = await stagedCount(em);

      if (job.rejected > 0 && !job.partial) throw new Rollback();
      await setPhase(ImportPhase.APPLYING);
      counts = await kind.merge(em, stagingTable, { userId: job.userId, displayName: job.userName });
      if (job.dryRun) throw new Rollback();
    });
    job.status = ImportStatus.APPLIED;
  } catch (error) {
    if (error instanceof Rollback) {
      job.status = job.dryRun && (job.rejected === 0 || job.partial) ? ImportStatus.CHECKED : ImportStatus.REJECTED;
    } else if (error instanceof TableError) {
      job.status = ImportStatus.REJECTED;
      job.error = error.message;
    } else {
      job.status = ImportStatus.FAILED;
      job.error = 'Внутренняя ошибка при импорте; ничего не изменено. Сообщите администратору.';
      console.error(`Import ${job.id} failed`, error);
    }
  }
  await flushRejects().catch((e) => console.error(e));

  const applied = job.status === ImportStatus.APPLIED || job.status === ImportStatus.CHECKED;
  job.inserted = applied ? counts.inserted : 0;
  job.updated = applied ? counts.updated : 0;
  job.unchanged = applied ? staged - counts.inserted - counts.updated : 0;
  job.phase = ImportPhase.DONE;
  job.finishedAt = new Date();
  job.durationMs = Date.now() - started;
  await ledger.save(ImportJob, job);
  await progress(true);
  return job;
}
