import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { School } from '../schools/school.entity';
import { VsokoBlock, VsokoDocument } from './vsoko-campaign-parts.entity';
import { VsokoCampaign, VsokoCampaignSchool } from './vsoko-campaign.entity';

/**
 * A school's evaluation in one campaign: the experts' block scores, the passport and the
 * document links. Risks, zone and total are derived from the campaign's rules on read
 * (and by the `vsoko_evaluation_outcome` view in SQL), never stored.
 */
@ObjectType({ description: 'Результат мониторинга ВСОКО школы в одной кампании' })
@Entity('vsoko_evaluation')
// The school must be in the campaign's sample: the service says so in Russian, this key
// keeps any other write path (imports, SQL) to the same rule.
@ForeignKey(() => VsokoCampaignSchool, ['campaignYear', 'schoolCode'], ['campaignYear', 'schoolCode'], {
  name: 'FK_vsoko_evaluation_sample',
  onDelete: 'RESTRICT',
})
@Check('CHK_vsoko_evaluation_counts', 'teacher_count >= 0 AND student_count >= 0')
export class VsokoEvaluation {
  @PrimaryColumn('text')
  schoolCode: string;

  @Field(() => Int, { name: 'year', description: 'The campaign year' })
  @Index()
  @ForeignKey(() => VsokoCampaign, { onDelete: 'RESTRICT' })
  @PrimaryColumn('integer')
  campaignYear: number;

  @Field(() => String, { nullable: true, description: 'Эксперт, as recorded' })
  @Column('text', { nullable: true })
  expert: string | null;

  /** Passport: codes of the management positions the school marked; null when not reported. */
  @Column('text', { array: true, nullable: true })
  managementPositions: string[] | null;

  /** Passport: teaching staff including part-timers. */
  @Column('integer', { nullable: true })
  teacherCount: number | null;

  /** Passport: students on the roll. */
  @Column('integer', { nullable: true })
  studentCount: number | null;

  @Field(() => Boolean, { description: 'Demo data generated for trying the product, not a real evaluation' })
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

  /** Block scores by block number, loaded with the row. */
  scores: Map<number, number>;

  /** Document links by document code, loaded with the row. */
  links: Map<string, string>;

  /** The school, when the loading path knows it. */
  school?: School;
}

@Entity('vsoko_block_score')
@ForeignKey(() => VsokoEvaluation, ['schoolCode', 'campaignYear'], ['schoolCode', 'campaignYear'], {
  name: 'FK_vsoko_block_score_evaluation',
  onDelete: 'CASCADE',
})
@ForeignKey(() => VsokoBlock, ['campaignYear', 'blockNumber'], ['campaignYear', 'number'], {
  name: 'FK_vsoko_block_score_block',
  onDelete: 'RESTRICT',
})
@Check('CHK_vsoko_block_score_non_negative', 'score >= 0')
export class VsokoBlockScore {
  @PrimaryColumn('text')
  schoolCode: string;

  @PrimaryColumn('integer')
  campaignYear: number;

  @PrimaryColumn('integer')
  blockNumber: number;

  @Column('integer')
  score: number;
}

/** A link to one required document; a document without a link has no row. */
@Entity('vsoko_document_link')
@ForeignKey(() => VsokoEvaluation, ['schoolCode', 'campaignYear'], ['schoolCode', 'campaignYear'], {
  name: 'FK_vsoko_document_link_evaluation',
  onDelete: 'CASCADE',
})
@ForeignKey(() => VsokoDocument, ['campaignYear', 'documentCode'], ['campaignYear', 'code'], {
  name: 'FK_vsoko_document_link_document',
  onDelete: 'RESTRICT',
})
export class VsokoDocumentLink {
  @PrimaryColumn('text')
  schoolCode: string;

  @PrimaryColumn('integer')
  campaignYear: number;

  @PrimaryColumn('text')
  documentCode: string;

  @Column('text')
  url: string;
}
