import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { School } from '../schools/school.entity';
import { SelfDiagnosticDirection } from './self-diagnostic-direction.entity';
import { SelfDiagnosticLevel } from './self-diagnostic-level';

/** A round of the self-diagnostics: the plan has two a year. */
@ObjectType({ description: 'Этап самодиагностики (два в год)' })
@Entity('self_diagnostic_round')
@Check('CHK_self_diagnostic_round_round', 'round IN (1, 2)')
export class SelfDiagnosticRound {
  @Field(() => Int)
  @PrimaryColumn('integer')
  year: number;

  @Field(() => Int, { description: '1 or 2' })
  @PrimaryColumn('integer')
  round: number;
}

/**
 * A school's self-diagnostic result in one round. The level is what the federal
 * platform gave (its thresholds are not public): stored as given, never computed.
 */
@ObjectType({ description: 'Результат самодиагностики школы на одном этапе' })
@Entity('self_diagnostic_result')
@Index(['year', 'round'])
@ForeignKey(() => SelfDiagnosticRound, ['year', 'round'], ['year', 'round'], {
  name: 'FK_self_diagnostic_result_round',
  onDelete: 'RESTRICT',
})
@Check('CHK_self_diagnostic_result_total', 'total >= 0')
export class SelfDiagnosticResult {
  @ForeignKey(() => School, { onDelete: 'RESTRICT' })
  @PrimaryColumn('text')
  schoolCode: string;

  @Field(() => Int)
  @PrimaryColumn('integer')
  year: number;

  @Field(() => Int, { description: 'Этап: 1 or 2' })
  @PrimaryColumn('integer')
  round: number;

  @Field(() => Int, { nullable: true, description: 'Итого, as given (or the sum of all direction scores)' })
  @Column('integer', { nullable: true })
  total: number | null;

  @Field(() => SelfDiagnosticLevel, { description: 'Уровень, as the federal platform gave it' })
  @Column({ type: 'enum', enum: SelfDiagnosticLevel, enumName: 'self_diagnostic_level' })
  level: SelfDiagnosticLevel;

  @Field(() => Boolean, { description: 'Demo data generated for trying the product, not a real result' })
  @Column('boolean', { default: false })
  isDemo: boolean;

  @Field(() => String, { description: 'Who recorded it last (name as shown)' })
  @Column('text')
  recordedBy: string;

  /** The recording user's id; null for the system and anonymous callers. */
  @Column('text', { nullable: true })
  recordedByUserId: string | null;

  @Field(() => Date, { description: 'When it was recorded last' })
  @Column('timestamptz', { default: () => 'now()' })
  recordedAt: Date;

  /** Direction scores by direction code, loaded with the row. */
  scores: Map<string, number>;

  /** The school, when the loading path knows it. */
  school?: School;
}

/** One direction's score in a result; a direction the source left empty has no row. */
@Entity('self_diagnostic_score')
@ForeignKey(() => SelfDiagnosticResult, ['schoolCode', 'year', 'round'], ['schoolCode', 'year', 'round'], {
  name: 'FK_self_diagnostic_score_result',
  onDelete: 'CASCADE',
})
@Check('CHK_self_diagnostic_score_non_negative', 'score >= 0')
export class SelfDiagnosticScore {
  @PrimaryColumn('text')
  schoolCode: string;

  @PrimaryColumn('integer')
  year: number;

  @PrimaryColumn('integer')
  round: number;

  @ForeignKey(() => SelfDiagnosticDirection, { onDelete: 'RESTRICT' })
  @PrimaryColumn('text')
  directionCode: string;

  @Column('integer')
  score: number;
}
