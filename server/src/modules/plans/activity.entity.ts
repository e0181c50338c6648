import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PlanSection } from './plan-section.entity';
import { Plan } from './plan.entity';
import { PlanLevel, RecurrenceKind } from './plans.enums';

/**
 * An activity (мероприятие) of a plan. The deadline is kept as written and as
 * parsed (a date range and/or a recurrence); overdue is derived from the end
 * of the range and the progress, never stored.
 */
@ObjectType({ description: 'Мероприятие плана' })
@Entity('plan_activity')
@Unique(['planCode', 'number'])
export class Activity {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Field(() => ID, {
    name: 'id',
    description: 'Stable across databases: `<plan code>:<number>`, e.g. `shnor-roadmap-2023:11`',
  })
  get key(): string {
    return `${this.planCode}:${this.number}`;
  }

  @Column('text')
  planCode: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_code' })
  planRef?: Plan;

  @Index()
  @Column('integer')
  sectionId: number;

  @ManyToOne(() => PlanSection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id' })
  sectionRef?: PlanSection;

  @Field(() => String, { description: 'The number as written, unique within the plan: «11», «3.10»' })
  @Column('text')
  number: string;

  /** Order within the plan. */
  @Column('integer')
  position: number;

  @Field(() => String)
  @Column('text')
  title: string;

  @Column('text')
  deadlineText: string;

  @Column('date', { nullable: true })
  deadlineStart: string | null;

  @Index()
  @Column('date', { nullable: true })
  deadlineEnd: string | null;

  @Column({ type: 'enum', enum: RecurrenceKind, enumName: 'recurrence_kind', nullable: true })
  deadlineRecurrence: RecurrenceKind | null;

  @Column('integer', { nullable: true })
  deadlineTimesMin: number | null;

  @Column('integer', { nullable: true })
  deadlineTimesMax: number | null;

  @Column('boolean')
  deadlineParsed: boolean;

  @Field(() => String, { nullable: true, description: 'Показатель реализации' })
  @Column('text', { nullable: true })
  indicator: string | null;

  @Field(() => String, { nullable: true, description: 'Ожидаемый результат' })
  @Column('text', { nullable: true })
  expectedResult: string | null;

  @Field(() => [String], { description: 'Исполнители / ответственные as written' })
  @Column('text', { array: true })
  executors: string[];

  @Column('integer', { nullable: true })
  targetValue: number | null;

  @Column('text', { nullable: true })
  targetUnit: string | null;

  @Field(() => PlanLevel, { description: 'The level progress is reported at' })
  @Column({ type: 'enum', enum: PlanLevel, enumName: 'plan_level' })
  scope: PlanLevel;
}
