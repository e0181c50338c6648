import { Field, Float, ObjectType, registerEnumType, Int } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Cluster } from '../clusters/cluster.entity';
import { Municipality } from '../municipalities/municipality.entity';
import { Locality } from '../shared/locality';

export enum SchoolFounder {
  MUNICIPAL = 'municipal',
  REGIONAL = 'regional',
  FEDERAL = 'federal',
  PRIVATE = 'private',
}

registerEnumType(SchoolFounder, {
  name: 'SchoolFounder',
  description: 'Учредитель',
  valuesConfig: {
    MUNICIPAL: { description: 'Муниципальный' },
    REGIONAL: { description: 'Региональный' },
    FEDERAL: { description: 'Федеральный' },
    PRIVATE: { description: 'Частный' },
  },
});

@ObjectType({ description: 'Общеобразовательная организация (ОО)' })
@Entity('school')
export class School {
  @Field(() => String, { description: "The school's login in the federal assessment system, e.g. `sch700001`" })
  @PrimaryColumn('text')
  code: string;

  @Index()
  @Column('text')
  municipalityCode: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code' })
  municipalityRef?: Municipality;

  @Field(() => String, { description: 'Полное наименование' })
  @Column('text')
  fullName: string;

  @Field(() => String, { nullable: true, description: 'Краткое наименование' })
  @Column('text', { nullable: true })
  shortName: string | null;

  @Field(() => String, { nullable: true, description: 'Тип ОО: СОШ, ООШ, НОШ, гимназия, лицей, коррекционная…' })
  @Column('text', { nullable: true })
  type: string | null;

  @Field(() => SchoolFounder, { nullable: true })
  @Column({ type: 'enum', enum: SchoolFounder, enumName: 'school_founder', nullable: true })
  founder: SchoolFounder | null;

  @Field(() => Locality, { nullable: true })
  @Column({ type: 'enum', enum: Locality, enumName: 'locality', nullable: true })
  locality: Locality | null;

  @Field(() => Int, { nullable: true, description: 'Обучающихся' })
  @Column('integer', { nullable: true })
  studentCount: number | null;

  @Field(() => Int, { nullable: true, description: 'Педагогов' })
  @Column('integer', { nullable: true })
  teacherCount: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Road distance to Tomsk, km; the municipality's figure when the source gives none",
  })
  @Column('double precision', { nullable: true })
  distanceToTomskKm: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Year-round transport connection; the municipality's flag when the source gives none",
  })
  @Column('boolean', { nullable: true })
  yearRoundRoad: boolean | null;

  @Field(() => Boolean, { description: 'Demo data generated for trying the product, not a real school' })
  @Column('boolean', { default: false })
  isDemo: boolean;

  /** Derived by PostgreSQL from the cluster rules; never written by hand. */
  @Index()
  @Column('text', { nullable: true })
  clusterCode: string | null;

  @ManyToOne(() => Cluster, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'cluster_code' })
  clusterRef?: Cluster;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
