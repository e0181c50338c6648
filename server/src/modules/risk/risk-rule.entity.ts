import { GraphQLJSON } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { RiskLevel } from './risk-level';

/**
 * A signal rule of the early warning, as the department keeps it: its weight
 * in the composite score, its thresholds (`params`, read by the rule's SQL) and
 * whether it is on. The code is stable; the rule's logic lives in `risk-sql.ts`.
 */
@ObjectType({ description: 'Правило сигнала раннего предупреждения: вес, пороги, включено ли' })
@Entity('risk_signal_rule')
@Check('CHK_risk_signal_rule_weight', `"weight" >= 0 AND "weight" <= 100`)
export class RiskSignalRule {
  @Field(() => String, { description: 'Stable code, e.g. `assessment_share_2`' })
  @PrimaryColumn('text', { primaryKeyConstraintName: 'PK_risk_signal_rule' })
  code: string;

  @Field(() => Int, { description: 'Order of columns on the dashboard' })
  @Column('integer')
  position: number;

  @Field(() => String, { description: 'Data domain: vsoko, shnor, selfdiag, assessment, plan' })
  @Column('text')
  domain: string;

  @Field(() => String)
  @Column('text')
  title: string;

  @Field(() => String, { description: 'The rule in words, naming its parameters' })
  @Column('text')
  description: string;

  @Field(() => Int, { description: 'Added to the school’s score when the signal is on (0–100)' })
  @Column('integer')
  weight: number;

  @Field(() => GraphQLJSON, { description: 'Thresholds: numbers by name, e.g. { ratio: 1.5, minParticipants: 10 }' })
  @Column('jsonb', { default: {} })
  params: Record<string, number>;

  @Field(() => Boolean)
  @Column('boolean', { default: true })
  enabled: boolean;

  @Field(() => String, { nullable: true, description: 'Who last changed it' })
  @Column('text', { nullable: true })
  updatedBy: string | null;

  @Field(() => Date)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** The score from which a level begins; `none` begins at 0. */
@ObjectType({ description: 'Порог уровня: с какой суммы весов сигналов начинается уровень' })
@Entity('risk_level')
@Check('CHK_risk_level_min_score', `"min_score" >= 0`)
export class RiskLevelCutoff {
  @Field(() => RiskLevel)
  @PrimaryColumn({
    type: 'enum',
    enum: RiskLevel,
    enumName: 'risk_level_code',
    primaryKeyConstraintName: 'PK_risk_level',
  })
  level: RiskLevel;

  @Field(() => String)
  @Column('text')
  title: string;

  @Field(() => Int)
  @Column('integer')
  minScore: number;
}
