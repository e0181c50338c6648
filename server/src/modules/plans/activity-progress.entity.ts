import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Municipality } from '../municipalities/municipality.entity';
import { School } from '../schools/school.entity';
import { Activity } from './activity.entity';
import { PlanLevel, ProgressStatus } from './plans.enums';

/**
 * The current progress of an activity for one target: the region, a
 * municipality or a school. One row per (activity, target); every change is
 * also appended to `activity_progress_change`. A school target carries its
 * school's municipality too, so a municipality's rows are found (and, later,
 * scoped) by one column.
 */
@ObjectType({ description: 'Исполнение мероприятия по одной цели: регион, муниципалитет или школа' })
@Entity('activity_progress')
@Unique(['activityId', 'targetKey'])
@Check(
  'CHK_activity_progress_target',
  "(target_level = 'region' AND municipality_code IS NULL AND school_code IS NULL AND target_key = 'region') OR " +
    "(target_level = 'municipality' AND municipality_code IS NOT NULL AND school_code IS NULL AND " +
    "target_key = 'municipality:' || municipality_code) OR " +
    "(target_level = 'school' AND municipality_code IS NOT NULL AND school_code IS NOT NULL AND " +
    "target_key = 'school:' || school_code)",
)
export class ActivityProgress {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column('integer')
  activityId: number;

  @ManyToOne(() => Activity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  activityRef?: Activity;

  @Column({ type: 'enum', enum: PlanLevel, enumName: 'plan_level' })
  targetLevel: PlanLevel;

  /** `region`, `municipality:<code>` or `school:<code>`: the target's identity within the activity. */
  @Column('text')
  targetKey: string;

  @Index()
  @Column('text', { nullable: true })
  municipalityCode: string | null;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code' })
  municipalityRef?: Municipality;

  @Index()
  @Column('text', { nullable: true })
  schoolCode: string | null;

  @ManyToOne(() => School, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_code' })
  schoolRef?: School;

  @Field(() => ProgressStatus)
  @Column({ type: 'enum', enum: ProgressStatus, enumName: 'progress_status' })
  status: ProgressStatus;

  @Field(() => String, { nullable: true, description: 'Link to the evidence (http or https)' })
  @Column('text', { nullable: true })
  evidenceUrl: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  comment: string | null;

  @Field(() => String, { nullable: true, description: "The recording user's id" })
  @Column('text', { nullable: true })
  recordedById: string | null;

  @Field(() => String, { description: 'Who recorded the current state (name as shown)' })
  @Column('text')
  recordedBy: string;

  @Field(() => Date, { description: 'When the current state was recorded' })
  @Column('timestamptz')
  recordedAt: Date;

  @Field(() => Boolean, { description: 'Demo data generated for trying the product' })
  @Column('boolean', { default: false })
  isDemo: boolean;
}
