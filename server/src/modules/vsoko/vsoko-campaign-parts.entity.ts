import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { VsokoCampaign } from './vsoko-campaign.entity';
import { VsokoPassportItemKind, VsokoZoneCode } from './vsoko-zone';

@ObjectType({ description: 'Блок мониторинга ВСОКО (Таблица 1) с риском и индикатором риска (Таблица 2)' })
@Entity('vsoko_block')
@Check('CHK_vsoko_block_scores', 'max_score > 0 AND threshold >= 0 AND threshold <= max_score')
export class VsokoBlock {
  @ForeignKey(() => VsokoCampaign, { onDelete: 'CASCADE' })
  @PrimaryColumn('integer')
  campaignYear: number;

  @Field(() => Int)
  @PrimaryColumn('integer')
  number: number;

  @Field(() => String)
  @Column('text')
  name: string;

  @Field(() => Int, { description: 'Суммарный балл за блок (максимум)' })
  @Column('integer')
  maxScore: number;

  @Field(() => Int, { description: 'Минимальный порог: a score below it is a risk, a score equal to it is not' })
  @Column('integer')
  threshold: number;

  @Field(() => String, { description: 'Наименование риска' })
  @Column('text')
  risk: string;

  @Field(() => String, { description: 'Индикатор риска' })
  @Column('text')
  riskIndicator: string;

  @Field(() => [String], { description: 'Criteria scored in the block, where the document lists them' })
  @Column('text', { array: true, default: () => "'{}'" })
  criteria: string[];
}

@ObjectType({ description: 'Документ, прямую ссылку на который представляет участник мониторинга' })
@Entity('vsoko_document')
export class VsokoDocument {
  @ForeignKey(() => VsokoCampaign, { onDelete: 'CASCADE' })
  @PrimaryColumn('integer')
  campaignYear: number;

  @Field(() => String, { description: 'Stable slug, e.g. `self-examination-report`' })
  @PrimaryColumn('text')
  code: string;

  @Field(() => String)
  @Column('text')
  title: string;

  @Field(() => Boolean, { description: 'Marked «(при наличии)»: a school may have no such document' })
  @Column('boolean')
  optional: boolean;

  @Field(() => Int, { description: 'Order in the list' })
  @Column('integer')
  position: number;
}

@ObjectType({ description: 'Позиция паспорта участника мониторинга (Приложение 1 к Концепции)' })
@Entity('vsoko_passport_item')
export class VsokoPassportItem {
  @ForeignKey(() => VsokoCampaign, { onDelete: 'CASCADE' })
  @PrimaryColumn('integer')
  campaignYear: number;

  @Field(() => String, { description: 'Stable slug, e.g. `deputy-education-quality`' })
  @PrimaryColumn('text')
  code: string;

  @Field(() => String)
  @Column('text')
  title: string;

  @Field(() => VsokoPassportItemKind)
  @Column({ type: 'enum', enum: VsokoPassportItemKind, enumName: 'vsoko_passport_item_kind' })
  kind: VsokoPassportItemKind;

  @Field(() => Int, { description: 'Order in the passport' })
  @Column('integer')
  position: number;
}

@ObjectType({ description: 'Этап плана-графика мониторинга' })
@Entity('vsoko_schedule_stage')
export class VsokoScheduleStage {
  @ForeignKey(() => VsokoCampaign, { onDelete: 'CASCADE' })
  @PrimaryColumn('integer')
  campaignYear: number;

  @Field(() => Int, { description: 'Order in the schedule, from 1' })
  @PrimaryColumn('integer')
  position: number;

  @Field(() => String, { description: 'Мероприятие' })
  @Column('text')
  stage: string;

  @Field(() => String, { description: 'Исполнитель' })
  @Column('text')
  responsible: string;

  @Field(() => String, { description: 'Сроки, as written («С 24.10.2024 по 13.11.2024»)' })
  @Column('text')
  period: string;
}

/**
 * One line of a campaign's zone rule: an evaluation with between `minRiskyBlocks` and
 * `maxRiskyBlocks` risky blocks (inclusive) is in `zone`. Data, editable per campaign.
 */
@ObjectType({ description: 'Правило отнесения к зоне риска по числу рисковых блоков' })
@Entity('vsoko_zone_rule')
@Check('CHK_vsoko_zone_rule_range', 'min_risky_blocks >= 0 AND max_risky_blocks >= min_risky_blocks')
export class VsokoZoneRule {
  @ForeignKey(() => VsokoCampaign, { onDelete: 'CASCADE' })
  @PrimaryColumn('integer')
  campaignYear: number;

  @Field(() => VsokoZoneCode)
  @PrimaryColumn({ type: 'enum', enum: VsokoZoneCode, enumName: 'vsoko_zone' })
  zone: VsokoZoneCode;

  @Field(() => String, { description: 'e.g. «Высокий риск»' })
  @Column('text')
  title: string;

  @Field(() => Int)
  @Column('integer')
  minRiskyBlocks: number;

  @Field(() => Int)
  @Column('integer')
  maxRiskyBlocks: number;
}
