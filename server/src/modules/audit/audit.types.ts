import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/pagination';
import { AuditEntry } from './audit-entry.entity';

@InputType({ description: 'All given conditions must hold' })
export class AuditLogFilter {
  @Field(() => String, { nullable: true, description: 'vsoko_evaluation, self_diagnostic_result, import, app_user…' })
  entity?: string | null;

  @Field(() => String, { nullable: true, description: 'The natural key, e.g. `sch700001/2024`' })
  entityKey?: string | null;

  @Field(() => String, { nullable: true })
  userId?: string | null;

  @Field(() => String, { nullable: true, description: 'A response’s `x-request-id`' })
  requestId?: string | null;

  @Field(() => Date, { nullable: true, description: 'From this moment (inclusive)' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this moment (exclusive)' })
  to?: Date | null;
}

@ObjectType()
export class AuditEntryEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => AuditEntry)
  node: AuditEntry;
}

/** A page of the audit log, newest first; `totalCount` is counted only when asked for. */
@ObjectType()
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge])
  edges: AuditEntryEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Entries matching the filter, on all pages' })
  totalCount: number | (() => Promise<number>);
}
