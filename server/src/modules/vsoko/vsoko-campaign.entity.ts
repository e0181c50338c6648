import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { School } from '../schools/school.entity';

@ObjectType({ description: 'Кампания мониторинга функционирования ВСОКО (например, 2024 года)' })
@Entity('vsoko_campaign')
export class VsokoCampaign {
  @Field(() => Int, { description: 'The campaign year; its key' })
  @PrimaryColumn('integer')
  year: number;

  @Field(() => String)
  @Column('text')
  title: string;

  @Field(() => String, { description: 'First day, ISO date (2024-10-14)' })
  @Column('date')
  startsOn: string;

  @Field(() => String, { description: 'Last day, ISO date (2024-11-27)' })
  @Column('date')
  endsOn: string;

  @Field(() => String, { description: 'The act that ordered the campaign, as written' })
  @Column('text')
  orderedBy: string;
}

/** A school of a campaign's sample: only these schools are evaluated in that campaign. */
@Entity('vsoko_campaign_school')
export class VsokoCampaignSchool {
  @ForeignKey(() => VsokoCampaign, { onDelete: 'CASCADE' })
  @PrimaryColumn('integer')
  campaignYear: number;

  @Index()
  @ForeignKey(() => School, { onDelete: 'RESTRICT' })
  @PrimaryColumn('text')
  schoolCode: string;

  /** Position in the campaign's list (Приложение № 3 numbers the schools). */
  @Column('integer')
  position: number;
}
