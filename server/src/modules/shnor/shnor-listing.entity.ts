import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { School } from '../schools/school.entity';

export enum ShnorCategory {
  SHNOR = 'shnor',
  SHNSU = 'shnsu',
  SHNOR_AND_SHNSU = 'shnor_and_shnsu',
}

registerEnumType(ShnorCategory, {
  name: 'ShnorCategory',
  description: 'Категория школы в списке',
  valuesConfig: {
    SHNOR: { description: 'ШНОР — школа с низкими образовательными результатами' },
    SHNSU: { description: 'ШНСУ — школа, функционирующая в неблагоприятных социальных условиях' },
    SHNOR_AND_SHNSU: { description: 'ШНОР и ШНСУ' },
  },
});

export enum ShnorProgrammeStatus {
  DRAFT = 'draft',
  APPROVED = 'approved',
  MONITORED = 'monitored',
}

registerEnumType(ShnorProgrammeStatus, {
  name: 'ShnorProgrammeStatus',
  description: 'Статус школьной программы повышения качества образования',
  valuesConfig: {
    DRAFT: { description: 'Проект' },
    APPROVED: { description: 'Утверждена' },
    MONITORED: { description: 'На мониторинге' },
  },
});

/** A school on the ШНОР/ШНСУ list of a year. Natural key (the primary key): school + year. */
@ObjectType({ description: 'Школа в списке ШНОР/ШНСУ за год: категория, куратор, статус школьной программы' })
@Entity('shnor_listing')
@Index(['year'])
export class ShnorListing {
  @Field(() => String)
  @PrimaryColumn('text')
  schoolCode: string;

  @ManyToOne(() => School, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_code' })
  schoolRef?: School;

  @Field(() => Int)
  @PrimaryColumn('integer')
  year: number;

  @Field(() => ShnorCategory)
  @Column({ type: 'enum', enum: ShnorCategory, enumName: 'shnor_category' })
  category: ShnorCategory;

  @Field(() => String, { nullable: true, description: 'Куратор' })
  @Column('text', { nullable: true })
  curator: string | null;

  @Field(() => ShnorProgrammeStatus)
  @Column({
    type: 'enum',
    enum: ShnorProgrammeStatus,
    enumName: 'shnor_programme_status',
    default: ShnorProgrammeStatus.DRAFT,
  })
  programmeStatus: ShnorProgrammeStatus;

  @Field(() => Boolean, { description: 'Demo data, not the real list' })
  @Column('boolean', { default: false })
  isDemo: boolean;

  @Field(() => String, { description: 'Кто внёс или изменил запись последним' })
  @Column('text')
  updatedBy: string;

  /** The user id behind `updatedBy`, when the writer was a signed-in user. */
  @Column('text', { nullable: true })
  updatedByUserId: string | null;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { description: 'Когда запись изменена последний раз' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
