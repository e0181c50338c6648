import fs from 'node:fs';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../graphql/actor';
import { HubError } from '../../graphql/errors';
import { assertAllowed } from '../users/permissions';
import type { HubPubSub } from '../../realtime/topics';
import { ImportJob, ImportRejectedRow } from './import-job.entity';
import type { AnyImportKind } from './import-kind';
import { runImport, type ImportObserver } from './import-runner';
import { ImportErrorCode, unknownKindMessage } from './imports.errors';
import { startKeeping } from './kept-file';
import { IMPORT_KINDS } from './kinds';

export interface StartImport {
  kind: string;
  filePath: string;
  fileName: string;
  actor: Actor;
  dryRun?: boolean;
  partial?: boolean;
  /** The HTTP request (or command) that started it, for the audit log. */
  requestId?: string | null;
}

export class ImportsService {
  /** Imports running in this process: shutdown waits for them (within its deadline). */
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly pubSub: HubPubSub,
    private readonly observe: ImportObserver = {},
  ) {}

  /** Resolves when no import runs here, or after `ms`: true when none was left running. */
  async idle(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    const done = Promise.allSettled([...this.running]).then(() => true);
    const result = await Promise.race([done, late]);
    clearTimeout(timer);
    return result;
  }

  kind(name: string): AnyImportKind {
    const kind = IMPORT_KINDS.get(name);
    if (!kind) throw new HubError(ImportErrorCode.UNKNOWN_KIND, unknownKindMessage(name, IMPORT_KINDS.keys()));
    return kind;
  }

  /**
   * Records the job; `run` then keeps the file and does the work. Split so that HTTP can
   * answer with the job's id at once.
   */
  async create(options: StartImport): Promise<ImportJob> {
    this.kind(options.kind);
    assertAllowed(options.actor, { kind: 'import', importKind: options.kind });
    // The size is shown while the import runs; the SHA-256 comes once the file is kept.
    const { size } = await fs.promises.stat(options.filePath);
    return this.dataSource.manager.save(
      Object.assign(new ImportJob(), {
        kind: options.kind,
        fileName: options.fileName,
        fileSize: size,
        sha256: '',
        userId: options.actor.userId,
        userName: options.actor.displayName,
        dryRun: options.dryRun ?? false,
        partial: options.partial ?? false,
        warnings: [],
        headerCells: [],
      }),
    );
  }

  /**
   * Keeps the original file (in PostgreSQL, for audit, whatever the outcome) beside the import
   * (see `RunOptions.keep`). The file must stay in place until the returned promise settles.
   */
  run(job: ImportJob, filePath: string, requestId: string | null = null): Promise<ImportJob> {
    const run = runImport({
      dataSource: this.dataSource,
      pubSub: this.pubSub,
      job,
      kind: this.kind(job.kind),
      filePath,
      keep: () => startKeeping(this.dataSource, job.id, filePath),
      requestId,
      observe: this.observe,
    });
    this.running.add(run);
    void run.finally(() => this.running.delete(run)).catch(() => undefined);
    return run;
  }

  async byId(id: string): Promise<ImportJob | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    return this.dataSource.manager.findOneBy(ImportJob, { id });
  }

  async rejectedRows(jobId: string, limit: number, afterLine?: number | null): Promise<ImportRejectedRow[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(ImportRejectedRow, 'r')
      .where('r.job_id = :jobId', { jobId })
      .orderBy('r.line', 'ASC')
      .limit(limit);
    if (afterLine !== null && afterLine !== undefined) qb.andWhere('r.line > :afterLine', { afterLine });
    return qb.getMany();
  }
}
