import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

@ObjectType({
  description: 'Оценочная процедура: ВПР, ОГЭ, ЕГЭ, ГВЭ, региональная диагностика, функциональная грамотность',
})
@Entity('assessment_procedure')
export class AssessmentProcedure {
  @Field(() => String, { description: 'Stable code: VPR, OGE, EGE, GVE, REGIONAL_DIAGNOSTICS, FUNCTIONAL_LITERACY' })
  @PrimaryColumn('text')
  code: string;

  @Field(() => String, { description: 'Abbreviation as officials write it: «ВПР»' })
  @Column('text')
  shortName: string;

  @Field(() => String)
  @Column('text')
  name: string;

  @Field(() => [Int], { description: 'Grades the procedure runs in; a result names one of them' })
  @Column('integer', { array: true })
  grades: number[];

  /** Display order. */
  @Column('integer')
  sortOrder: number;
}

/** One spelling of a procedure's name as source files write it. */
@Entity('assessment_procedure_alias')
export class AssessmentProcedureAlias {
  /** The spelling after `normalizeAssessmentName`: the lookup key. */
  @PrimaryColumn('text')
  key: string;

  @Column('text')
  alias: string;

  @Index()
  @Column('text')
  procedureCode: string;

  @ManyToOne(() => AssessmentProcedure, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'procedure_code' })
  procedure?: AssessmentProcedure;
}
