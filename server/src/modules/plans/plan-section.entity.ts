import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Plan } from './plan.entity';

@ObjectType({ description: 'Раздел плана (раздел дорожной карты, блок модели)' })
@Entity('plan_section')
@Unique(['planCode', 'number'])
export class PlanSection {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Index()
  @Column('text')
  planCode: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_code' })
  planRef?: Plan;

  @Field(() => String, { description: "The section's number or label as written: «1», «Блок 3»" })
  @Column('text')
  number: string;

  @Field(() => String)
  @Column('text')
  title: string;

  /** Order within the plan. */
  @Column('integer')
  position: number;
}
