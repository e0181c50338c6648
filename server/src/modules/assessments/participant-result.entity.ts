import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One participant's result, as the regional exam centre gives it. Natural key (the primary
 * key): participant code + procedure + year + subject. School-level rows are derived from
 * these by `recomputeSchoolResults`; the index below finds a school-year's rows, which is what
 * it and every other reader that names keys narrow by (whole files are read in hashed passes).
 *
 * The codes carry no foreign keys here: at hundreds of thousands of rows per import the per-row
 * checks cost more than the insert itself. The write path checks a batch's distinct codes in one
 * statement instead, and every participant row is derived into school-level rows in the same
 * transaction, whose foreign keys reject an unknown code (and with it the whole import).
 *
 * The codes compare byte by byte (collation "C"): they are identifiers, and a million-row
 * import spends most of its time comparing them in the two indexes.
 */
@ObjectType({ description: 'Результат участника (обезличенный код) в оценочной процедуре по предмету' })
@Entity('participant_result')
@Index('IDX_participant_result_school_year', ['schoolCode', 'year'])
// The demo rows alone: an import finds those of the keys it meets without reading the table.
@Index('IDX_participant_result_demo', ['schoolCode', 'year'], { where: 'is_demo' })
@Check('CHK_participant_result_scores', `"primary_score" >= 0 AND "test_score" BETWEEN 0 AND 100`)
@Check('CHK_participant_result_mark', `"mark" BETWEEN 2 AND 5`)
@Check('CHK_participant_result_grade', `"grade" BETWEEN 1 AND 11`)
export class ParticipantResult {
  @Field(() => String, { description: 'Обезличенный код участника' })
  @PrimaryColumn('text', { collation: 'C' })
  participantCode: string;

  @Field(() => String)
  @PrimaryColumn('text', { collation: 'C' })
  procedureCode: string;

  @Field(() => Int)
  @PrimaryColumn('integer')
  year: number;

  @Field(() => String)
  @PrimaryColumn('text', { collation: 'C' })
  subjectCode: string;

  @Field(() => String)
  @Column({ type: 'text', collation: 'C' })
  schoolCode: string;

  @Field(() => Int, { nullable: true })
  @Column('integer', { nullable: true })
  grade: number | null;

  @Field(() => Int, { nullable: true, description: 'Первичный балл' })
  @Column('integer', { nullable: true })
  primaryScore: number | null;

  @Field(() => Int, { nullable: true, description: 'Тестовый балл (ЕГЭ, 0–100)' })
  @Column('integer', { nullable: true })
  testScore: number | null;

  @Field(() => Int, { nullable: true, description: 'Отметка 2–5, как её дал источник' })
  @Column('integer', { nullable: true })
  mark: number | null;

  @Field(() => Boolean, { description: 'Demo data, not real results' })
  @Column('boolean', { default: false })
  isDemo: boolean;
}
