import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PlanKind } from './plans.enums';

/**
 * A plan of the department: the ШНОР roadmap, the «Школа Минпросвещения России»
 * plan, the regional model's block plans, a seminar's decisions. Reference data
 * transcribed from the documents: plan → section → activity → progress.
 */
@ObjectType({ description: 'План мероприятий (дорожная карта, план работы, решения совещания)' })
@Entity('plan')
export class Plan {
  @Field(() => String, { description: 'Stable slug, e.g. `shnor-roadmap-2023`' })
  @PrimaryColumn('text')
  code: string;

  @Field(() => PlanKind)
  @Column({ type: 'enum', enum: PlanKind, enumName: 'plan_kind' })
  kind: PlanKind;

  @Field(() => String)
  @Column('text')
  title: string;

  @Field(() => Int, { description: 'The year the plan runs in' })
  @Column('integer')
  year: number;

  @Field(() => Int, {
    description:
      'The year undated deadlines («В течение года», «Ежеквартально») belong to; differs from `year` for a plan ' +
      'approved at the end of its year for the next one',
  })
  @Column('integer')
  deadlineYear: number;

  @Field(() => String, { nullable: true, description: 'The approving act as written (распоряжение, протокол)' })
  @Column('text', { nullable: true })
  approvedBy: string | null;

  @Field(() => String, { description: 'The document the plan was transcribed from' })
  @Column('text')
  sourceDocument: string;

  /** Display order of the plans. */
  @Column('integer')
  sortOrder: number;
}
