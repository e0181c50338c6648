import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ImportPhase, ImportStatus } from './import-progress';

/** One import of one file: who, when, what, and how it ended. Kept for audit. */
@ObjectType({ description: 'Импорт файла: кто, когда, что и чем закончился' })
@Entity('import_job')
export class ImportJob {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { description: 'schools, assessment-results, participant-results, …' })
  @Column('text')
  kind: string;

  @Field(() => String)
  @Column('text')
  fileName: string;

  @Field(() => Float, { description: 'File size, bytes' })
  @Column('bigint', {
    transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  fileSize: number;

  @Field(() => String, { description: 'SHA-256 of the file, hex' })
  @Column('text')
  sha256: string;

  @Field(() => String, {
    nullable: true,
    description: 'What the file turned out to be, e.g. «csv (Windows-1251, разделитель «;»)»',
  })
  @Column('text', { nullable: true })
  format: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  userId: string | null;

  @Field(() => String, { description: 'Who started the import' })
  @Column('text')
  userName: string;

  @Field(() => Boolean, { description: 'Checked and counted only; nothing written' })
  @Column('boolean', { default: false })
  dryRun: boolean;

  @Field(() => Boolean, { description: 'Valid rows applied even when others are rejected' })
  @Column('boolean', { default: false })
  partial: boolean;

  @Field(() => ImportStatus)
  @Index()
  @Column({ type: 'enum', enum: ImportStatus, enumName: 'import_status', default: ImportStatus.RUNNING })
  status: ImportStatus;

  @Field(() => ImportPhase)
  @Column({ type: 'enum', enum: ImportPhase, enumName: 'import_phase', default: ImportPhase.QUEUED })
  phase: ImportPhase;

  @Field(() => Int, { description: 'Data rows read' })
  @Column('integer', { default: 0 })
  rowsRead: number;

  @Field(() => Int)
  @Column('integer', { default: 0 })
  inserted: number;

  @Field(() => Int)
  @Column('integer', { default: 0 })
  updated: number;

  @Field(() => Int)
  @Column('integer', { default: 0 })
  unchanged: number;

  @Field(() => Int)
  @Column('integer', { default: 0 })
  rejected: number;

  /** The header row as the file writes it, for the rejected-rows file. */
  @Column('text', { array: true, default: () => "'{}'" })
  headerCells: string[];

  @Field(() => [String], { description: 'Notes that did not stop the import (ignored columns…)' })
  @Column('text', { array: true, default: () => "'{}'" })
  warnings: string[];

  @Field(() => String, { nullable: true, description: 'Why the whole file was refused or failed' })
  @Column('text', { nullable: true })
  error: string | null;

  @Field(() => Date)
  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;

  @Field(() => Int, { nullable: true })
  @Column('integer', { nullable: true })
  durationMs: number | null;
}

/** A row the import refused, with its cells as written and every problem found in it. */
@Entity('import_rejected_row')
export class ImportRejectedRow {
  @PrimaryColumn('uuid')
  jobId: string;

  @ManyToOne(() => ImportJob, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id' })
  job?: ImportJob;

  /** Several problems on one line are one row; line is unique per job. */
  @PrimaryColumn('integer')
  line: number;

  @Column('text', { array: true })
  cells: string[];

  @Column('jsonb')
  problems: { column: string | null; message: string }[];
}

/**
 * The original file, in pieces: kept for audit, in PostgreSQL like everything else. Pieces are
 * gzip-compressed by the server (`gzipped`); those of files kept before that are stored as read.
 * Written and read by `kept-file.ts`.
 */
@Entity('import_file_chunk')
export class ImportFileChunk {
  @PrimaryColumn('uuid')
  jobId: string;

  @ManyToOne(() => ImportJob, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id' })
  job?: ImportJob;

  @PrimaryColumn('integer')
  seq: number;

  @Column('bytea')
  data: Buffer;

  @Column('boolean', { default: false })
  gzipped: boolean;
}
