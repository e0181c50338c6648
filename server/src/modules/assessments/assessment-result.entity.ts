import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { School } from '../schools/school.entity';
import { AssessmentProcedure } from './procedure.entity';
import { AssessmentSubject } from './subject.entity';

export enum AssessmentResultSource {
  REPORTED = 'reported',
  DERIVED = 'derived',
}

registerEnumType(AssessmentResultSource, {
  name: 'AssessmentResultSource',
  description: 'Откуда взяты показатели школы',
  valuesConfig: {
    REPORTED: { description: 'Как их даёт источник (федеральная «Статистика по отметкам», файл школы)' },
    DERIVED: { description: 'Рассчитаны по результатам участников (региональный центр обработки информации)' },
  },
});

/**
 * A school's result in one procedure, year, subject and grade: the grain of the federal
 * «Статистика по отметкам». Natural key: school + procedure + year + subject + grade, with
 * a missing grade as a value of its own (a unique index over `coalesce(grade, 0)`, which
 * PostgreSQL 14 understands, unlike NULLS NOT DISTINCT).
 */
@ObjectType({ description: 'Результат школы в оценочной процедуре по предмету и классу за год' })
@Entity('assessment_result')
@Index('UQ_assessment_result_key', { synchronize: false })
@Index(['year', 'procedureCode', 'subjectCode'])
@Check(
  'CHK_assessment_result_counts',
  `"participants" >= 0 AND "count2" >= 0 AND "count3" >= 0 AND "count4" >= 0 AND "count5" >= 0`,
)
@Check('CHK_assessment_result_marks', `"count2" + "count3" + "count4" + "count5" <= "participants"`)
@Check(
  'CHK_assessment_result_reported_marks',
  `"source" <> 'reported' OR "count2" + "count3" + "count4" + "count5" = "participants"`,
)
@Check(
  'CHK_assessment_result_journal',
  `("journal_lowered" IS NULL AND "journal_confirmed" IS NULL AND "journal_raised" IS NULL) OR ("journal_lowered" >= 0 AND "journal_confirmed" >= 0 AND "journal_raised" >= 0 AND "journal_lowered" + "journal_confirmed" + "journal_raised" = "participants")`,
)
@Check('CHK_assessment_result_below_minimum', `"below_minimum_count" BETWEEN 0 AND "participants"`)
@Check('CHK_assessment_result_grade', `"grade" BETWEEN 1 AND 11`)
export class AssessmentResult {
  @Field(() => ID)
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Field(() => String)
  @Column('text')
  schoolCode: string;

  @ManyToOne(() => School, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_code' })
  schoolRef?: School;

  @Field(() => String, { description: 'Procedure code: VPR, OGE, EGE…' })
  @Column('text')
  procedureCode: string;

  @ManyToOne(() => AssessmentProcedure, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'procedure_code' })
  procedureRef?: AssessmentProcedure;

  @Field(() => Int)
  @Column('integer')
  year: number;

  @Field(() => String, { description: 'Subject code: RUSSIAN, MATHEMATICS…' })
  @Column('text')
  subjectCode: string;

  @ManyToOne(() => AssessmentSubject, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'subject_code' })
  subjectRef?: AssessmentSubject;

  @Field(() => Int, { nullable: true, description: 'Класс; пусто, если у процедуры нет классов' })
  @Column('integer', { nullable: true })
  grade: number | null;

  @Field(() => Int, { description: 'Участников' })
  @Column('integer')
  participants: number;

  @Field(() => Int, { description: 'Получили «2»' })
  @Column('integer')
  count2: number;

  @Field(() => Int, { description: 'Получили «3»' })
  @Column('integer')
  count3: number;

  @Field(() => Int, { description: 'Получили «4»' })
  @Column('integer')
  count4: number;

  @Field(() => Int, { description: 'Получили «5»' })
  @Column('integer')
  count5: number;

  @Field(() => Int, { nullable: true, description: 'Понизили (отметка ниже отметки по журналу)' })
  @Column('integer', { nullable: true })
  journalLowered: number | null;

  @Field(() => Int, { nullable: true, description: 'Подтвердили отметку по журналу' })
  @Column('integer', { nullable: true })
  journalConfirmed: number | null;

  @Field(() => Int, { nullable: true, description: 'Повысили (отметка выше отметки по журналу)' })
  @Column('integer', { nullable: true })
  journalRaised: number | null;

  @Field(() => Float, { nullable: true, description: 'Средний первичный балл (по результатам участников)' })
  @Column('double precision', { nullable: true })
  meanPrimaryScore: number | null;

  @Field(() => Float, { nullable: true, description: 'Средний тестовый балл (ЕГЭ, по результатам участников)' })
  @Column('double precision', { nullable: true })
  meanTestScore: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Не преодолели минимальный балл ЕГЭ (по результатам участников); пусто для других процедур',
  })
  @Column('integer', { nullable: true })
  belowMinimumCount: number | null;

  @Field(() => AssessmentResultSource)
  @Column({ type: 'enum', enum: AssessmentResultSource, enumName: 'assessment_result_source' })
  source: AssessmentResultSource;

  @Field(() => Boolean, { description: 'Demo data, not real results' })
  @Column('boolean', { default: false })
  isDemo: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
