import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One change: who, when, in which request, what it was and what it became.
 * Append-only: written in the transaction of the change it records (so a
 * rolled-back change leaves no entry); PostgreSQL refuses updates and deletes.
 */
@ObjectType({ description: 'Запись журнала изменений: кто, когда, что было и что стало' })
@Entity('audit_log')
@Index(['entity', 'at'])
@Index(['userId', 'at'])
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Field(() => Date)
  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Field(() => String, { nullable: true, description: 'The user; null for the command line and the system' })
  @Column('uuid', { nullable: true })
  userId: string | null;

  @Field(() => String, { description: 'Who, as shown in histories' })
  @Column('text')
  userName: string;

  @Field(() => String, { nullable: true, description: 'The request’s `x-request-id`' })
  @Index()
  @Column('text', { nullable: true })
  requestId: string | null;

  @Field(() => String, { description: 'What was done: recordVsokoEvaluation, import, user.add…' })
  @Column('text')
  action: string;

  @Field(() => String, { description: 'What it was done to: vsoko_evaluation, shnor_listing, app_user…' })
  @Column('text')
  entity: string;

  @Field(() => String, { description: 'Which one, by its natural key: «sch700001/2024»' })
  @Column('text')
  entityKey: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The row before the change; null when it was created' })
  @Column('jsonb', { nullable: true })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The row after the change; null when it was removed' })
  @Column('jsonb', { nullable: true })
  after: unknown;
}
