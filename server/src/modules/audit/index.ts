// First: the entities load TypeORM and with it the reflect-metadata polyfill, which the
// decorators of the resolvers below need when this index is the first thing loaded.
export { auditEntities } from './entities';
import type { ClassType } from 'type-graphql';
import { AuditEntryConnectionResolver, AuditResolver } from './audit.resolver';

export { audit, type AuditChange } from './audit';
export { AuditEntry } from './audit-entry.entity';

export const auditResolvers: ClassType[] = [AuditResolver, AuditEntryConnectionResolver];
