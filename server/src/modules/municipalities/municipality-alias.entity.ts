import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Municipality } from './municipality.entity';

/** One spelling of a municipality's name as source files write it. */
@Entity('municipality_alias')
export class MunicipalityAlias {
  /** The spelling after `normalizeMunicipalityName`: the lookup key. */
  @PrimaryColumn('text')
  key: string;

  /** The spelling as it was written. */
  @Column('text')
  alias: string;

  @Index()
  @Column('text')
  municipalityCode: string;

  @ManyToOne(() => Municipality, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'municipality_code' })
  municipality?: Municipality;
}
