import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Locality } from '../shared/locality';

/**
 * A school cluster and the rule that puts schools in it. The rules are data:
 * a school belongs to the first cluster (by `position`) whose every set
 * condition holds; a condition left empty matches anything. PostgreSQL applies
 * the rules (`hub_cluster_for`) whenever a school is written or the rules change.
 */
@ObjectType({
  description: 'Кластер школ по правилу ВСОКО: контингент, удалённость от Томска, транспортная доступность',
})
@Entity('cluster')
export class Cluster {
  @Field(() => String, { description: 'Stable code: K1…K5' })
  @PrimaryColumn('text')
  code: string;

  @Field(() => String, { description: 'Short Russian label, e.g. «К1»' })
  @Column('text')
  shortName: string;

  @Field(() => String, { description: 'e.g. «Городские крупные»' })
  @Column('text')
  name: string;

  @Field(() => Int, { description: 'Order in which the rules are tried; the first match wins' })
  @Column('integer', { unique: true })
  position: number;

  @Field(() => Locality, { nullable: true, description: 'Required locality; empty matches any' })
  @Column({ type: 'enum', enum: Locality, enumName: 'locality', nullable: true })
  locality: Locality | null;

  @Field(() => Boolean, { nullable: true, description: 'Required year-round road connection; empty matches any' })
  @Column('boolean', { nullable: true })
  yearRoundRoad: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Students: at least this many' })
  @Column('integer', { nullable: true })
  studentsAtLeast: number | null;

  @Field(() => Int, { nullable: true, description: 'Students: fewer than this many' })
  @Column('integer', { nullable: true })
  studentsBelow: number | null;

  @Field(() => Float, { nullable: true, description: 'Distance to Tomsk: more than this many km' })
  @Column('double precision', { nullable: true })
  distanceOverKm: number | null;

  @Field(() => Float, { nullable: true, description: 'Distance to Tomsk: at most this many km' })
  @Column('double precision', { nullable: true })
  distanceAtMostKm: number | null;
}
