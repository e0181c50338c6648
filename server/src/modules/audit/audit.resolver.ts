import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { PageArgs, parsePage } from '../../graphql/pagination';
import { pageComplexity } from '../../graphql/query-limits';
import { AuditService } from './audit.service';
import { AuditEntryConnection, AuditLogFilter } from './audit.types';

@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description: 'The audit log, newest first (region admin only; at most 500 per page)',
    complexity: pageComplexity,
  })
  auditLog(
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | null,
    @Args(() => PageArgs) pageArgs: PageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<AuditEntryConnection> {
    return new AuditService(ctx.em).list(ctx.actor, filter, parsePage(pageArgs));
  }
}

@Resolver(() => AuditEntryConnection)
export class AuditEntryConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() connection: AuditEntryConnection): number | Promise<number> {
    return typeof connection.totalCount === 'function' ? connection.totalCount() : connection.totalCount;
  }
}
