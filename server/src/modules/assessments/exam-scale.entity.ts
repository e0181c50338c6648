import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AssessmentSubject } from './subject.entity';

@ObjectType({
  description:
    'Минимальный тестовый балл ЕГЭ по предмету за год (справочник, редактируемый): ' +
    'ниже него — «не преодолели минимум»',
})
@Entity('ege_minimum_score')
@Check('CHK_ege_minimum_score_range', `"min_score" BETWEEN 0 AND 100`)
export class EgeMinimumScore {
  @Field(() => Int)
  @PrimaryColumn('integer')
  year: number;

  @Field(() => String)
  @PrimaryColumn('text')
  subjectCode: string;

  @ManyToOne(() => AssessmentSubject, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'subject_code' })
  subjectRef?: AssessmentSubject;

  @Field(() => Int, { description: 'Test score (0–100); a score below it is below the minimum' })
  @Column('integer')
  minScore: number;
}

@ObjectType({
  description:
    'Шкала перевода первичного балла ОГЭ в отметку по предмету за год (справочник, редактируемый): ' +
    'ниже порога «3» — «2»',
})
@Entity('oge_scale')
@Check(
  'CHK_oge_scale_order',
  `0 <= "min_primary_for3" AND "min_primary_for3" < "min_primary_for4" AND "min_primary_for4" < "min_primary_for5" AND "min_primary_for5" <= "max_primary_score"`,
)
export class OgeScale {
  @Field(() => Int)
  @PrimaryColumn('integer')
  year: number;

  @Field(() => String)
  @PrimaryColumn('text')
  subjectCode: string;

  @ManyToOne(() => AssessmentSubject, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'subject_code' })
  subjectRef?: AssessmentSubject;

  @Field(() => Int, { description: 'Maximum primary score' })
  @Column('integer')
  maxPrimaryScore: number;

  @Field(() => Int, { description: 'Lowest primary score for «3»' })
  @Column('integer')
  minPrimaryFor3: number;

  @Field(() => Int, { description: 'Lowest primary score for «4»' })
  @Column('integer')
  minPrimaryFor4: number;

  @Field(() => Int, { description: 'Lowest primary score for «5»' })
  @Column('integer')
  minPrimaryFor5: number;
}
