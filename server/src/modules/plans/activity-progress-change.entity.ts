import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Activity } from './activity.entity';
import { PlanLevel, ProgressStatus } from './plans.enums';

/**
 * One change of an activity's progress for a target: the new state, the
 * previous status, which fields changed, who and when. Append-only (a trigger
 * refuses updates, and deletes of real rows). Target codes are kept as text
 * without foreign keys, so the trail outlives a removed school.
 */
@ObjectType({ description: 'Изменение исполнения мероприятия: кто, что и когда изменил' })
@Entity('activity_progress_change')
@Index(['activityId', 'recordedAt'])
export class ActivityProgressChange {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column('integer')
  activityId: number;

  @ManyToOne(() => Activity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'activity_id' })
  activityRef?: Activity;

  @Column({ type: 'enum', enum: PlanLevel, enumName: 'plan_level' })
  targetLevel: PlanLevel;

  @Column('text')
  targetKey: string;

  @Column('text', { nullable: true })
  municipalityCode: string | null;

  @Index()
  @Column('text', { nullable: true })
  schoolCode: string | null;

  @Field(() => ProgressStatus, { description: 'The status after the change' })
  @Column({ type: 'enum', enum: ProgressStatus, enumName: 'progress_status' })
  status: ProgressStatus;

  @Field(() => ProgressStatus, { nullable: true, description: 'The status before; null for the first record' })
  @Column({ type: 'enum', enum: ProgressStatus, enumName: 'progress_status', nullable: true })
  previousStatus: ProgressStatus | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  evidenceUrl: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  comment: string | null;

  @Field(() => [String], { description: 'Fields this change set: status, evidenceUrl, comment' })
  @Column('text', { array: true })
  changedFields: string[];

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  recordedById: string | null;

  @Field(() => String)
  @Column('text')
  recordedBy: string;

  @Field(() => Date)
  @Column('timestamptz')
  recordedAt: Date;

  @Field(() => Boolean)
  @Column('boolean', { default: false })
  isDemo: boolean;
}
