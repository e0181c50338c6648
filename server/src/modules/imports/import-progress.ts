import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ImportPhase {
  QUEUED = 'queued',
  READING = 'reading',
  VALIDATING = 'validating',
  APPLYING = 'applying',
  DONE = 'done',
}

registerEnumType(ImportPhase, { name: 'ImportPhase', description: 'Этап импорта' });

export enum ImportStatus {
  RUNNING = 'running',
  /** The file's rows were written. */
  APPLIED = 'applied',
  /** Nothing changed: bad rows (without `partial`) or a file that cannot be read. */
  REJECTED = 'rejected',
  /** A dry run: checked and counted, nothing written. */
  CHECKED = 'checked',
  /** The server failed; nothing changed. */
  FAILED = 'failed',
}

registerEnumType(ImportStatus, { name: 'ImportStatus' });

/** What `importProgress` streams while a job runs. */
@ObjectType()
export class ImportProgressEvent {
  @Field(() => String)
  jobId: string;

  @Field(() => ImportPhase)
  phase: ImportPhase;

  @Field(() => ImportStatus)
  status: ImportStatus;

  @Field(() => Int, { description: 'Data rows read so far' })
  rowsRead: number;

  @Field(() => Int, { description: 'Rows rejected so far' })
  rejected: number;
}
