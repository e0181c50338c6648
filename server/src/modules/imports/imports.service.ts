import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../graphql/actor';
import { HubError } from '../../graphql/errors';
import { assertAllowed } from '../users/permissions';
import type { HubPubSub } from '../../realtime/topics';
import { ImportFileChunk, ImportJob, ImportRejectedRow } from './import-job.entity';
import type { AnyImportKind } from './import-kind';
import { runImport, type ImportObserver } from './import-runner';
import { ImportErrorCode, unknownKindMessage } from './imports.errors';
import { IMPORT_KINDS } from './kinds';

const CHUNK = 1024 * 1024;

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
   * Records the job and keeps the original file (in PostgreSQL, for audit);
   * `run` then does the work. Split so that HTTP can answer with the job's id at once.
   */
  async create(options: StartImport): Promise<ImportJob> {
    this.kind(options.kind);
    assertAllowed(options.actor, { kind: 'import', importKind: options.kind });
    const hash = createHash('sha256');
    let size = 0;
    const job = await this.dataSource.manager.save(
      Object.assign(new ImportJob(), {
        kind: options.kind,
        fileName: options.fileName,
        fileSize: 0,
        sha256: '',
        userId: options.actor.userId,
        userName: options.actor.displayName,
        dryRun: options.dryRun ?? false,
        partial: options.partial ?? false,
        warnings: [],
        headerCells: [],
      }),
    );
    let seq = 0;
    for await (const chunk of fs.createReadStream(options.filePath, { highWaterMark: CHUNK })) {
      const data = chunk as Buffer;
      hash.update(data);
      size += data.length;
      await this.dataSource.manager.insert(ImportFileChunk, { jobId: job.id, seq: seq++, data });
    }
    job.fileSize = size;
    job.sha256 = hash.digest('hex');
    await this.dataSource.manager.update(ImportJob, job.id, { fileSize: size, sha256: job.sha256 });
    return job;
  }

  run(job: ImportJob, filePath: string, requestId: string | null = null): Promise<ImportJob> {
    const run = runImport({
      dataSource: this.dataSource,
      pubSub: this.pubSub,
      job,
      kind: this.kind(job.kind),
      filePath,
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
