import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'Учебный предмет оценочных процедур' })
@Entity('assessment_subject')
export class AssessmentSubject {
  @Field(() => String, { description: 'Stable code, e.g. RUSSIAN, MATHEMATICS_PROFILE' })
  @PrimaryColumn('text')
  code: string;

  @Field(() => String, { description: 'e.g. «Математика (профильная)»' })
  @Column('text')
  name: string;

  /** Display order. */
  @Column('integer')
  sortOrder: number;
}

/** One spelling of a subject's name as source files write it. */
@Entity('assessment_subject_alias')
export class AssessmentSubjectAlias {
  /** The spelling after `normalizeAssessmentName`: the lookup key. */
  @PrimaryColumn('text')
  key: string;

  @Column('text')
  alias: string;

  @Index()
  @Column('text')
  subjectCode: string;

  @ManyToOne(() => AssessmentSubject, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subject_code' })
  subject?: AssessmentSubject;
}
