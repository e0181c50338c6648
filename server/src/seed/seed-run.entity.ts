import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which seed ran when, so a restart seeds nothing twice. */
@Entity('seed_run')
export class SeedRun {
  /** e.g. `reference:territory@1`, `demo:schools@1`. */
  @PrimaryColumn('text')
  name: string;

  @Column('timestamptz', { default: () => 'now()' })
  appliedAt: Date;

  @Column('integer')
  rowCount: number;
}
